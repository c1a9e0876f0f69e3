package io.wordvec.train;

/**
 * Everything that determines a training run, as an immutable value. Defaults follow word2vec.c and
 * gensim; {@link #validate()} rejects values the trainer cannot use.
 *
 * @param architecture skip-gram or CBOW
 * @param dimension vector size
 * @param window maximum context distance on each side (shrunk at random per centre word)
 * @param negative noise words per positive example
 * @param sample frequent-word subsampling threshold (0 disables it)
 * @param minCount words seen fewer times are dropped from the vocabulary
 * @param maxVocab keep at most this many most frequent words (0 = no limit)
 * @param alpha initial learning rate
 * @param minAlpha final learning rate, reached at the end of the last epoch
 * @param epochs passes over the corpus
 * @param threads worker threads
 * @param seed seed of every random choice
 * @param noiseExponent exponent of the unigram noise distribution (0.75 in word2vec)
 * @param maxSentenceLength longer sentences are split into chunks of this many tokens
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
    int maxSentenceLength) {

  /** word2vec.c's default for skip-gram. */
  public static final double SKIP_GRAM_ALPHA = 0.025;

  /** word2vec.c's default for CBOW. */
  public static final double CBOW_ALPHA = 0.05;

  /** The pinned reference settings: skip-gram, dim 100, window 5, negative 5, 5 epochs. */
  public static TrainingConfig defaults() {
    return new TrainingConfig(
        Architecture.SKIP_GRAM,
        100,
        5,
        5,
        1e-4,
        5,
        0,
        SKIP_GRAM_ALPHA,
        0.0001,
        5,
        Runtime.getRuntime().availableProcessors(),
        1,
        0.75,
        10_000);
  }

  /**
   * Checks every field.
   *
   * @return this
   * @throws IllegalArgumentException naming the first bad field and its value
   */
  public TrainingConfig validate() {
    require(architecture != null, "architecture must be set");
    require(dimension > 0, "dimension must be > 0, was " + dimension);
    require(window > 0, "window must be > 0, was " + window);
    require(negative > 0, "negative must be > 0, was " + negative);
    require(sample >= 0 && Double.isFinite(sample), "sample must be >= 0, was " + sample);
    require(minCount >= 1, "minCount must be >= 1, was " + minCount);
    require(maxVocab >= 0, "maxVocab must be >= 0 (0 = no limit), was " + maxVocab);
    require(alpha > 0 && Double.isFinite(alpha), "alpha must be > 0, was " + alpha);
    require(
        minAlpha >= 0 && minAlpha <= alpha,
        "minAlpha must be in [0, alpha=" + alpha + "], was " + minAlpha);
    require(epochs > 0, "epochs must be > 0, was " + epochs);
    require(threads > 0, "threads must be > 0, was " + threads);
    require(
        noiseExponent >= 0 && Double.isFinite(noiseExponent),
        "noiseExponent must be >= 0, was " + noiseExponent);
    require(maxSentenceLength > 0, "maxSentenceLength must be > 0, was " + maxSentenceLength);
    return this;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  public TrainingConfig withArchitecture(Architecture value) {
    return new TrainingConfig(
        value,
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
        maxSentenceLength);
  }

  public TrainingConfig withDimension(int value) {
    return new TrainingConfig(
        architecture,
        value,
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
        maxSentenceLength);
  }

  public TrainingConfig withWindow(int value) {
    return new TrainingConfig(
        architecture,
        dimension,
        value,
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
        maxSentenceLength);
  }

  public TrainingConfig withNegative(int value) {
    return new TrainingConfig(
        architecture,
        dimension,
        window,
        value,
        sample,
        minCount,
        maxVocab,
        alpha,
        minAlpha,
        epochs,
        threads,
        seed,
        noiseExponent,
        maxSentenceLength);
  }

  public TrainingConfig withSample(double value) {
    return new TrainingConfig(
        architecture,
        dimension,
        window,
        negative,
        value,
        minCount,
        maxVocab,
        alpha,
        minAlpha,
        epochs,
        threads,
        seed,
        noiseExponent,
        maxSentenceLength);
  }

  public TrainingConfig withMinCount(int value) {
    return new TrainingConfig(
        architecture,
        dimension,
        window,
        negative,
        sample,
        value,
        maxVocab,
        alpha,
        minAlpha,
        epochs,
        threads,
        seed,
        noiseExponent,
        maxSentenceLength);
  }

  public TrainingConfig withMaxVocab(int value) {
    return new TrainingConfig(
        architecture,
        dimension,
        window,
        negative,
        sample,
        minCount,
        value,
        alpha,
        minAlpha,
        epochs,
        threads,
        seed,
        noiseExponent,
        maxSentenceLength);
  }

  public TrainingConfig withAlpha(double value) {
    return new TrainingConfig(
        architecture,
        dimension,
        window,
        negative,
        sample,
        minCount,
        maxVocab,
        value,
        minAlpha,
        epochs,
        threads,
        seed,
        noiseExponent,
        maxSentenceLength);
  }

  public TrainingConfig withMinAlpha(double value) {
    return new TrainingConfig(
        architecture,
        dimension,
        window,
        negative,
        sample,
        minCount,
        maxVocab,
        alpha,
        value,
        epochs,
        threads,
        seed,
        noiseExponent,
        maxSentenceLength);
  }

  public TrainingConfig withEpochs(int value) {
    return new TrainingConfig(
        architecture,
        dimension,
        window,
        negative,
        sample,
        minCount,
        maxVocab,
        alpha,
        minAlpha,
        value,
        threads,
        seed,
        noiseExponent,
        maxSentenceLength);
  }

  public TrainingConfig withThreads(int value) {
    return new TrainingConfig(
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
        value,
        seed,
        noiseExponent,
        maxSentenceLength);
  }

  public TrainingConfig withSeed(long value) {
    return new TrainingConfig(
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
        value,
        noiseExponent,
        maxSentenceLength);
  }

  public TrainingConfig withNoiseExponent(double value) {
    return new TrainingConfig(
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
        value,
        maxSentenceLength);
  }

  public TrainingConfig withMaxSentenceLength(int value) {
    return new TrainingConfig(
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
        value);
  }
}
