package io.wordvec.eval;

import io.wordvec.vectors.SearchOptions;
import io.wordvec.vectors.VectorMath;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;

/**
 * How far a fine-tuning moved a model: the mean cosine shift of the words both models know, and the
 * overlap of the nearest neighbours of the most frequent words before and after.
 *
 * <p>Neighbours are searched in each model's full vocabulary (what a user querying that model
 * sees), so new words entering a neighbour list lower the overlap. Words are matched by spelling,
 * not by id, so any two models can be compared. Stateless and thread-safe.
 */
public final class Drift {

  /** Default number of most frequent words whose neighbours are compared. */
  public static final int DEFAULT_SAMPLE = 100;

  /** Default neighbour list length. */
  public static final int DEFAULT_NEIGHBORS = 10;

  private Drift() {}

  /**
   * The drift between two models.
   *
   * @param sharedWords words known to both models
   * @param meanCosineShift mean of {@code 1 - cos(before, after)} over the shared words (0 = no
   *     move, up to 2 = reversed)
   * @param sampledWords how many of the most frequent shared words had their neighbours compared
   * @param neighbors neighbour list length
   * @param neighborOverlap mean fraction of the {@code neighbors} nearest words kept, in [0, 1]
   * @param newWords words only the after model knows
   */
  public record Report(
      int sharedWords,
      double meanCosineShift,
      int sampledWords,
      int neighbors,
      double neighborOverlap,
      int newWords) {}

  /** {@link #measure(WordVectors, WordVectors, int, int)} with 100 words and 10 neighbours. */
  public static Report measure(WordVectors before, WordVectors after) {
    return measure(before, after, DEFAULT_SAMPLE, DEFAULT_NEIGHBORS);
  }

  /**
   * Compares two models.
   *
   * @param before the model before fine-tuning
   * @param after the model after fine-tuning
   * @param sample compare the neighbours of this many most frequent shared words (by the before
   *     model's id order, which is frequency rank)
   * @param k neighbour list length
   * @throws IllegalArgumentException if the dimensions differ or {@code sample}/{@code k} are not
   *     positive
   */
  public static Report measure(WordVectors before, WordVectors after, int sample, int k) {
    if (before.dimension() != after.dimension()) {
      throw new IllegalArgumentException(
          "dimensions differ: " + before.dimension() + " != " + after.dimension());
    }
    if (sample <= 0 || k <= 0) {
      throw new IllegalArgumentException("sample and k must be > 0, were " + sample + " and " + k);
    }
    int dim = before.dimension();
    Vocabulary beforeVocab = before.vocabulary();
    Vocabulary afterVocab = after.vocabulary();
    float[] b = new float[dim];
    float[] a = new float[dim];

    int shared = 0;
    double shift = 0;
    int[] sampleBefore = new int[Math.min(sample, beforeVocab.size())];
    int[] sampleAfter = new int[sampleBefore.length];
    int sampled = 0;
    for (int id = 0; id < beforeVocab.size(); id++) {
      int afterId = afterVocab.id(beforeVocab.word(id));
      if (afterId < 0) {
        continue;
      }
      shared++;
      before.unitRow(id, b, 0);
      after.unitRow(afterId, a, 0);
      shift += 1.0 - VectorMath.dot(b, a);
      if (sampled < sampleBefore.length) {
        sampleBefore[sampled] = id;
        sampleAfter[sampled] = afterId;
        sampled++;
      }
    }

    double overlap = 0;
    for (int i = 0; i < sampled; i++) {
      String[] near = nearest(before, sampleBefore[i], k);
      String[] nearAfter = nearest(after, sampleAfter[i], k);
      int common = 0;
      for (String w : near) {
        for (String x : nearAfter) {
          if (w.equals(x)) {
            common++;
            break;
          }
        }
      }
      overlap += near.length == 0 ? 1.0 : (double) common / near.length;
    }
    int newWords = 0;
    for (int id = 0; id < afterVocab.size(); id++) {
      if (!beforeVocab.contains(afterVocab.word(id))) {
        newWords++;
      }
    }
    return new Report(
        shared,
        shared == 0 ? 0 : shift / shared,
        sampled,
        k,
        sampled == 0 ? 0 : overlap / sampled,
        newWords);
  }

  /**
   * The k nearest words to row {@code query} by cosine, the query itself excluded: the exact
   * search, whichever search the model answers queries with, so that drift does not depend on an
   * index's recall.
   */
  private static String[] nearest(WordVectors vectors, int query, int k) {
    int n = Math.min(k, vectors.size() - 1);
    if (n <= 0) {
      return new String[0];
    }
    float[] unit = new float[vectors.dimension()];
    vectors.unitRow(query, unit, 0);
    int[] ids =
        vectors.exactSearch().nearest(unit, n, 0, new int[] {query}, SearchOptions.EXACT).ids();
    String[] out = new String[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = vectors.vocabulary().word(ids[i]);
    }
    return out;
  }
}
