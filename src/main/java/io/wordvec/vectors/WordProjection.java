package io.wordvec.vectors;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A 2-D map of some words of a model: their unit vectors projected onto the two principal axes of
 * the set, so that the map shows the same cosine geometry the neighbour queries use.
 *
 * @param words the known words, in query order, each once
 * @param x first principal coordinate of each word in {@code words}
 * @param y second principal coordinate of each word in {@code words}
 * @param explainedVariance share of the set's variance on each axis (0..1)
 * @param unknown the words the model does not know, in query order, each once
 */
public record WordProjection(
    List<String> words, double[] x, double[] y, double[] explainedVariance, List<String> unknown) {

  public WordProjection {
    words = List.copyOf(words);
    unknown = List.copyOf(unknown);
  }

  /**
   * Maps {@code words} of {@code vectors}. Repeated words are drawn once; unknown words are listed,
   * not drawn. With no known word the map is empty; with one it is that word at the origin.
   */
  public static WordProjection of(WordVectors vectors, List<String> words) {
    List<String> known = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String word : new LinkedHashSet<>(words)) {
      (vectors.vocabulary().contains(word) ? known : unknown).add(word);
    }
    int dim = vectors.dimension();
    if (known.isEmpty()) {
      return new WordProjection(known, new double[0], new double[0], new double[2], unknown);
    }
    int[] ids = vectors.requireIds(known);
    float[] rows = new float[ids.length * dim];
    for (int i = 0; i < ids.length; i++) {
      vectors.unitRow(ids[i], rows, i * dim);
    }
    int components = Math.min(2, dim);
    Projection projection = Projection.pca(rows, ids.length, dim, components);
    double[] x = new double[ids.length];
    double[] y = new double[ids.length];
    for (int i = 0; i < ids.length; i++) {
      x[i] = projection.coordinate(i, 0);
      y[i] = components > 1 ? projection.coordinate(i, 1) : 0;
    }
    double[] explained = new double[2];
    for (int c = 0; c < components; c++) {
      explained[c] = projection.explainedVarianceRatio(c);
    }
    return new WordProjection(known, x, y, explained, unknown);
  }
}
