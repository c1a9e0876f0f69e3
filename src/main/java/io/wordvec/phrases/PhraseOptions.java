package io.wordvec.phrases;

import java.util.Objects;

/**
 * The settings of phrase detection, gensim's {@code Phrases} parameters by another name.
 *
 * @param passes how many detection passes: 1 joins pairs of words, each further pass runs over the
 *     output of the previous one and can join a phrase with a word or another phrase (2 passes
 *     build phrases of up to 4 words); &gt;= 1
 * @param minCount gensim's {@code min_count}: in the {@link PhraseScoring#DEFAULT default} score it
 *     is subtracted from the pair's count, with {@link PhraseScoring#NPMI NPMI} rarer pairs are
 *     never phrases; &gt;= 1
 * @param threshold a pair is a phrase when its score is strictly above this
 * @param scoring the score
 * @param maxTableSize the count table's cap (gensim's {@code max_vocab_size}): when the words and
 *     pairs counted exceed it after a sentence, every entry seen fewer than {@code r} times is
 *     dropped, {@code r} being 1 at the first pruning (which drops nothing, as in gensim) and one
 *     more at each following one, so the table stays near the cap on any corpus, at the price of
 *     exact counts for rare pairs; &gt;= 1000
 */
public record PhraseOptions(
    int passes, int minCount, double threshold, PhraseScoring scoring, int maxTableSize) {

  /** The delimiter between the words of a phrase: {@code new_york}. */
  public static final String DELIMITER = "_";

  public static final int MIN_PASSES = 1;

  /** Four passes already build phrases of up to 16 words. */
  public static final int MAX_PASSES = 4;

  public static final int DEFAULT_MIN_COUNT = 5;
  public static final int MIN_MIN_COUNT = 1;

  /** gensim's default threshold for the default score. */
  public static final double DEFAULT_THRESHOLD = 10;

  /** The default threshold for NPMI (gensim has one default, 10, which no NPMI score reaches). */
  public static final double DEFAULT_NPMI_THRESHOLD = 0.5;

  /**
   * The default cap on the count table: about 20 bytes an entry, so a few hundred megabytes at
   * most. gensim's default is 40 million; Python spends far more an entry.
   */
  public static final int DEFAULT_MAX_TABLE_SIZE = 10_000_000;

  public static final int MIN_MAX_TABLE_SIZE = 1000;

  public PhraseOptions {
    Objects.requireNonNull(scoring, "scoring");
    if (passes < MIN_PASSES || passes > MAX_PASSES) {
      throw new IllegalArgumentException(
          "phrase passes must be in [" + MIN_PASSES + ", " + MAX_PASSES + "], was " + passes);
    }
    if (minCount < MIN_MIN_COUNT) {
      throw new IllegalArgumentException("phrase minCount must be >= 1, was " + minCount);
    }
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("phrase threshold must be a finite number");
    }
    if (scoring == PhraseScoring.NPMI && (threshold < -1 || threshold > 1)) {
      throw new IllegalArgumentException(
          "an NPMI phrase threshold must be in [-1, 1], was " + threshold);
    }
    if (maxTableSize < MIN_MAX_TABLE_SIZE) {
      throw new IllegalArgumentException(
          "phrase maxTableSize must be >= " + MIN_MAX_TABLE_SIZE + ", was " + maxTableSize);
    }
  }

  /** {@code passes} passes with gensim's other defaults (min count 5, threshold 10). */
  public static PhraseOptions defaults(int passes) {
    return of(passes, null, null, null);
  }

  /**
   * Options where any but {@code passes} may be absent: min count 5, the default scoring, and the
   * scoring's default threshold (10, or 0.5 for NPMI).
   *
   * @throws IllegalArgumentException if a value is out of range
   */
  public static PhraseOptions of(
      int passes, Integer minCount, Double threshold, PhraseScoring scoring) {
    PhraseScoring s = scoring == null ? PhraseScoring.DEFAULT : scoring;
    double t =
        threshold != null
            ? threshold
            : s == PhraseScoring.NPMI ? DEFAULT_NPMI_THRESHOLD : DEFAULT_THRESHOLD;
    return new PhraseOptions(
        passes, minCount == null ? DEFAULT_MIN_COUNT : minCount, t, s, DEFAULT_MAX_TABLE_SIZE);
  }

  /** These options with another table cap. */
  public PhraseOptions withMaxTableSize(int value) {
    return new PhraseOptions(passes, minCount, threshold, scoring, value);
  }
}
