package io.wordvec.train;

import static io.wordvec.train.TrainingConfig.require;

import io.wordvec.phrases.PhraseOptions;

/**
 * Settings of a fine-tuning run on top of a base model. Architecture, dimension, window, negative,
 * sample and noise exponent come from the base model's {@link TrainingConfig} ({@link
 * #applyTo(TrainingConfig)}). Defaults are held by {@link Builder}; {@code epochs}, {@code alpha},
 * {@code minAlpha} and {@code minCount} share the ranges of {@link TrainingConfig}.
 *
 * @param epochs passes over the new corpus
 * @param alpha initial learning rate (lower than from scratch by default)
 * @param minAlpha final learning rate
 * @param minCount new words need this many occurrences in the new corpus to be added
 * @param lockFactor scale of updates to pre-existing vectors: 0 frozen, 1 free
 * @param threads worker threads
 * @param seed seed of every random choice
 * @param phrases phrase detection on the new corpus; null = as the base model was trained (none, or
 *     the same settings)
 * @param schedule how the learning rate falls from alpha to minAlpha; null = as the base model was
 *     trained
 */
public record FineTuneOptions(
    int epochs,
    double alpha,
    double minAlpha,
    int minCount,
    double lockFactor,
    int threads,
    long seed,
    PhraseOptions phrases,
    LearningRateSchedule schedule) {

  /** Options that detect phrases and schedule the learning rate as the base model did. */
  public FineTuneOptions(
      int epochs,
      double alpha,
      double minAlpha,
      int minCount,
      double lockFactor,
      int threads,
      long seed) {
    this(epochs, alpha, minAlpha, minCount, lockFactor, threads, seed, null, null);
  }

  /** Default initial learning rate: skip-gram's 0.025 scaled down, to move trained vectors less. */
  public static final double DEFAULT_ALPHA = 0.01;

  public static final double MIN_LOCK_FACTOR = 0;
  public static final double MAX_LOCK_FACTOR = 1;

  /** The settings of {@link #builder()} left untouched: 5 epochs, alpha 0.01, lockFactor 1. */
  public static FineTuneOptions defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks every component against its range.
   *
   * @return this
   * @throws IllegalArgumentException naming the first bad component and its value
   */
  public FineTuneOptions validate() {
    TrainingConfig.requireEpochs(epochs);
    TrainingConfig.requireAlphas(alpha, minAlpha);
    require(minCount >= TrainingConfig.MIN_MIN_COUNT, "minCount must be >= 1, was " + minCount);
    require(
        lockFactor >= MIN_LOCK_FACTOR && lockFactor <= MAX_LOCK_FACTOR,
        "lockFactor must be in [0, 1], was " + lockFactor);
    require(threads >= TrainingConfig.MIN_THREADS, "threads must be > 0, was " + threads);
    return this;
  }

  /**
   * The config of the fine-tuning run: {@code base} with these epochs, learning rates, minCount,
   * threads and seed (and phrases and schedule, when set).
   *
   * @throws IllegalArgumentException if the result is not a valid config
   */
  public TrainingConfig applyTo(TrainingConfig base) {
    TrainingConfig.Builder b =
        base.toBuilder()
            .epochs(epochs)
            .alpha(alpha)
            .minAlpha(minAlpha)
            .minCount(minCount)
            .threads(threads)
            .seed(seed);
    if (phrases != null) {
      b.phrases(phrases.passes())
          .phraseMinCount(phrases.minCount())
          .phraseThreshold(phrases.threshold())
          .phraseScoring(phrases.scoring());
    }
    if (schedule != null) {
      b.schedule(schedule);
    }
    return b.build();
  }

  /**
   * Builds {@link FineTuneOptions}, starting from the defaults; {@code minAlpha}, until set, is
   * {@link TrainingConfig#DEFAULT_MIN_ALPHA} capped at {@code alpha}. Not thread-safe.
   */
  public static final class Builder {
    private int epochs = 5;
    private double alpha = DEFAULT_ALPHA;
    private Double minAlpha;
    private int minCount = 5;
    private double lockFactor = 1.0;
    private int threads = Runtime.getRuntime().availableProcessors();
    private long seed = 1;
    private PhraseOptions phrases;
    private LearningRateSchedule schedule;

    private Builder() {}

    public Builder epochs(int value) {
      epochs = value;
      return this;
    }

    public Builder alpha(double value) {
      alpha = value;
      return this;
    }

    public Builder minAlpha(double value) {
      minAlpha = value;
      return this;
    }

    public Builder minCount(int value) {
      minCount = value;
      return this;
    }

    public Builder lockFactor(double value) {
      lockFactor = value;
      return this;
    }

    public Builder threads(int value) {
      threads = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** Phrase detection on the new corpus; null (the default) detects as the base model did. */
    public Builder phrases(PhraseOptions value) {
      phrases = value;
      return this;
    }

    /** The learning-rate schedule; null (the default) schedules as the base model was trained. */
    public Builder schedule(LearningRateSchedule value) {
      schedule = value;
      return this;
    }

    /**
     * The options of these settings.
     *
     * @throws IllegalArgumentException as {@link FineTuneOptions#validate()}
     */
    public FineTuneOptions build() {
      double min = minAlpha != null ? minAlpha : Math.min(MethodDefaults.DEFAULT_MIN_ALPHA, alpha);
      return new FineTuneOptions(
              epochs, alpha, min, minCount, lockFactor, threads, seed, phrases, schedule)
          .validate();
    }
  }
}
