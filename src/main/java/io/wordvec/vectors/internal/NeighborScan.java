package io.wordvec.vectors.internal;

/**
 * Exhaustive top-k scans over a unit-normalised row-major matrix. Each scan computes one score per
 * row with the active {@link VectorOps} and keeps the best in a {@link TopK}; large matrices are
 * scanned in parallel by {@link ParallelRows}, each thread into its own heap, and the heaps merged
 * at the end. The result is the same however the work was split, because {@link TopK} orders ties
 * by id.
 *
 * <p>Callers validate shapes once; the loops here do no checks.
 */
public final class NeighborScan {

  private static final VectorOps OPS = VectorOpsProvider.active();

  /**
   * Scores rows {@code [from, to)} into {@code heap}; for the 8-bit scans, whose unit of work is a
   * block of rows, blocks {@code [from, to)}.
   */
  private interface RowScorer extends ParallelRows.RowRangeInto<TopK> {}

  private NeighborScan() {}

  /** Rows {@code [0, rows)} by dot product with {@code query} (a unit vector: cosine). */
  public static TopK cosAdd(float[] matrix, int dim, int rows, float[] query, int k) {
    return run(
        rows,
        dim,
        k,
        (from, to, heap) -> {
          float min = heap.threshold();
          for (int r = from; r < to; r++) {
            float score = OPS.dot(matrix, r * dim, query, 0, dim);
            // Rows arrive in ascending id order, so an equal score never displaces the minimum.
            if (score > min) {
              heap.offer(score, r);
              min = heap.threshold();
            }
          }
        });
  }

  /** Rows per block of 8-bit codes, scored together. */
  private static final int BLOCK = Quantizer.BLOCK_ROWS;

  /** Per-thread scratch for the approximate scores of a quantised scan, grown on demand. */
  private static final ThreadLocal<float[]> APPROX = ThreadLocal.withInitial(() -> new float[0]);

  /**
   * The same answer as {@link #cosAdd}, bit for bit, found with a quarter of the memory traffic:
   *
   * <ol>
   *   <li>every row gets an approximate score from its 8-bit codes, and a bound on how far that can
   *       be from its exact score: {@code ||q||_1 * scale_r / 2} plus a float-rounding margin;
   *   <li>{@code L}, the k-th largest lower bound, is a floor for the k-th best exact score, so a
   *       row whose upper bound is below {@code L} cannot be among the best k;
   *   <li>the remaining candidates (typically a few more than k) are rescored exactly, with the
   *       same kernel and arguments as the float scan, into the final heap.
   * </ol>
   *
   * <p>{@code codes} and {@code scales} are {@code matrix}'s rows coded by {@link Quantizer}.
   */
  public static TopK cosAddQuantized(
      float[] matrix, byte[] codes, float[] scales, int dim, int rows, float[] query, int k) {
    final float perScale = perScale(query, dim);
    final float fixed = fixedError(dim);
    final float[] upper = scratch(rows);
    // Split by blocks of rows as a float scan of the same rows would be: widening the codes costs
    // about as much compute per row as a float dot product, so a model that is small in bytes
    // still gains from a second thread.
    TopK lower =
        run(
            Quantizer.blocks(rows),
            dim * BLOCK,
            k,
            (fromBlock, toBlock, heap) -> {
              float[] dots = new float[BLOCK];
              float min = heap.threshold();
              for (int b = fromBlock; b < toBlock; b++) {
                OPS.dotBytesBlock(query, codes, b * BLOCK * dim, dim, dots, 0);
                int first = b * BLOCK;
                int end = Math.min(rows, first + BLOCK);
                for (int r = first; r < end; r++) {
                  float scale = scales[r];
                  float a = dots[r - first] * scale;
                  float error = fixed + perScale * scale;
                  upper[r] = a + error;
                  float low = a - error;
                  if (low > min) {
                    heap.offer(low, r);
                    min = heap.threshold();
                  }
                }
              }
            });
    return rescore(rows, upper, lower.threshold(), k, r -> OPS.dot(matrix, r * dim, query, 0, dim));
  }

  /**
   * Rows {@code [0, rows)} by Levy and Goldberg's 3CosMul: the product over positive terms of
   * {@code (1 + cos) / 2}, divided by the same product over negative terms plus {@code 1e-6}
   * (gensim's {@code most_similar_cosmul}, including its epsilon, so scores match).
   */
  public static TopK cosMul(
      float[] matrix, int dim, int rows, float[][] positive, float[][] negative, int k) {
    return run(
        rows,
        dim,
        k,
        (from, to, heap) -> {
          float min = heap.threshold();
          for (int r = from; r < to; r++) {
            float score = cosMulScore(matrix, r * dim, dim, positive, negative);
            if (score > min) {
              heap.offer(score, r);
              min = heap.threshold();
            }
          }
        });
  }

  /** The 3CosMul score of the row at {@code off}; both scans compute it with this code. */
  private static float cosMulScore(
      float[] matrix, int off, int dim, float[][] positive, float[][] negative) {
    float numerator = 1f;
    for (float[] term : positive) {
      numerator *= (1f + OPS.dot(matrix, off, term, 0, dim)) / 2f;
    }
    float denominator = 1f;
    for (float[] term : negative) {
      denominator *= (1f + OPS.dot(matrix, off, term, 0, dim)) / 2f;
    }
    return numerator / (denominator + 0.000001f);
  }

  /**
   * Factors {@code (1 + cos) / 2} whose lower bound is below this make a row "unsafe": it is always
   * rescored. Above it every factor is positive, so the bounds of a product and a quotient of
   * factors follow from the bounds of the factors; rows this close to the opposite of a query word
   * are rare.
   */
  private static final float SAFE_FACTOR = 1e-3f;

  /**
   * The same answer as {@link #cosMul}, bit for bit, from the 8-bit rows as in {@link
   * #cosAddQuantized}: each term's cosine gets an approximate value and an error bound, which bound
   * each factor {@code (1 + cos) / 2} and so the score (increasing in every positive factor,
   * decreasing in every negative one); rows whose upper bound reaches the k-th largest lower bound
   * are rescored exactly.
   */
  public static TopK cosMulQuantized(
      float[] matrix,
      byte[] codes,
      float[] scales,
      int dim,
      int rows,
      float[][] positive,
      float[][] negative,
      int k) {
    float[][] terms = new float[positive.length + negative.length][];
    float[] perScale = new float[terms.length];
    for (int t = 0; t < terms.length; t++) {
      terms[t] = t < positive.length ? positive[t] : negative[t - positive.length];
      perScale[t] = perScale(terms[t], dim);
    }
    float fixed = fixedError(dim);
    float[] upper = scratch(rows);
    TopK lower =
        run(
            Quantizer.blocks(rows),
            dim * BLOCK * terms.length,
            k,
            (fromBlock, toBlock, heap) -> {
              float min = heap.threshold();
              // dots[t * BLOCK + i]: term t with row i of the block.
              float[] dots = new float[terms.length * BLOCK];
              for (int b = fromBlock; b < toBlock; b++) {
                int off = b * BLOCK * dim;
                if (terms.length == 3) {
                  // An analogy: widen the block's codes once for its three terms.
                  OPS.dotBytesBlock3(terms[0], terms[1], terms[2], codes, off, dim, dots);
                } else {
                  for (int t = 0; t < terms.length; t++) {
                    OPS.dotBytesBlock(terms[t], codes, off, dim, dots, t * BLOCK);
                  }
                }
                int first = b * BLOCK;
                int end = Math.min(rows, first + BLOCK);
                for (int r = first; r < end; r++) {
                  float low =
                      cosMulBounds(
                          dots, r - first, scales[r], fixed, perScale, positive.length, upper, r);
                  if (low > min) {
                    heap.offer(low, r);
                    min = heap.threshold();
                  }
                }
              }
            });
    return rescore(
        rows,
        upper,
        lower.threshold(),
        k,
        r -> cosMulScore(matrix, r * dim, dim, positive, negative));
  }

  /**
   * The bounds on one row's 3CosMul score, from its approximate cosines with each term ({@code
   * dots[t * BLOCK + i]}, row {@code i} of its block): writes the upper bound to {@code upper[r]}
   * and returns the lower bound, or negative infinity for a row that is always rescored.
   */
  private static float cosMulBounds(
      float[] dots,
      int i,
      float scale,
      float fixed,
      float[] perScale,
      int positives,
      float[] upper,
      int r) {
    float numLo = 1f, numHi = 1f, denLo = 1f, denHi = 1f;
    float smallest = Float.MAX_VALUE;
    for (int t = 0; t < perScale.length; t++) {
      float c = dots[t * BLOCK + i] * scale;
      float error = fixed + perScale[t] * scale;
      float low = (1f + c - error) * 0.5f;
      float high = (1f + c + error) * 0.5f;
      if (t < positives) {
        numLo *= low;
        numHi *= high;
      } else {
        denLo *= low;
        denHi *= high;
      }
      smallest = Math.min(smallest, low);
    }
    if (!(smallest >= SAFE_FACTOR)) {
      upper[r] = Float.POSITIVE_INFINITY;
      return Float.NEGATIVE_INFINITY;
    }
    // Margins, relative and absolute, for the float rounding of the exact score and of these
    // bounds (a few roundings of 6e-8 each).
    upper[r] = numHi / (denLo + 1e-6f) * (1f + 1e-5f) + 1e-7f;
    return numLo / (denHi + 1e-6f) * (1f - 1e-5f) - 1e-7f;
  }

  /** How a filtered scan scores a candidate row exactly. */
  private interface ExactScore {
    float of(int row);
  }

  /**
   * The second step of a filtered scan: the rows whose upper bound reaches {@code floor} (the k-th
   * largest lower bound) are scored exactly, in id order, into the final heap.
   */
  private static TopK rescore(int rows, float[] upper, float floor, int k, ExactScore exact) {
    TopK result = new TopK(k);
    float min = result.threshold();
    for (int r = 0; r < rows; r++) {
      if (upper[r] >= floor) {
        float score = exact.of(r);
        if (score > min) {
          result.offer(score, r);
          min = result.threshold();
        }
      }
    }
    return result;
  }

  /**
   * Error of an 8-bit approximate dot product with {@code query} per unit of a row's scale: the
   * quantisation error, with the rounding of codes and of the float dot product of floats with
   * integer codes up to 127, and 1% on top for the rounding of the L1 norm itself.
   */
  private static float perScale(float[] query, int dim) {
    float l1 = 0;
    for (float v : query) {
      l1 += Math.abs(v);
    }
    return (float) (l1 * (0.5 + 127.0 * (dim + 2) * UNIT_ROUNDOFF) * 1.01);
  }

  /**
   * Rounding of the exact float dot product of two (near-)unit vectors, and of the product by the
   * scale.
   */
  private static float fixedError(int dim) {
    return (float) (2.0 * (dim + 4) * UNIT_ROUNDOFF + 1e-6);
  }

  private static final double UNIT_ROUNDOFF = 0x1p-24;

  /** The calling thread's scratch array of at least {@code rows} floats. */
  private static float[] scratch(int rows) {
    float[] approx = APPROX.get();
    if (approx.length < rows) {
      approx = new float[rows];
      APPROX.set(approx);
    }
    return approx;
  }

  /**
   * Runs {@code scorer} over {@code [0, rows)}, in parallel when the work is large enough; {@code
   * dim} is the floats (or codes) a row, or a block, costs.
   */
  private static TopK run(int rows, int dim, int k, RowScorer scorer) {
    return ParallelRows.reduce(rows, dim, () -> new TopK(k), scorer, TopK::addAll);
  }
}
