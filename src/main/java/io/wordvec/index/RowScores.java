package io.wordvec.index;

import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;

/**
 * jvector's scores, computed by this project's kernels on the model's unit rows: the similarity of
 * two unit vectors is {@code (1 + cos) / 2}, jvector's dot-product similarity, which its graph
 * heuristics (the diversity test of its neighbour selection, the zero threshold of its searches)
 * expect to lie in [0, 1]. Ranking by it is ranking by cosine.
 *
 * <p>jvector's own distance code is scalar before JDK 20; these functions use {@link
 * io.wordvec.vectors.VectorMath}, which takes the Vector API on JDK 17 as well.
 *
 * <p>Thread-safe, but each function it hands out owns a scratch row and is used by one thread at a
 * time (jvector makes one per insertion, per neighbour-list update, and here per query).
 */
final class RowScores implements BuildScoreProvider {

  private static final VectorTypeSupport TYPES =
      VectorizationProvider.getInstance().getVectorTypeSupport();

  private final UnitRows rows;

  RowScores(UnitRows rows) {
    this.rows = rows;
  }

  /** The similarity to {@code query} (a unit vector) of every row, as jvector scores it. */
  ScoreFunction.ExactScoreFunction to(float[] query) {
    float[] scratch = new float[rows.dimension()];
    return node -> (1f + rows.dot(query, node, scratch)) / 2f;
  }

  @Override
  public boolean isExact() {
    return true;
  }

  /**
   * The mean row. jvector 4 no longer calls it (a hierarchical graph enters at its top level); it
   * is here for the interface, and correct.
   */
  @Override
  public VectorFloat<?> approximateCentroid() {
    int dim = rows.dimension();
    double[] sum = new double[dim];
    for (int r = 0; r < rows.rows(); r++) {
      float[] row = rows.copy(r);
      for (int j = 0; j < dim; j++) {
        sum[j] += row[j];
      }
    }
    float[] mean = new float[dim];
    for (int j = 0; j < dim; j++) {
      mean[j] = (float) (sum[j] / Math.max(1, rows.rows()));
    }
    return TYPES.createFloatVector(mean);
  }

  @Override
  public SearchScoreProvider searchProviderFor(VectorFloat<?> vector) {
    float[] query = new float[vector.length()];
    for (int j = 0; j < query.length; j++) {
      query[j] = vector.get(j);
    }
    return new DefaultSearchScoreProvider(to(query));
  }

  @Override
  public SearchScoreProvider searchProviderFor(int node) {
    return new DefaultSearchScoreProvider(to(rows.copy(node)));
  }

  @Override
  public SearchScoreProvider diversityProviderFor(int node) {
    return searchProviderFor(node);
  }

  @Override
  public ScoreFunction diversityScoreFunctionFor(int node) {
    return to(rows.copy(node));
  }
}
