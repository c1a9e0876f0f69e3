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
    int[] wordsA = bagA.keySet().toIntArray();
    int[] wordsB = bagB.keySet().toIntArray();
    int n = wordsA.length;
    int m = wordsB.length;
    // Frequencies scaled by the other text's length: integers with equal totals (a.length *
    // b.length), so the transport moves whole units and the division comes once, at the end.
    double[] supply = new double[n];
    for (int i = 0; i < n; i++) {
      supply[i] = (double) bagA.get(wordsA[i]) * b.length;
    }
    double[] demand = new double[m];
    for (int j = 0; j < m; j++) {
      demand[j] = (double) bagB.get(wordsB[j]) * a.length;
    }
    int dim = vectors.dimension();
    // The unit rows of both texts' words, copied once (the rows may be mapped from a file).
    float[] unitA = new float[n * dim];
    for (int i = 0; i < n; i++) {
      vectors.unitRow(wordsA[i], unitA, i * dim);
    }
    float[] unitB = new float[m * dim];
    for (int j = 0; j < m; j++) {
      vectors.unitRow(wordsB[j], unitB, j * dim);
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
    return Transport.minCost(supply, demand, cost) / ((double) a.length * b.length);
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
