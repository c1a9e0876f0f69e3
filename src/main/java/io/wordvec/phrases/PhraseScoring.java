package io.wordvec.phrases;

import java.util.Locale;

/**
 * How a pair of adjacent words is scored, as gensim's {@code Phrases} scorers (same formulas, same
 * order of operations, so that scores agree to the last bits but for the platform's {@code log}).
 */
public enum PhraseScoring {

  /**
   * word2phrase's (Mikolov et al. 2013) and gensim's default: {@code (count(ab) - minCount) /
   * (count(a) * count(b)) * tableSize}, where {@code tableSize} is the number of distinct words and
   * pairs counted. Unbounded; gensim's default threshold is 10.
   */
  DEFAULT {
    @Override
    double score(long a, long b, long ab, long tableSize, int minCount, long corpusWords) {
      double denominator = (double) a * b;
      if (denominator == 0) {
        return Double.NEGATIVE_INFINITY;
      }
      return (ab - minCount) / denominator * tableSize;
    }
  },

  /**
   * Normalised pointwise mutual information (Bouma 2009): {@code ln(p(ab) / (p(a) p(b))) / -ln
   * p(ab)}, in [-1, 1]; pairs seen fewer than {@code minCount} times score minus infinity.
   */
  NPMI {
    @Override
    double score(long a, long b, long ab, long tableSize, int minCount, long corpusWords) {
      if (ab < minCount) {
        return Double.NEGATIVE_INFINITY;
      }
      double n = corpusWords;
      double pa = a / n;
      double pb = b / n;
      double pab = ab / n;
      double score = Math.log(pab / (pa * pb)) / -Math.log(pab);
      return Double.isNaN(score) ? Double.NEGATIVE_INFINITY : score;
    }
  };

  /**
   * The score of the pair {@code ab}.
   *
   * @param a count of the first word
   * @param b count of the second word
   * @param ab count of the pair
   * @param tableSize distinct words and pairs counted
   * @param minCount the detection's minimum count
   * @param corpusWords tokens read
   */
  abstract double score(long a, long b, long ab, long tableSize, int minCount, long corpusWords);

  /** The name used in options and summaries: {@code default} or {@code npmi}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The scoring named {@code id}, ignoring case.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static PhraseScoring of(String id) {
    for (PhraseScoring scoring : values()) {
      if (scoring.id().equalsIgnoreCase(id)) {
        return scoring;
      }
    }
    throw new IllegalArgumentException("phrase scoring must be default or npmi, was " + id);
  }
}
