package io.wordvec.align;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CSLS penalty of each target word, {@code r_S(y)}: the mean cosine between the word and its k
 * nearest mapped source words. Computing it for every target word costs a search over the source
 * model per word, so it is computed for a word only when a query first needs it ({@link
 * Translator}) and kept here: one float per target word, nothing more, and no reference to either
 * model, so that a cache can outlive the requests that filled it. It belongs to one alignment of
 * one pair of models; a model that changes needs a new cache.
 *
 * <p>Thread-safe: concurrent queries may compute the same word's value twice and both store it;
 * they store the same float, and float writes are atomic.
 */
public final class HubnessCache {

  /** The k of CSLS as Conneau et al. and MUSE use it. */
  public static final int DEFAULT_K = 10;

  private final float[] values;
  private final int k;
  private final AtomicInteger computed = new AtomicInteger();

  /**
   * @param targetWords the target model's vocabulary size
   * @param k neighbours averaged, &gt; 0
   */
  public HubnessCache(int targetWords, int k) {
    if (targetWords < 0 || k < 1) {
      throw new IllegalArgumentException(
          "a hubness cache needs >= 0 words and k >= 1, not " + targetWords + " and " + k);
    }
    this.values = new float[targetWords];
    this.k = k;
    Arrays.fill(values, Float.NaN);
  }

  /** Neighbours averaged. */
  public int k() {
    return k;
  }

  /** Target words it holds a slot for. */
  public int size() {
    return values.length;
  }

  /** How many words' penalties have been computed so far. */
  public int computed() {
    return computed.get();
  }

  /** The penalty of target word {@code id}, or NaN if not computed yet. */
  float get(int id) {
    return values[id];
  }

  void put(int id, float value) {
    if (Float.isNaN(values[id])) {
      computed.incrementAndGet();
    }
    values[id] = value;
  }
}
