package io.wordvec.index;

import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import io.wordvec.vectors.RowDots;

/**
 * jvector's scores, computed by this project's kernels on the model's unit rows: the similarity of
 * two unit vectors is {@code (1 + cos) / 2}, jvector's dot-product similarity, which its graph
 * heuristics (the diversity test of its neighbour selection, the zero threshold of its searches)
 * expect to lie in [0, 1]. Ranking by it is ranking by cosine.
 *
 * <p>jvector's own distance code is scalar before JDK 20; these functions use {@link RowDots},
 * whose kernel takes the Vector API on JDK 17 as well. A build asks for a score function per
 * candidate neighbour it tests for diversity (tens per insertion), so making one must cost next to
 * nothing: with rows read in place a function is one small object and copies no row; with mapped
 * rows each thread scores through a scorer of its own, and a function copies at most the one row it
 * compares others with.
 *
 * <p>Thread-safe; the functions it hands out may be called from any thread.
 */
final class RowScores implements BuildScoreProvider {

  private static final VectorTypeSupport TYPES =
      VectorizationProvider.getInstance().getVectorTypeSupport();

  private final UnitRows rows;

  /** The rows' scorer when every thread may share it, else null. */
  private final RowDots shared;

  /** One scorer per thread, for rows that are copied before they are scored. */
  private final ThreadLocal<RowDots> perThread;

  RowScores(UnitRows rows) {
    this.rows = rows;
    this.shared = rows.sharedDots() ? rows.dots() : null;
    this.perThread = ThreadLocal.withInitial(rows::dots);
  }

  /** jvector's similarity of two unit vectors whose dot product is {@code dot}. */
  static float similarity(float dot) {
    return (1f + dot) / 2f;
  }

  /** The similarity to {@code query} (a unit vector) of every row, as jvector scores it. */
  ScoreFunction.ExactScoreFunction to(float[] query) {
    RowDots dots = shared;
    if (dots != null) {
      return node -> similarity(dots.dot(node, query));
    }
    return node -> similarity(perThread.get().dot(node, query));
  }

  /** The similarity to row {@code row} of every row, as jvector scores it. */
  ScoreFunction.ExactScoreFunction toRow(int row) {
    RowDots dots = shared;
    if (dots != null) {
      return node -> similarity(dots.dot(node, row));
    }
    return to(rows.copy(row));
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
    return new DefaultSearchScoreProvider(toRow(node));
  }

  @Override
  public SearchScoreProvider diversityProviderFor(int node) {
    return searchProviderFor(node);
  }

  @Override
  public ScoreFunction diversityScoreFunctionFor(int node) {
    return toRow(node);
  }
}
