package io.wordvec.train;

/**
 * The settings a training run gets when none is given, where the method itself is chosen: learning
 * rates, the kernel and the noise exponent. Each says why it is what it is and where BENCHMARKS.md
 * measured it. {@link TrainingConfig.Builder} applies them; the CLI's help and the job API's
 * request checks read them from here.
 */
public final class MethodDefaults {

  /** word2vec.c's default learning rate for skip-gram. */
  public static final double SKIP_GRAM_ALPHA = 0.025;

  /** word2vec.c's default learning rate for CBOW. */
  public static final double CBOW_ALPHA = 0.05;

  /**
   * word2vec.c's and fastText's final learning rate (capped at {@code alpha} when that is lower):
   * the default of subword models and of the {@code per-worker-sawtooth} schedule, see {@link
   * #minAlpha(Architecture, double, LearningRateSchedule, boolean)}.
   */
  public static final double DEFAULT_MIN_ALPHA = 0.0001;

  /** A skip-gram word model's linear schedule ends by default at alpha divided by this. */
  public static final double SKIP_GRAM_FLOOR_DIVISOR = 10;

  /** A CBOW word model's linear schedule ends by default at alpha divided by this. */
  public static final double CBOW_FLOOR_DIVISOR = 5;

  /** word2vec's noise exponent, the default of a model without subwords. */
  public static final double NOISE_EXPONENT = 0.75;

  /** fastText's noise exponent, the default of a subword model. */
  public static final double SUBWORD_NOISE_EXPONENT = 0.5;

  /** The default initial learning rate of an architecture, as word2vec.c. */
  public static double alpha(Architecture architecture) {
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
  public static double minAlpha(
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
  public static Kernel kernel(Architecture architecture, boolean subwords) {
    return subwords ? Kernel.PAIR : Kernel.BATCHED;
  }

  /**
   * The noise exponent a config gets when none is set: word2vec's 0.75, or for a subword model
   * fastText's 0.5, which draws rare words as noise more often. A subword model is fastText's
   * method; with word2vec's exponent, skip-gram lost 1.6 analogy points against fastText on the
   * bundled corpus, and with fastText's it was level (BENCHMARKS.md, "Training with subwords").
   */
  public static double noiseExponent(boolean subwords) {
    return subwords ? SUBWORD_NOISE_EXPONENT : NOISE_EXPONENT;
  }

  private MethodDefaults() {}
}
