package io.wordvec.vectors.internal;

/**
 * A bounded min-heap of {@code (score, id)} pairs that keeps the {@code capacity} best offers.
 * "Better" means a higher score, and for equal scores a lower id, so results do not depend on the
 * order of the offers (and hence not on how a scan was split across threads).
 *
 * <p>Not thread-safe: each scanning thread fills its own heap; {@link #addAll} merges them.
 */
public final class TopK {

  private final int capacity;
  private final float[] scores;
  private final int[] ids;
  private int size;

  /** An empty heap that keeps the best {@code capacity} offers. */
  public TopK(int capacity) {
    this.capacity = capacity;
    this.scores = new float[capacity];
    this.ids = new int[capacity];
  }

  /** Entries held, at most the capacity. */
  public int size() {
    return size;
  }

  /** Whether {@code (score, id)} would rank below the current worst entry of a full heap. */
  private static boolean worse(float score, int id, float otherScore, int otherId) {
    return score < otherScore || (score == otherScore && id > otherId);
  }

  /** The score an offer must beat to enter a full heap; -infinity while not full. */
  public float threshold() {
    return size < capacity ? Float.NEGATIVE_INFINITY : scores[0];
  }

  /** Keeps {@code (score, id)} if it ranks among the best {@code capacity} offers so far. */
  public void offer(float score, int id) {
    if (size < capacity) {
      int i = size++;
      // Sift up: the root holds the worst entry.
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (!worse(score, id, scores[parent], ids[parent])) {
          break;
        }
        scores[i] = scores[parent];
        ids[i] = ids[parent];
        i = parent;
      }
      scores[i] = score;
      ids[i] = id;
      return;
    }
    if (capacity == 0 || worse(score, id, scores[0], ids[0])) {
      return;
    }
    siftDown(score, id);
  }

  private void siftDown(float score, int id) {
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      int right = child + 1;
      if (right < size && worse(scores[right], ids[right], scores[child], ids[child])) {
        child = right;
      }
      if (!worse(scores[child], ids[child], score, id)) {
        break;
      }
      scores[i] = scores[child];
      ids[i] = ids[child];
      i = child;
    }
    scores[i] = score;
    ids[i] = id;
  }

  /** Offers every entry of {@code other}: merges the heaps of a split scan. */
  public void addAll(TopK other) {
    for (int i = 0; i < other.size; i++) {
      offer(other.scores[i], other.ids[i]);
    }
  }

  /** The entries best first, as parallel arrays {@code ids} (returned) and {@code outScores}. */
  public int[] sortedIds(float[] outScores) {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(
        order,
        (x, y) -> {
          if (scores[x] != scores[y]) {
            return Float.compare(scores[y], scores[x]);
          }
          return Integer.compare(ids[x], ids[y]);
        });
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = ids[order[i]];
      outScores[i] = scores[order[i]];
    }
    return out;
  }
}
