package io.wordvec.train;

/**
 * Frequent-word subsampling with word2vec.c's formula: a word of count {@code c} among {@code T}
 * retained corpus words is kept with probability {@code (sqrt(c / (s T)) + 1) (s T) / c}, capped at
 * 1, where {@code s} is the {@code sample} threshold (0 keeps every word).
 */
final class Subsampling {

  private Subsampling() {}

  /** The keep probability of each word. */
  static double[] keepProbabilities(long[] counts, long totalWords, double sample) {
    double[] keep = new double[counts.length];
    double threshold = sample * totalWords;
    for (int i = 0; i < counts.length; i++) {
      if (sample <= 0 || counts[i] <= 0) {
        keep[i] = 1;
      } else {
        double ran = (Math.sqrt(counts[i] / threshold) + 1) * threshold / counts[i];
        keep[i] = Math.min(1, ran);
      }
    }
    return keep;
  }

  /**
   * The same probabilities as 32-bit thresholds: keep when 32 random bits (as an unsigned value)
   * are below the threshold; 2^32 always keeps.
   */
  static long[] keepThresholds(double[] keep) {
    long[] thresholds = new long[keep.length];
    for (int i = 0; i < keep.length; i++) {
      thresholds[i] = keep[i] >= 1 ? 1L << 32 : (long) (keep[i] * 4294967296.0);
    }
    return thresholds;
  }
}
