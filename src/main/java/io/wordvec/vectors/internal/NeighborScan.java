package io.wordvec.vectors.internal;

import java.util.Arrays;

/**
 * Exhaustive top-k scans over a model's unit-normalised rows ({@link ScanRows}). Each scan computes
 * one score per row with the active {@link VectorOps} and keeps the best in a {@link TopK}; large
 * models are scanned in parallel by {@link ParallelRows}, each thread into its own heap, and the
 * heaps merged at the end. The result is the same however the work was split, because {@link TopK}
 * orders ties by id.
 *
 * <p>Rows are read a batch at a time through a {@link ScanRows.Reader} of the thread's own: in
 * place for heap rows, copied into a small scratch array for mapped ones. Nothing the size of the
 * vocabulary is kept once a scan returns.
 *
 * <p>Callers validate shapes once; the loops here do no checks.
 */
public final class NeighborScan {

  private static final VectorOps OPS = VectorOpsProvider.active();

  /** Rows per block of 8-bit codes, scored together. */
  private static final int BLOCK = Quantizer.BLOCK_ROWS;

  private NeighborScan() {}

  /** Rows {@code [0, rows)} by dot product with {@code query} (a unit vector: cosine). */
  public static TopK cosAdd(ScanRows matrix, int rows, float[] query, int k) {
    int dim = matrix.dimension();
    return scanFloatRows(matrix, rows, k, (m, off) -> OPS.dot(m, off, query, 0, dim));
  }

  /** The score of the float row at {@code off} of {@code m}. */
  @FunctionalInterface
  private interface RowScore {
    float score(float[] m, int off);
  }

  /** The top {@code k} of rows {@code [0, rows)} by {@code score}, read as float rows. */
  private static TopK scanFloatRows(ScanRows matrix, int rows, int k, RowScore score) {
    int dim = matrix.dimension();
    int batch = ScanRows.rowBatch(dim);
    return ParallelRows.reduce(
            rows,
            dim,
            () -> new Scan(matrix, k),
            (from, to, scan) -> {
              TopK heap = scan.heap;
              float min = heap.threshold();
              for (int first = from; first < to; first += batch) {
                int count = Math.min(batch, to - first);
                float[] m = scan.reader.rows(first, count);
                int off = scan.reader.rowOffset();
                for (int i = 0; i < count; i++, off += dim) {
                  float value = score.score(m, off);
                  // Rows arrive in ascending id order, so an equal score never displaces the
                  // minimum.
                  if (value > min) {
                    heap.offer(value, first + i);
                    min = heap.threshold();
                  }
                }
              }
            },
            Scan::merge)
        .heap;
  }

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
   * <p>The k-th largest lower bound seen so far only grows, so a row whose upper bound is below it
   * when the row is scored is below {@code L} too: only the rows above it at that moment are kept
   * as candidates, instead of an upper bound for every row.
   */
  public static TopK cosAddQuantized(ScanRows matrix, int rows, float[] query, int k) {
    final int dim = matrix.dimension();
    final float[] scales = matrix.scales();
    final float perScale = perScale(query, dim);
    final float fixed = fixedError(dim);
    final int batch = ScanRows.blockBatch(dim);
    // Split by blocks of rows as a float scan of the same rows would be: widening the codes costs
    // about as much compute per row as a float dot product, so a model that is small in bytes
    // still gains from a second thread.
    Scan lower =
        ParallelRows.reduce(
            Quantizer.blocks(rows),
            dim * BLOCK,
            () -> new Scan(matrix, k),
            (fromBlock, toBlock, scan) -> {
              TopK heap = scan.heap;
              float[] dots = scan.dots(BLOCK);
              float min = heap.threshold();
              for (int firstBlock = fromBlock; firstBlock < toBlock; firstBlock += batch) {
                int count = Math.min(batch, toBlock - firstBlock);
                byte[] codes = scan.reader.codeBlocks(firstBlock, count);
                int off = scan.reader.codeOffset();
                for (int b = firstBlock; b < firstBlock + count; b++, off += BLOCK * dim) {
                  OPS.dotBytesBlock(query, codes, off, dim, dots, 0);
                  int first = b * BLOCK;
                  int end = Math.min(rows, first + BLOCK);
                  for (int r = first; r < end; r++) {
                    float scale = scales[r];
                    float a = dots[r - first] * scale;
                    float error = fixed + perScale * scale;
                    float low = a - error;
                    if (low > min) {
                      heap.offer(low, r);
                      min = heap.threshold();
                    }
                    float high = a + error;
                    if (high >= min) {
                      scan.candidate(r, high);
                    }
                  }
                }
              }
            },
            Scan::merge);
    return lower.rescore(
        k,
        (reader, r) -> {
          float[] m = reader.rows(r, 1);
          return OPS.dot(m, reader.rowOffset(), query, 0, dim);
        });
  }

  /**
   * Rows {@code [0, rows)} by Levy and Goldberg's 3CosMul: the product over positive terms of
   * {@code (1 + cos) / 2}, divided by the same product over negative terms plus {@code 1e-6}
   * (gensim's {@code most_similar_cosmul}, including its epsilon, so scores match).
   */
  public static TopK cosMul(
      ScanRows matrix, int rows, float[][] positive, float[][] negative, int k) {
    int dim = matrix.dimension();
    return scanFloatRows(matrix, rows, k, (m, off) -> cosMulScore(m, off, dim, positive, negative));
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
      ScanRows matrix, int rows, float[][] positive, float[][] negative, int k) {
    int dim = matrix.dimension();
    float[] scales = matrix.scales();
    float[][] terms = new float[positive.length + negative.length][];
    float[] perScale = new float[terms.length];
    for (int t = 0; t < terms.length; t++) {
      terms[t] = t < positive.length ? positive[t] : negative[t - positive.length];
      perScale[t] = perScale(terms[t], dim);
    }
    float fixed = fixedError(dim);
    int batch = ScanRows.blockBatch(dim);
    Scan lower =
        ParallelRows.reduce(
            Quantizer.blocks(rows),
            dim * BLOCK * terms.length,
            () -> new Scan(matrix, k),
            (fromBlock, toBlock, scan) -> {
              TopK heap = scan.heap;
              float min = heap.threshold();
              // dots[t * BLOCK + i]: term t with row i of the block.
              float[] dots = scan.dots(terms.length * BLOCK);
              float[] high = new float[1];
              for (int firstBlock = fromBlock; firstBlock < toBlock; firstBlock += batch) {
                int count = Math.min(batch, toBlock - firstBlock);
                byte[] codes = scan.reader.codeBlocks(firstBlock, count);
                int off = scan.reader.codeOffset();
                for (int b = firstBlock; b < firstBlock + count; b++, off += BLOCK * dim) {
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
                            dots, r - first, scales[r], fixed, perScale, positive.length, high);
                    if (low > min) {
                      heap.offer(low, r);
                      min = heap.threshold();
                    }
                    if (high[0] >= min) {
                      scan.candidate(r, high[0]);
                    }
                  }
                }
              }
            },
            Scan::merge);
    return lower.rescore(
        k,
        (reader, r) -> {
          float[] m = reader.rows(r, 1);
          return cosMulScore(m, reader.rowOffset(), dim, positive, negative);
        });
  }

  /**
   * The bounds on one row's 3CosMul score, from its approximate cosines with each term ({@code
   * dots[t * BLOCK + i]}, row {@code i} of its block): writes the upper bound to {@code high[0]}
   * and returns the lower bound, or negative infinity for a row that is always rescored.
   */
  private static float cosMulBounds(
      float[] dots,
      int i,
      float scale,
      float fixed,
      float[] perScale,
      int positives,
      float[] high) {
    float numLo = 1f, numHi = 1f, denLo = 1f, denHi = 1f;
    float smallest = Float.MAX_VALUE;
    for (int t = 0; t < perScale.length; t++) {
      float c = dots[t * BLOCK + i] * scale;
      float error = fixed + perScale[t] * scale;
      float low = (1f + c - error) * 0.5f;
      float hi = (1f + c + error) * 0.5f;
      if (t < positives) {
        numLo *= low;
        numHi *= hi;
      } else {
        denLo *= low;
        denHi *= hi;
      }
      smallest = Math.min(smallest, low);
    }
    if (!(smallest >= SAFE_FACTOR)) {
      high[0] = Float.POSITIVE_INFINITY;
      return Float.NEGATIVE_INFINITY;
    }
    // Margins, relative and absolute, for the float rounding of the exact score and of these
    // bounds (a few roundings of 6e-8 each).
    high[0] = numHi / (denLo + 1e-6f) * (1f + 1e-5f) + 1e-7f;
    return numLo / (denHi + 1e-6f) * (1f - 1e-5f) - 1e-7f;
  }

  /** How a filtered scan scores a candidate row exactly, reading it through {@code reader}. */
  private interface ExactScore {
    float of(ScanRows.Reader reader, int row);
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

  /**
   * One thread's part of a scan: its heap, its reader and, for the filtered scans, the rows whose
   * upper bound reached the heap's threshold when they were scored, with that bound. Everything
   * here lives as long as the scan.
   */
  private static final class Scan {
    final TopK heap;
    final ScanRows.Reader reader;
    private float[] dots;
    private int[] ids = new int[0];
    private float[] uppers = new float[0];
    private int candidates;

    Scan(ScanRows matrix, int k) {
      this.heap = new TopK(k);
      this.reader = matrix.reader();
    }

    float[] dots(int length) {
      if (dots == null || dots.length < length) {
        dots = new float[length];
      }
      return dots;
    }

    void candidate(int row, float upper) {
      if (candidates == ids.length) {
        int grown = Math.max(64, candidates * 2);
        ids = Arrays.copyOf(ids, grown);
        uppers = Arrays.copyOf(uppers, grown);
      }
      ids[candidates] = row;
      uppers[candidates] = upper;
      candidates++;
    }

    void merge(Scan other) {
      heap.addAll(other.heap);
      for (int i = 0; i < other.candidates; i++) {
        candidate(other.ids[i], other.uppers[i]);
      }
    }

    /**
     * The second step of a filtered scan: the candidates whose upper bound reaches the k-th largest
     * lower bound of all threads are scored exactly into the final heap, whose result does not
     * depend on their order.
     */
    TopK rescore(int k, ExactScore exact) {
      float floor = heap.threshold();
      TopK result = new TopK(k);
      for (int i = 0; i < candidates; i++) {
        if (uppers[i] >= floor) {
          // Candidates from several threads are not in id order: the heap itself breaks ties.
          result.offer(exact.of(reader, ids[i]), ids[i]);
        }
      }
      return result;
    }
  }
}
