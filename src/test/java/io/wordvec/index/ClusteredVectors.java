package io.wordvec.index;

import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.util.SplittableRandom;

/**
 * Seeded synthetic models for index tests: words w0, w1, ... (most frequent first) whose vectors
 * are drawn around random cluster centres, so that neighbourhoods have the kind of structure word
 * vectors have and an index can find them. Uniform random vectors have none.
 */
public final class ClusteredVectors {

  private ClusteredVectors() {}

  /**
   * @param clusters cluster centres, drawn from a standard normal
   * @param spread standard deviation of each word around its centre
   */
  public static WordVectors clustered(int rows, int dim, int clusters, float spread, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] centres = new float[clusters * dim];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = (float) random.nextGaussian();
    }
    float[] data = new float[rows * dim];
    for (int r = 0; r < rows; r++) {
      int c = random.nextInt(clusters);
      for (int j = 0; j < dim; j++) {
        data[r * dim + j] = centres[c * dim + j] + spread * (float) random.nextGaussian();
      }
    }
    return new WordVectors(numbered(rows), dim, data);
  }

  static Vocabulary numbered(int rows) {
    String[] words = new String[rows];
    long[] counts = new long[rows];
    for (int i = 0; i < rows; i++) {
      words[i] = "w" + i;
      counts[i] = rows - i;
    }
    return new Vocabulary(words, counts);
  }
}
