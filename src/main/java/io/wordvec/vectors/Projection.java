package io.wordvec.vectors;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Principal component analysis of a small set of vectors, for drawing them as a map: each point's
 * coordinates on the top principal axes, and the share of the variance each axis explains.
 *
 * <p>The eigenvectors are found by orthogonal (subspace) power iteration on whichever of the two
 * symmetric matrices is smaller: the Gram matrix {@code X Xᵀ} (count × count) when there are fewer
 * points than dimensions, which is the usual case for a word's neighbourhood, else the scatter
 * matrix {@code Xᵀ X} (dimension × dimension). {@code X} is the centred data. All arithmetic is in
 * {@code double}.
 *
 * <p>Deterministic: the start vectors come from a fixed seed, and each axis is oriented so that the
 * point furthest from the centre along it has a positive coordinate (the first such point on a
 * tie). The same rows in the same order always give the same map, and negating every input vector
 * gives the same map too.
 *
 * <p>Immutable and thread-safe; the arrays passed in are not kept.
 */
public final class Projection {

  /** Seed of the start vectors of the power iteration. */
  static final long SEED = 0x5eed_2d_a9L;

  /**
   * Iteration cap. On real word vectors the maps match an exact SVD to 1e-5 within 60 steps (see
   * ProjectionParityTests); the cap leaves five times that. It bounds the worst case, points with
   * nearly equal variances in many directions (random vectors), where the axes turn slowly inside a
   * plane that has already settled: stopping there still draws a faithful picture, and it keeps the
   * worst 500-word map of 300-dimensional vectors to a fraction of a second.
   */
  private static final int MAX_ITERATIONS = 300;

  private static final double TOLERANCE = 1e-12;

  private static final int OVERSAMPLING = 4;

  private final int count;
  private final int components;
  private final double[] coordinates;
  private final double[] explainedVariance;

  private Projection(int count, int components, double[] coordinates, double[] explainedVariance) {
    this.count = count;
    this.components = components;
    this.coordinates = coordinates;
    this.explainedVariance = explainedVariance;
  }

  /**
   * Projects {@code count} row vectors onto their top {@code components} principal axes.
   *
   * @param rows {@code count * dimension} floats, row-major; not modified or kept
   * @param count number of rows, &gt;= 1
   * @param dimension length of a row, &gt;= 1
   * @param components number of axes, 1 .. dimension
   * @throws IllegalArgumentException on a shape mismatch, a non-finite value or a bad count
   */
  public static Projection pca(float[] rows, int count, int dimension, int components) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, was " + count);
    }
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, was " + dimension);
    }
    if (components < 1 || components > dimension) {
      throw new IllegalArgumentException(
          "components must be between 1 and the dimension " + dimension + ", was " + components);
    }
    if (rows.length != (long) count * dimension) {
      throw new IllegalArgumentException(
          "expected "
              + count
              + " x "
              + dimension
              + " = "
              + (long) count * dimension
              + " floats, got "
              + rows.length);
    }
    double[] centred = centre(rows, count, dimension);
    double totalVariance = 0;
    for (double v : centred) {
      totalVariance += v * v;
    }
    double[] coordinates = new double[count * components];
    double[] explained = new double[components];
    if (totalVariance > 0) {
      if (count <= dimension) {
        projectByGram(centred, count, dimension, components, coordinates);
      } else {
        projectByScatter(centred, count, dimension, components, coordinates);
      }
      for (int c = 0; c < components; c++) {
        double variance = 0;
        for (int p = 0; p < count; p++) {
          double x = coordinates[p * components + c];
          variance += x * x;
        }
        explained[c] = variance / totalVariance;
      }
      orientAxes(coordinates, count, components);
    }
    return new Projection(count, components, coordinates, explained);
  }

  /** Number of points. */
  public int count() {
    return count;
  }

  /** Number of axes. */
  public int components() {
    return components;
  }

  /** Coordinate of point {@code point} on axis {@code component} (0 = the principal axis). */
  public double coordinate(int point, int component) {
    return coordinates[point * components + component];
  }

  /** The share (0..1) of the total variance that axis {@code component} explains. */
  public double explainedVarianceRatio(int component) {
    return explainedVariance[component];
  }

  /** A copy of all coordinates, row-major: {@code count x components}. */
  public double[] coordinates() {
    return coordinates.clone();
  }

  private static double[] centre(float[] rows, int count, int dimension) {
    double[] mean = new double[dimension];
    for (int p = 0; p < count; p++) {
      int off = p * dimension;
      for (int d = 0; d < dimension; d++) {
        float v = rows[off + d];
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException("non-finite value in row " + p);
        }
        mean[d] += v;
      }
    }
    for (int d = 0; d < dimension; d++) {
      mean[d] /= count;
    }
    double[] centred = new double[count * dimension];
    for (int p = 0; p < count; p++) {
      int off = p * dimension;
      for (int d = 0; d < dimension; d++) {
        centred[off + d] = rows[off + d] - mean[d];
      }
    }
    return centred;
  }

  /**
   * Fewer points than dimensions: eigenvectors {@code u} of the Gram matrix {@code G = X Xᵀ}. Since
   * {@code X v = sqrt(mu) u} for the matching axis {@code v} of the scatter matrix, the coordinates
   * are {@code sqrt(mu) u} directly.
   */
  private static void projectByGram(
      double[] centred, int count, int dimension, int components, double[] coordinates) {
    double[] gram = new double[count * count];
    for (int i = 0; i < count; i++) {
      for (int j = i; j < count; j++) {
        double dot = 0;
        for (int d = 0; d < dimension; d++) {
          dot += centred[i * dimension + d] * centred[j * dimension + d];
        }
        gram[i * count + j] = dot;
        gram[j * count + i] = dot;
      }
    }
    int k = Math.min(components, count);
    double[] vectors = topEigenvectors(gram, count, k);
    for (int c = 0; c < k; c++) {
      double mu = rayleigh(gram, count, vectors, c);
      double scale = Math.sqrt(Math.max(mu, 0));
      for (int p = 0; p < count; p++) {
        coordinates[p * components + c] = scale * vectors[c * count + p];
      }
    }
  }

  /** More points than dimensions: axes {@code v} of {@code S = Xᵀ X}; coordinates {@code X v}. */
  private static void projectByScatter(
      double[] centred, int count, int dimension, int components, double[] coordinates) {
    double[] scatter = new double[dimension * dimension];
    for (int p = 0; p < count; p++) {
      int off = p * dimension;
      for (int i = 0; i < dimension; i++) {
        double xi = centred[off + i];
        if (xi == 0) {
          continue;
        }
        int row = i * dimension;
        for (int j = i; j < dimension; j++) {
          scatter[row + j] += xi * centred[off + j];
        }
      }
    }
    for (int i = 0; i < dimension; i++) {
      for (int j = 0; j < i; j++) {
        scatter[i * dimension + j] = scatter[j * dimension + i];
      }
    }
    double[] axes = topEigenvectors(scatter, dimension, components);
    for (int p = 0; p < count; p++) {
      int off = p * dimension;
      for (int c = 0; c < components; c++) {
        double dot = 0;
        for (int d = 0; d < dimension; d++) {
          dot += centred[off + d] * axes[c * dimension + d];
        }
        coordinates[p * components + c] = dot;
      }
    }
  }

  /**
   * The {@code wanted} leading eigenvectors of a symmetric positive semi-definite {@code m x m}
   * matrix, by orthogonal iteration: multiply a block of vectors by the matrix, re-orthonormalise
   * them in order (Gram-Schmidt), repeat until no vector moves. Ordered Gram-Schmidt makes vector
   * {@code i} converge to eigenvector {@code i}. A vector that vanishes (the matrix has rank below
   * {@code wanted}) is set to zero: its axis carries no variance.
   *
   * @return {@code wanted x m} row-major, unit or zero rows
   */
  private static double[] topEigenvectors(double[] matrix, int m, int wanted) {
    // Iterating a few more vectors than wanted speeds convergence of the wanted ones: their error
    // shrinks like (lambda[k] / lambda[wanted-1]) per step instead of (lambda[wanted] / ...).
    int k = Math.min(m, wanted + OVERSAMPLING);
    SplittableRandom random = new SplittableRandom(SEED);
    double[] q = new double[k * m];
    for (int i = 0; i < q.length; i++) {
      q[i] = random.nextDouble() - 0.5;
    }
    double scaleRef = 0;
    for (int i = 0; i < m; i++) {
      scaleRef = Math.max(scaleRef, Math.abs(matrix[i * m + i]));
    }
    orthonormalize(q, k, m, 0);
    double[] next = new double[k * m];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      for (int c = 0; c < k; c++) {
        int qOff = c * m;
        for (int i = 0; i < m; i++) {
          double sum = 0;
          int row = i * m;
          for (int j = 0; j < m; j++) {
            sum += matrix[row + j] * q[qOff + j];
          }
          next[qOff + i] = sum;
        }
      }
      orthonormalize(next, k, m, scaleRef * 1e-13);
      double change = 0;
      for (int c = 0; c < wanted; c++) {
        double dot = 0;
        for (int i = 0; i < m; i++) {
          dot += q[c * m + i] * next[c * m + i];
        }
        double normSq = 0;
        for (int i = 0; i < m; i++) {
          normSq += next[c * m + i] * next[c * m + i];
        }
        // A zero row stays zero; it has nothing left to converge.
        if (normSq > 0) {
          change = Math.max(change, 1 - Math.abs(dot));
        }
      }
      double[] swap = q;
      q = next;
      next = swap;
      if (change < TOLERANCE) {
        break;
      }
    }
    return Arrays.copyOf(q, wanted * m);
  }

  /** Modified Gram-Schmidt over {@code k} rows of length {@code m}; rows below the floor zeroed. */
  private static void orthonormalize(double[] rows, int k, int m, double floor) {
    for (int c = 0; c < k; c++) {
      int off = c * m;
      for (int prev = 0; prev < c; prev++) {
        int pOff = prev * m;
        double dot = 0;
        for (int i = 0; i < m; i++) {
          dot += rows[off + i] * rows[pOff + i];
        }
        for (int i = 0; i < m; i++) {
          rows[off + i] -= dot * rows[pOff + i];
        }
      }
      double norm = 0;
      for (int i = 0; i < m; i++) {
        norm += rows[off + i] * rows[off + i];
      }
      norm = Math.sqrt(norm);
      if (norm <= floor || norm == 0) {
        Arrays.fill(rows, off, off + m, 0);
      } else {
        for (int i = 0; i < m; i++) {
          rows[off + i] /= norm;
        }
      }
    }
  }

  private static double rayleigh(double[] matrix, int m, double[] vectors, int c) {
    int off = c * m;
    double result = 0;
    for (int i = 0; i < m; i++) {
      double sum = 0;
      for (int j = 0; j < m; j++) {
        sum += matrix[i * m + j] * vectors[off + j];
      }
      result += vectors[off + i] * sum;
    }
    return result;
  }

  /** Each axis points so that its most extreme point (the first one on a tie) is positive. */
  private static void orientAxes(double[] coordinates, int count, int components) {
    for (int c = 0; c < components; c++) {
      double extreme = 0;
      for (int p = 0; p < count; p++) {
        double x = coordinates[p * components + c];
        if (Math.abs(x) > Math.abs(extreme) * (1 + 1e-9)) {
          extreme = x;
        }
      }
      if (extreme < 0) {
        for (int p = 0; p < count; p++) {
          coordinates[p * components + c] = -coordinates[p * components + c];
        }
      }
    }
  }
}
