package io.wordvec.vectors;

import io.wordvec.vectors.internal.Transport;
import it.unimi.dsi.fastutil.ints.Int2IntLinkedOpenHashMap;
import java.util.Objects;

/**
 * The word mover's distance between two texts (Kusner et al. 2015), as gensim's {@code
 * KeyedVectors.wmdistance} computes it: each text is its normalised bag of words, a word is its
 * unit vector, and the distance is the least total cost of moving one bag onto the other, where
 * moving a share {@code f} of a word onto another costs {@code f} times the Euclidean distance of
 * their unit vectors. Identical texts are 0 apart; the farthest are 2 apart.
 *
 * <p>Unknown words are the caller's business: it passes the ids of the known ones (gensim drops the
 * unknown ones too). One departure from gensim: when every pair of distinct words has identical
 * vectors, gensim gives up and returns infinity (its solver could stall on an all-zero cost
 * matrix); here the answer is then 0, the true distance.
 *
 * <p>The cost grows as the product of the two texts' distinct words: callers limit it. Stateless
 * and thread-safe.
 */
public final class WordMoversDistance {

  private WordMoversDistance() {}

  /** How many distinct ids {@code ids} holds. */
  public static int distinctWords(int[] ids) {
    return bag(ids).size();
  }

  /**
   * The word mover's distance between two texts given as word ids (repeats count).
   *
   * @param vectors the model
   * @param a the known words of one text, at least one
   * @param b the known words of the other, at least one
   * @throws IllegalArgumentException if a text is empty or an id is out of range
   */
  public static double distance(WordVectors vectors, int[] a, int[] b) {
    Objects.requireNonNull(vectors, "vectors");
    if (a.length == 0 || b.length == 0) {
      throw new IllegalArgumentException("both texts need at least one known word");
    }
    for (int[] ids : new int[][] {a, b}) {
      for (int id : ids) {
        if (id < 0 || id >= vectors.size()) {
          throw new IllegalArgumentException(
              "word id " + id + " is out of range [0, " + vectors.size() + ")");
        }
      }
    }
    Int2IntLinkedOpenHashMap bagA = bag(a);
    Int2IntLinkedOpenHashMap bagB = bag(b);
    int dim = vectors.dimension();
    return distance(
        unitRows(vectors, bagA), counts(bagA), unitRows(vectors, bagB), counts(bagB), dim);
  }

  /**
   * The word mover's distance between two bags of words given by their distinct words' unit vectors
   * and counts (for words that need not be rows of a model, such as those answered from their
   * n-grams).
   *
   * @param unitA one unit vector per distinct word of the first text, row-major
   * @param countsA how often each occurs, each &gt;= 1
   * @param unitB the same for the other text
   * @param countsB how often each of its words occurs
   * @param dim the vectors' dimension
   */
  static double distance(float[] unitA, int[] countsA, float[] unitB, int[] countsB, int dim) {
    int n = countsA.length;
    int m = countsB.length;
    long lengthA = 0;
    for (int count : countsA) {
      lengthA += count;
    }
    long lengthB = 0;
    for (int count : countsB) {
      lengthB += count;
    }
    // Frequencies scaled by the other text's length: integers with equal totals (a.length *
    // b.length), so the transport moves whole units and the division comes once, at the end.
    double[] supply = new double[n];
    for (int i = 0; i < n; i++) {
      supply[i] = (double) countsA[i] * lengthB;
    }
    double[] demand = new double[m];
    for (int j = 0; j < m; j++) {
      demand[j] = (double) countsB[j] * lengthA;
    }
    double[] cost = new double[n * m];
    for (int i = 0; i < n; i++) {
      int rowA = i * dim;
      for (int j = 0; j < m; j++) {
        int rowB = j * dim;
        double sum = 0;
        for (int d = 0; d < dim; d++) {
          double diff = (double) unitA[rowA + d] - unitB[rowB + d];
          sum += diff * diff;
        }
        cost[i * m + j] = Math.sqrt(sum);
      }
    }
    return Transport.minCost(supply, demand, cost) / ((double) lengthA * lengthB);
  }

  private static float[] unitRows(WordVectors vectors, Int2IntLinkedOpenHashMap bag) {
    int dim = vectors.dimension();
    int[] words = bag.keySet().toIntArray();
    float[] unit = new float[words.length * dim];
    for (int i = 0; i < words.length; i++) {
      vectors.unitRow(words[i], unit, i * dim);
    }
    return unit;
  }

  private static int[] counts(Int2IntLinkedOpenHashMap bag) {
    return bag.values().toIntArray();
  }

  /** Word id to count, in order of first appearance. */
  private static Int2IntLinkedOpenHashMap bag(int[] ids) {
    Int2IntLinkedOpenHashMap bag = new Int2IntLinkedOpenHashMap(ids.length);
    for (int id : ids) {
      bag.addTo(id, 1);
    }
    return bag;
  }
}
