package io.wordvec.train;

import io.wordvec.phrases.PhraseOptions;
import io.wordvec.phrases.PhraseScoring;
import io.wordvec.vocab.CharNgrams;
import io.wordvec.vocab.CorpusReader;
import java.util.Objects;

/**
 * Everything that determines a training run, as an immutable value. This is the one place that
 * defines the training parameters: their defaults (held by {@link Builder}, after word2vec.c and
 * gensim), their valid ranges (the {@code MIN_}/{@code MAX_} constants, for the service's request
 * validation and the CLI to refer to) and the check itself ({@link #validate()}).
 *
 * <p>Why this class is long: it is the one definition of every training parameter (the CLI and the
 * job API read their ranges from it), so each parameter's range check and builder setter live here,
 * with their documentation. The defaults chosen on evidence are {@link MethodDefaults}'.
 *
 * <p>Native model files store this record by component name, so renaming a component breaks loading
 * older files; a component added later takes its {@link #defaults()} value when an older file lacks
 * it.
 *
 * @param architecture skip-gram or CBOW
 * @param dimension vector size
 * @param window maximum context distance on each side (shrunk at random per centre word)
 * @param negative noise words per positive example
 * @param sample frequent-word subsampling threshold (0 disables it)
 * @param minCount words seen fewer times are dropped from the vocabulary
 * @param maxVocab keep at most this many most frequent words (0 = no limit)
 * @param alpha initial learning rate
 * @param minAlpha final learning rate, reached at the end of the last epoch; by default a tenth of
 *     alpha for a skip-gram word model and a fifth for CBOW, see {@link MethodDefaults#minAlpha}
 * @param epochs passes over the corpus
 * @param threads worker threads
 * @param seed seed of every random choice
 * @param noiseExponent exponent of the unigram noise distribution: by default 0.75 (word2vec's), or
 *     0.5 for a subword model (fastText's), see {@link MethodDefaults#noiseExponent(boolean)}
 * @param maxSentenceLength longer sentences are split into chunks of this many tokens
 * @param maxWordBytes longer tokens are cut to this many UTF-8 bytes (100 like word2vec.c)
 * @param minn shortest character n-gram of a subword model (fastText's {@code -minn}); 0 with
 *     {@code maxn} 0 when the model has no subwords
 * @param maxn longest character n-gram; 0 = no subwords (fastText's {@code -maxn 0})
 * @param bucket n-gram hash buckets (rows) of a subword model; 0 without subwords
 * @param phrases phrase-detection passes before training (word2phrase, gensim's {@code Phrases}): 0
 *     = none, else 1 to {@link PhraseOptions#MAX_PASSES}; the model's vocabulary then holds {@code
 *     new_york} tokens
 * @param phraseMinCount phrase detection's {@code min_count}
 * @param phraseThreshold a pair of words is a phrase when it scores above this
 * @param phraseScoring the phrase score: gensim's default or NPMI
 * @param schedule how the learning rate falls from {@code alpha} to {@code minAlpha}
 * @param kernel the update of one window: per pair as word2vec.c, or batched around shared noise
 *     words (HogBatch); batched is for models without subwords. The default is {@link
 *     MethodDefaults#kernel(Architecture, boolean)}
 */
public record TrainingConfig(
    Architecture architecture,
    int dimension,
    int window,
    int negative,
    double sample,
    int minCount,
    int maxVocab,
    double alpha,
    double minAlpha,
    int epochs,
    int threads,
    long seed,
    double noiseExponent,
    int maxSentenceLength,
    int maxWordBytes,
    int minn,
    int maxn,
    int bucket,
    int phrases,
    int phraseMinCount,
    double phraseThreshold,
    PhraseScoring phraseScoring,
    LearningRateSchedule schedule,
    Kernel kernel)
    implements java.io.Serializable {

  public static final int MIN_DIMENSION = 1;
  public static final int MAX_DIMENSION = 10_000;
  public static final int MIN_WINDOW = 1;
  public static final int MAX_WINDOW = 100;
  public static final int MIN_NEGATIVE = 1;
  public static final int MAX_NEGATIVE = 100;
  public static final double MIN_SAMPLE = 0;
  public static final double MAX_SAMPLE = 1;

  /** The smallest {@code minCount}: a word must occur at least once. */
  public static final int MIN_MIN_COUNT = 1;

  /** The smallest {@code maxVocab}, meaning no limit. */
  public static final int MIN_MAX_VOCAB = 0;

  /** {@code alpha} must be above this value: it is an exclusive bound. */
  public static final double MIN_ALPHA_EXCLUSIVE = 0;

  public static final double MAX_ALPHA = 1;

  /** The smallest {@code minAlpha}; the largest is {@code alpha}. */
  public static final double MIN_MIN_ALPHA = 0;

  public static final int MIN_EPOCHS = 1;
  public static final int MAX_EPOCHS = 1000;
  public static final int MIN_THREADS = 1;

  public static final double MIN_NOISE_EXPONENT = 0;

  /**
   * Beyond this the noise distribution is all but the most frequent word: a mistake, not a choice.
   */
  public static final double MAX_NOISE_EXPONENT = 10;

  public static final int MIN_MAX_SENTENCE_LENGTH = 1;

  /** The smallest {@code minn} of a subword model. */
  public static final int MIN_MINN = 1;

  /** The longest n-gram ({@link CharNgrams#MAX_N}). */
  public static final int MAX_MAXN = CharNgrams.MAX_N;

  public static final int MIN_BUCKET = 1;

  /** Buckets beyond this are more rows than the n-gram matrix of a 100-dimensional model holds. */
  public static final int MAX_BUCKET = 20_000_000;

  /**
   * Each worker holds a buffer of this many ids: the cap keeps a typo from asking for gigabytes.
   */
  public static final int MAX_MAX_SENTENCE_LENGTH = 1_000_000;

  public static final int MIN_MAX_WORD_BYTES = CorpusReader.MIN_MAX_WORD_BYTES;
  public static final int MAX_MAX_WORD_BYTES = CorpusReader.MAX_MAX_WORD_BYTES;

  /**
   * A config without phrase detection, with the linear schedule (the components before phrases
   * existed).
   */
  public TrainingConfig(
      Architecture architecture,
      int dimension,
      int window,
      int negative,
      double sample,
      int minCount,
      int maxVocab,
      double alpha,
      double minAlpha,
      int epochs,
      int threads,
      long seed,
      double noiseExponent,
      int maxSentenceLength,
      int maxWordBytes,
      int minn,
      int maxn,
      int bucket) {
    this(
        architecture,
        dimension,
        window,
        negative,
        sample,
        minCount,
        maxVocab,
        alpha,
        minAlpha,
        epochs,
        threads,
        seed,
        noiseExponent,
        maxSentenceLength,
        maxWordBytes,
        minn,
        maxn,
        bucket,
        0,
        PhraseOptions.DEFAULT_MIN_COUNT,
        PhraseOptions.DEFAULT_THRESHOLD,
        PhraseScoring.DEFAULT,
        LearningRateSchedule.DEFAULT,
        Kernel.PAIR);
  }

  /** The settings of {@link #builder()} left untouched: skip-gram, dim 100, window 5, ... */
  public static TrainingConfig defaults() {
    return builder().build();
  }

  /** A builder holding the defaults: change what differs, then {@link Builder#build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this config's values, for a config derived from this one. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The character n-grams of a subword model (fastText's {@code -minn}, {@code -maxn}, {@code
   * -bucket}), or null when the model has none ({@code maxn} 0).
   */
  public CharNgrams ngrams() {
    return maxn == 0 ? null : new CharNgrams(minn, maxn, bucket);
  }

  /**
   * The phrase detection that runs before training, or null when there is none ({@code phrases} 0).
   */
  public PhraseOptions phraseOptions() {
    return phrases == 0
        ? null
        : new PhraseOptions(
            phrases,
            phraseMinCount,
            phraseThreshold,
            phraseScoring,
            PhraseOptions.DEFAULT_MAX_TABLE_SIZE);
  }

  /**
   * Checks every component against its range.
   *
   * @return this
   * @throws IllegalArgumentException naming the first bad component and its value
   */
  public TrainingConfig validate() {
    require(architecture != null, "architecture must be set");
    require(dimension >= MIN_DIMENSION, "dimension must be > 0, was " + dimension);
    require(
        dimension <= MAX_DIMENSION, "dimension must be <= " + MAX_DIMENSION + ", was " + dimension);
    require(window >= MIN_WINDOW, "window must be > 0, was " + window);
    require(window <= MAX_WINDOW, "window must be <= " + MAX_WINDOW + ", was " + window);
    require(negative >= MIN_NEGATIVE, "negative must be > 0, was " + negative);
    require(negative <= MAX_NEGATIVE, "negative must be <= " + MAX_NEGATIVE + ", was " + negative);
    require(
        sample >= MIN_SAMPLE && sample <= MAX_SAMPLE,
        "sample must be in [" + plain(MIN_SAMPLE) + ", " + plain(MAX_SAMPLE) + "], was " + sample);
    require(minCount >= MIN_MIN_COUNT, "minCount must be >= 1, was " + minCount);
    require(maxVocab >= MIN_MAX_VOCAB, "maxVocab must be >= 0 (0 = no limit), was " + maxVocab);
    requireAlphas(alpha, minAlpha);
    requireEpochs(epochs);
    require(threads >= MIN_THREADS, "threads must be > 0, was " + threads);
    require(
        noiseExponent >= MIN_NOISE_EXPONENT && noiseExponent <= MAX_NOISE_EXPONENT,
        "noiseExponent must be in [0, " + plain(MAX_NOISE_EXPONENT) + "], was " + noiseExponent);
    require(
        maxSentenceLength >= MIN_MAX_SENTENCE_LENGTH
            && maxSentenceLength <= MAX_MAX_SENTENCE_LENGTH,
        "maxSentenceLength must be between 1 and "
            + MAX_MAX_SENTENCE_LENGTH
            + ", was "
            + maxSentenceLength);
    require(
        maxWordBytes >= MIN_MAX_WORD_BYTES && maxWordBytes <= MAX_MAX_WORD_BYTES,
        "maxWordBytes must be between "
            + MIN_MAX_WORD_BYTES
            + " and "
            + MAX_MAX_WORD_BYTES
            + ", was "
            + maxWordBytes);
    if (maxn != 0 || minn != 0 || bucket != 0) {
      require(
          minn >= MIN_MINN && minn <= maxn && maxn <= MAX_MAXN,
          "subword n-grams need 1 <= minn <= maxn <= "
              + MAX_MAXN
              + ", were minn "
              + minn
              + ", maxn "
              + maxn
              + " (maxn 0 turns subwords off)");
      require(
          bucket >= MIN_BUCKET && bucket <= MAX_BUCKET,
          "bucket must be between " + MIN_BUCKET + " and " + MAX_BUCKET + ", was " + bucket);
    }
    require(
        phrases >= 0 && phrases <= PhraseOptions.MAX_PASSES,
        "phrases must be between 0 (none) and "
            + PhraseOptions.MAX_PASSES
            + " passes, was "
            + phrases);
    require(phraseScoring != null, "phraseScoring must be set");
    require(schedule != null, "schedule must be set");
    require(
        phraseMinCount >= PhraseOptions.MIN_MIN_COUNT,
        "phraseMinCount must be >= 1, was " + phraseMinCount);
    require(Double.isFinite(phraseThreshold), "phraseThreshold must be a finite number");
    require(
        phraseScoring != PhraseScoring.NPMI || (phraseThreshold >= -1 && phraseThreshold <= 1),
        "phraseThreshold must be in [-1, 1] with npmi scoring, was " + phraseThreshold);
    require(kernel != null, "kernel must be set");
    require(
        kernel == Kernel.PAIR || maxn == 0,
        "the batched kernel does not train subword models (minn, maxn, bucket): use kernel pair");
    return this;
  }

  /** The learning-rate ranges, shared with {@link FineTuneOptions}. */
  static void requireAlphas(double alpha, double minAlpha) {
    require(alpha > MIN_ALPHA_EXCLUSIVE, "alpha must be > 0, was " + alpha);
    require(alpha <= MAX_ALPHA, "alpha must be <= " + plain(MAX_ALPHA) + ", was " + alpha);
    require(
        minAlpha >= MIN_MIN_ALPHA && minAlpha <= alpha,
        "minAlpha must be in [0, alpha=" + alpha + "], was " + minAlpha);
  }

  /** The epochs range, shared with {@link FineTuneOptions}. */
  static void requireEpochs(int epochs) {
    require(epochs >= MIN_EPOCHS, "epochs must be > 0, was " + epochs);
    require(epochs <= MAX_EPOCHS, "epochs must be <= " + MAX_EPOCHS + ", was " + epochs);
  }

  /** A bound as people write it: 1 rather than 1.0. */
  static String plain(double bound) {
    return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
  }

  static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * Builds a {@link TrainingConfig}, starting from the defaults. Four defaults follow other
   * settings until they are set: {@code alpha} is {@link MethodDefaults#alpha(Architecture)} of the
   * architecture, {@code minAlpha} is {@link MethodDefaults#minAlpha(Architecture, double,
   * LearningRateSchedule, boolean)}, {@code kernel} is {@link MethodDefaults#kernel(Architecture,
   * boolean)} and {@code noiseExponent} {@link MethodDefaults#noiseExponent(boolean)}. A builder
   * from {@link #toBuilder()} has all four set.
   *
   * <p>Not thread-safe; reusable (each {@link #build()} returns a new config).
   */
  public static final class Builder {
    private Architecture architecture = Architecture.SKIP_GRAM;
    private int dimension = 100;
    private int window = 5;
    private int negative = 5;
    private double sample = 1e-4;
    private int minCount = 5;
    private int maxVocab = 0;
    private Double alpha;
    private Double minAlpha;
    private int epochs = 5;
    private int threads = Runtime.getRuntime().availableProcessors();
    private long seed = 1;
    private Double noiseExponent;
    private int maxSentenceLength = 10_000;
    private int maxWordBytes = CorpusReader.DEFAULT_MAX_WORD_BYTES;
    private int minn;
    private int maxn;
    private int bucket;
    private int phrases;
    private int phraseMinCount = PhraseOptions.DEFAULT_MIN_COUNT;
    private Double phraseThreshold;
    private PhraseScoring phraseScoring = PhraseScoring.DEFAULT;
    private LearningRateSchedule schedule = LearningRateSchedule.DEFAULT;
    private Kernel kernel;

    private Builder() {}

    private Builder(TrainingConfig c) {
      architecture = c.architecture;
      dimension = c.dimension;
      window = c.window;
      negative = c.negative;
      sample = c.sample;
      minCount = c.minCount;
      maxVocab = c.maxVocab;
      alpha = c.alpha;
      minAlpha = c.minAlpha;
      epochs = c.epochs;
      threads = c.threads;
      seed = c.seed;
      noiseExponent = c.noiseExponent;
      maxSentenceLength = c.maxSentenceLength;
      maxWordBytes = c.maxWordBytes;
      minn = c.minn;
      maxn = c.maxn;
      bucket = c.bucket;
      phrases = c.phrases;
      phraseMinCount = c.phraseMinCount;
      phraseThreshold = c.phraseThreshold;
      phraseScoring = c.phraseScoring;
      schedule = c.schedule;
      kernel = c.kernel;
    }

    public Builder architecture(Architecture value) {
      architecture = Objects.requireNonNull(value, "architecture");
      return this;
    }

    public Builder dimension(int value) {
      dimension = value;
      return this;
    }

    public Builder window(int value) {
      window = value;
      return this;
    }

    public Builder negative(int value) {
      negative = value;
      return this;
    }

    public Builder sample(double value) {
      sample = value;
      return this;
    }

    public Builder minCount(int value) {
      minCount = value;
      return this;
    }

    public Builder maxVocab(int value) {
      maxVocab = value;
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

    public Builder epochs(int value) {
      epochs = value;
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

    public Builder noiseExponent(double value) {
      noiseExponent = value;
      return this;
    }

    public Builder maxSentenceLength(int value) {
      maxSentenceLength = value;
      return this;
    }

    public Builder maxWordBytes(int value) {
      maxWordBytes = value;
      return this;
    }

    /**
     * Character n-grams, fastText's subwords: a word's input vector is the mean of its own row and
     * its n-grams' rows. Null turns them off (the default).
     */
    public Builder subwords(CharNgrams value) {
      minn = value == null ? 0 : value.minn();
      maxn = value == null ? 0 : value.maxn();
      bucket = value == null ? 0 : value.bucket();
      return this;
    }

    /** Phrase-detection passes before training: 0 (the default) for none. */
    public Builder phrases(int value) {
      phrases = value;
      return this;
    }

    public Builder phraseMinCount(int value) {
      phraseMinCount = value;
      return this;
    }

    /** The phrase threshold; until set, 10 for the default score and 0.5 for NPMI. */
    public Builder phraseThreshold(double value) {
      phraseThreshold = value;
      return this;
    }

    public Builder phraseScoring(PhraseScoring value) {
      phraseScoring = Objects.requireNonNull(value, "phraseScoring");
      return this;
    }

    /** How the learning rate falls from alpha to minAlpha; {@code linear} by default. */
    public Builder schedule(LearningRateSchedule value) {
      schedule = Objects.requireNonNull(value, "schedule");
      return this;
    }

    /**
     * The update of one window: {@link Kernel#PAIR} or {@link Kernel#BATCHED}; unset, {@link
     * MethodDefaults#kernel(Architecture, boolean)}.
     */
    public Builder kernel(Kernel value) {
      kernel = Objects.requireNonNull(value, "kernel");
      return this;
    }

    /**
     * The config of these settings.
     *
     * @throws IllegalArgumentException as {@link TrainingConfig#validate()}
     */
    public TrainingConfig build() {
      double a = alpha != null ? alpha : MethodDefaults.alpha(architecture);
      double min =
          minAlpha != null
              ? minAlpha
              : MethodDefaults.minAlpha(architecture, a, schedule, maxn > 0);
      return new TrainingConfig(
              architecture,
              dimension,
              window,
              negative,
              sample,
              minCount,
              maxVocab,
              a,
              min,
              epochs,
              threads,
              seed,
              noiseExponent != null ? noiseExponent : MethodDefaults.noiseExponent(maxn > 0),
              maxSentenceLength,
              maxWordBytes,
              minn,
              maxn,
              bucket,
              phrases,
              phraseMinCount,
              phraseThreshold != null
                  ? phraseThreshold
                  : phraseScoring == PhraseScoring.NPMI
                      ? PhraseOptions.DEFAULT_NPMI_THRESHOLD
                      : PhraseOptions.DEFAULT_THRESHOLD,
              phraseScoring,
              schedule,
              kernel != null ? kernel : MethodDefaults.kernel(architecture, maxn > 0))
          .validate();
    }
  }
}
