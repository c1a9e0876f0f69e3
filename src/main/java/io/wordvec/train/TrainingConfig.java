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
 *     alpha for a skip-gram word model and a fifth for CBOW, see {@link #defaultMinAlpha}
 * @param epochs passes over the corpus
 * @param threads worker threads
 * @param seed seed of every random choice
 * @param noiseExponent exponent of the unigram noise distribution: by default 0.75 (word2vec's), or
 *     0.5 for a subword model (fastText's), see {@link #defaultNoiseExponent(boolean)}
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
 *     #defaultKernel(Architecture, boolean)}
 *     <p>Why this class is long: it is the one definition of every training parameter (the CLI and
 *     the job API read their defaults and ranges from it), so each parameter's default, range check
 *     and wither live here; most of the length is their documentation and validation.
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

  /** word2vec.c's default learning rate for skip-gram. */
  public static final double SKIP_GRAM_ALPHA = 0.025;

  /** word2vec.c's default learning rate for CBOW. */
  public static final double CBOW_ALPHA = 0.05;

  /**
   * word2vec.c's and fastText's final learning rate (capped at {@code alpha} when that is lower):
   * the default of subword models and of the {@code per-worker-sawtooth} schedule, see {@link
   * #defaultMinAlpha(Architecture, double, LearningRateSchedule, boolean)}.
   */
  public static final double DEFAULT_MIN_ALPHA = 0.0001;

  /** A skip-gram word model's linear schedule ends by default at alpha divided by this. */
  public static final double SKIP_GRAM_FLOOR_DIVISOR = 10;

  /** A CBOW word model's linear schedule ends by default at alpha divided by this. */
  public static final double CBOW_FLOOR_DIVISOR = 5;

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

  /** word2vec's noise exponent, the default of a model without subwords. */
  public static final double NOISE_EXPONENT = 0.75;

  /** fastText's noise exponent, the default of a subword model. */
  public static final double SUBWORD_NOISE_EXPONENT = 0.5;

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

  /** The default initial learning rate of an architecture, as word2vec.c. */
  public static double defaultAlpha(Architecture architecture) {
    return architecture == Architecture.CBOW ? CBOW_ALPHA : SKIP_GRAM_ALPHA;
  }

  /**
   * The final learning rate a config gets when none is set. A word model's linear schedule ends at
   * a tenth of {@code alpha} for skip-gram and a fifth for CBOW, not at word2vec.c's 0.0001: rare
   * words are seen mostly late, and with a rate near zero their last occurrences teach them almost
   * nothing. It is what made the anchor's vectors better on relatedness and rare-word sets, and on
   * the bundled sets (BENCHMARKS.md, "Learning-rate schedule" and "CBOW over twelve seeds"):
   *
   * <ul>
   *   <li>Skip-gram, seeds 1-3: a tenth raised WS-353 rho by 0.001 and cost a point of analogies,
   *       which stay above gensim's. With 2 threads and 5 epochs it has the same mean and final
   *       rate as gensim {@code corpus_file}'s saw-tooth, without depending on the thread count.
   *   <li>CBOW, whose alpha is twice skip-gram's and whose context rows all take the whole
   *       gradient: over twelve seeds, floors of alpha/20, alpha/10 and alpha/5 gave WS-353 rho
   *       0.495, 0.498 and 0.504 with analogies level (39.6-39.8%); alpha/5 scored higher than
   *       alpha/10 on 9 of the 12 seeds.
   * </ul>
   *
   * Subword models keep fastText's decay to (nearly) zero, their anchor's and measured there; the
   * saw-tooth keeps gensim's 0.0001, so that it reproduces gensim.
   */
  public static double defaultMinAlpha(
      Architecture architecture, double alpha, LearningRateSchedule schedule, boolean subwords) {
    if (subwords || schedule == LearningRateSchedule.PER_WORKER_SAWTOOTH) {
      return Math.min(DEFAULT_MIN_ALPHA, alpha);
    }
    return alpha
        / (architecture == Architecture.CBOW ? CBOW_FLOOR_DIVISOR : SKIP_GRAM_FLOOR_DIVISOR);
  }

  /**
   * The kernel a config gets when none is set. Word models train batched: over seeds 1-3 on the
   * bundled corpus, batched skip-gram scored above the per-pair kernel and gensim on both bundled
   * sets at twice the per-pair speed, and batched CBOW as the per-pair kernel at 1.6 times its
   * speed (BENCHMARKS.md, "Batched kernel"). Subword models have only the per-pair kernel.
   */
  public static Kernel defaultKernel(Architecture architecture, boolean subwords) {
    return subwords ? Kernel.PAIR : Kernel.BATCHED;
  }

  /**
   * The noise exponent a config gets when none is set: word2vec's 0.75, or for a subword model
   * fastText's 0.5, which draws rare words as noise more often. A subword model is fastText's
   * method; with word2vec's exponent, skip-gram lost 1.6 analogy points against fastText on the
   * bundled corpus, and with fastText's it was level (BENCHMARKS.md, "Training with subwords").
   */
  public static double defaultNoiseExponent(boolean subwords) {
    return subwords ? SUBWORD_NOISE_EXPONENT : NOISE_EXPONENT;
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
   * settings until they are set: {@code alpha} is {@link #defaultAlpha(Architecture)} of the
   * architecture, {@code minAlpha} is {@link #defaultMinAlpha(Architecture, double,
   * LearningRateSchedule, boolean)}, {@code kernel} is {@link #defaultKernel(Architecture,
   * boolean)} and {@code noiseExponent} {@link #defaultNoiseExponent(boolean)}. A builder from
   * {@link #toBuilder()} has all four set.
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
     * TrainingConfig#defaultKernel(Architecture, boolean)}.
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
      double a = alpha != null ? alpha : defaultAlpha(architecture);
      double min =
          minAlpha != null ? minAlpha : defaultMinAlpha(architecture, a, schedule, maxn > 0);
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
              noiseExponent != null ? noiseExponent : defaultNoiseExponent(maxn > 0),
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
              kernel != null ? kernel : defaultKernel(architecture, maxn > 0))
          .validate();
    }
  }
}
