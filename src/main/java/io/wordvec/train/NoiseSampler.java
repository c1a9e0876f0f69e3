package io.wordvec.train;

/**
 * Draws negative-sampling noise words with probability proportional to {@code count^exponent}
 * (word2vec uses 0.75), in constant time by Vose's alias method.
 *
 * <p>word2vec.c fills a 10^8-entry table with word ids and gensim searches a cumulative table; an
 * alias table is exact and needs {@code 8 * vocabulary size} bytes, small enough to stay in the CPU
 * cache where the 400 MB table of word2vec.c costs a cache miss per draw.
 *
 * <p>Immutable and thread-safe; the random numbers come from the caller's own generator.
 */
final class NoiseSampler implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** Interleaved per column: [2i] = acceptance threshold in [0, 2^31), [2i+1] = alias column. */
  private final int[] table;

  private final int size;

  /**
   * @param counts word counts, index = word id
   * @param exponent power applied to each count
   * @throws IllegalArgumentException if there is no word or every weight is zero
   */
  NoiseSampler(long[] counts, double exponent) {
    size = counts.length;
    if (size == 0) {
      throw new IllegalArgumentException("noise distribution needs at least one word");
    }
    double[] weights = new double[size];
    double total = 0;
    for (int i = 0; i < size; i++) {
      weights[i] = Math.pow(counts[i], exponent);
      total += weights[i];
    }
    if (!(total > 0) || !Double.isFinite(total)) {
      throw new IllegalArgumentException("noise distribution has no positive weight");
    }
    // Vose: scale to mean 1, pair every under-full column with an over-full donor.
    double[] scaled = new double[size];
    int[] small = new int[size];
    int[] large = new int[size];
    int nSmall = 0;
    int nLarge = 0;
    for (int i = 0; i < size; i++) {
      scaled[i] = weights[i] * size / total;
      if (scaled[i] < 1.0) {
        small[nSmall++] = i;
      } else {
        large[nLarge++] = i;
      }
    }
    table = new int[2 * size];
    while (nSmall > 0 && nLarge > 0) {
      int s = small[--nSmall];
      int l = large[--nLarge];
      table[2 * s] = threshold(scaled[s]);
      table[2 * s + 1] = l;
      scaled[l] = (scaled[l] + scaled[s]) - 1.0;
      if (scaled[l] < 1.0) {
        small[nSmall++] = l;
      } else {
        large[nLarge++] = l;
      }
    }
    // Leftovers are full columns up to rounding error.
    while (nLarge > 0) {
      int l = large[--nLarge];
      table[2 * l] = Integer.MAX_VALUE;
      table[2 * l + 1] = l;
    }
    while (nSmall > 0) {
      int s = small[--nSmall];
      table[2 * s] = Integer.MAX_VALUE;
      table[2 * s + 1] = s;
    }
  }

  private static int threshold(double p) {
    return (int) Math.min(Integer.MAX_VALUE, Math.round(p * 2147483648.0));
  }

  /**
   * One draw.
   *
   * @param columnBits 32 random bits choosing the column
   * @param coinBits 31 random bits (non-negative) deciding between the column and its alias
   */
  int sample(long columnBits, int coinBits) {
    int column = (int) ((columnBits * size) >>> 32);
    return coinBits < table[2 * column] ? column : table[2 * column + 1];
  }
}
