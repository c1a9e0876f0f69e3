package io.wordvec.vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exhaustive top-k scans over a unit-normalised row-major matrix. Each scan computes one score per
 * row with {@link VectorMath#dotUnchecked} and keeps the best in a {@link TopK}; large matrices are
 * cut into contiguous row ranges scanned in parallel on a shared pool, each range with its own
 * heap, and the heaps merged at the end. The result is the same however the work was split, because
 * {@link TopK} orders ties by id.
 *
 * <p>Callers validate shapes once; the loops here do no checks.
 */
final class NeighborScan {

  /**
   * Below this many floats (4 MB of matrix) a scan stays on the calling thread: forking costs more
   * than it saves on a matrix that fits in cache.
   */
  static final int MIN_FLOATS_PER_TASK = 1 << 20;

  private static final ForkJoinPool POOL =
      new ForkJoinPool(
          Runtime.getRuntime().availableProcessors(),
          pool -> {
            ForkJoinWorkerThread thread =
                ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName("wordvec-scan-" + thread.getPoolIndex());
            thread.setDaemon(true);
            return thread;
          },
          null,
          false);

  /**
   * Scores rows {@code [from, to)} into {@code heap}; for the 8-bit scans, whose unit of work is a
   * block of rows, blocks {@code [from, to)}.
   */
  private interface RowScorer {
    void scan(int from, int to, TopK heap);
  }

  /** A piece of work over rows {@code [from, to)}. */
  interface RowRange {
    void run(int from, int to);
  }

  private NeighborScan() {}

  /**
   * Runs {@code work} over rows {@code [0, rows)}, split into contiguous ranges on the shared pool
   * when the matrix is large (as a scan would be), else on the calling thread.
   */
  static void forRanges(int rows, int dim, RowRange work) {
    run(rows, dim, 0, (from, to, heap) -> work.run(from, to));
  }

  /**
   * Two zeroed arrays of {@code length} floats. Large ones are allocated on two threads at once:
   * zeroing a model-sized array is a pass over memory of its own, a good part of a model's load.
   */
  static float[][] newMatrixPair(int length) {
    if (length < MIN_FLOATS_PER_TASK || POOL.getParallelism() < 2) {
      return new float[][] {new float[length], new float[length]};
    }
    ForkJoinTask<float[]> second = POOL.submit(() -> new float[length]);
    float[] first = new float[length];
    return new float[][] {first, second.join()};
  }

  /** Rows {@code [0, rows)} by dot product with {@code query} (a unit vector: cosine). */
  static TopK cosAdd(float[] matrix, int dim, int rows, float[] query, int k) {
    return run(
        rows,
        dim,
        k,
        (from, to, heap) -> {
          float min = heap.threshold();
          for (int r = from; r < to; r++) {
            float score = VectorMath.dotUnchecked(matrix, r * dim, query, 0, dim);
            // Rows arrive in ascending id order, so an equal score never displaces the minimum.
            if (score > min) {
              heap.offer(score, r);
              min = heap.threshold();
            }
          }
        });
  }

  /** Rows per block of 8-bit codes, scored together. */
  private static final int BLOCK = QuantizedRows.BLOCK_ROWS;

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
   */
  static TopK cosAddQuantized(
      float[] matrix, QuantizedRows quantized, int dim, int rows, float[] query, int k) {
    final float perScale = perScale(query, dim);
    final float fixed = fixedError(dim);
    final float[] upper = scratch(rows);
    byte[] codes = quantized.codes;
    float[] scales = quantized.scales;
    // Split by blocks of rows as a float scan of the same rows would be: widening the codes costs
    // about as much compute per row as a float dot product, so a model that is small in bytes
    // still gains from a second thread.
    TopK lower =
        run(
            QuantizedRows.blocks(rows),
            dim * BLOCK,
            k,
            (fromBlock, toBlock, heap) -> {
              float[] dots = new float[BLOCK];
              float min = heap.threshold();
              for (int b = fromBlock; b < toBlock; b++) {
                VectorMath.dotBytesBlockUnchecked(query, codes, b * BLOCK * dim, dim, dots, 0);
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
    return rescore(
        rows,
        upper,
        lower.threshold(),
        k,
        r -> VectorMath.dotUnchecked(matrix, r * dim, query, 0, dim));
  }

  /**
   * Rows {@code [0, rows)} by Levy and Goldberg's 3CosMul: the product over positive terms of
   * {@code (1 + cos) / 2}, divided by the same product over negative terms plus {@code 1e-6}
   * (gensim's {@code most_similar_cosmul}, including its epsilon, so scores match).
   */
  static TopK cosMul(
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
      numerator *= (1f + VectorMath.dotUnchecked(matrix, off, term, 0, dim)) / 2f;
    }
    float denominator = 1f;
    for (float[] term : negative) {
      denominator *= (1f + VectorMath.dotUnchecked(matrix, off, term, 0, dim)) / 2f;
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
  static TopK cosMulQuantized(
      float[] matrix,
      QuantizedRows quantized,
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
    byte[] codes = quantized.codes;
    float[] scales = quantized.scales;
    TopK lower =
        run(
            QuantizedRows.blocks(rows),
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
                  VectorMath.dotBytesBlock3Unchecked(
                      terms[0], terms[1], terms[2], codes, off, dim, dots);
                } else {
                  for (int t = 0; t < terms.length; t++) {
                    VectorMath.dotBytesBlockUnchecked(terms[t], codes, off, dim, dots, t * BLOCK);
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
   * Chunks per thread of a parallel scan. Threads take chunks in turn from a counter, so a thread
   * that starts late (a pool thread waking up, or descheduled on a busy machine) leaves its share
   * to the others instead of making the query wait for it.
   */
  private static final int CHUNKS_PER_THREAD = 16;

  /**
   * Runs {@code scorer} over {@code [0, rows)}, in parallel when the work is large enough; {@code
   * dim} is the floats (or codes) a row, or a block, costs.
   */
  private static TopK run(int rows, int dim, int k, RowScorer scorer) {
    long floats = (long) rows * dim;
    int threads = (int) Math.min(POOL.getParallelism(), Math.max(1, floats / MIN_FLOATS_PER_TASK));
    if (threads <= 1) {
      TopK heap = new TopK(k);
      scorer.scan(0, rows, heap);
      return heap;
    }
    Chunks chunks = new Chunks(rows, threads * CHUNKS_PER_THREAD, scorer);
    List<Helper> helpers = new ArrayList<>(threads - 1);
    for (int t = 1; t < threads; t++) {
      Helper helper = new Helper(chunks, k);
      helpers.add(helper);
      POOL.execute(helper);
    }
    // The calling thread scans too, instead of idling while it waits.
    TopK result = new TopK(k);
    chunks.scanAll(result);
    for (Helper helper : helpers) {
      // A helper that has not started yet finds nothing left: skip it rather than wait for it.
      if (!helper.abandon()) {
        result.addAll(helper.join());
      }
    }
    return result;
  }

  /** Rows {@code [0, rows)} cut into chunks that threads claim one at a time. */
  private static final class Chunks {
    private final int rows;
    private final int size;
    private final RowScorer scorer;
    private final AtomicInteger next = new AtomicInteger();

    Chunks(int rows, int count, RowScorer scorer) {
      this.rows = rows;
      this.size = (rows + count - 1) / count;
      this.scorer = scorer;
    }

    /** Scans chunks into {@code heap} until none is left. */
    void scanAll(TopK heap) {
      for (int from = next.getAndIncrement() * size;
          from < rows;
          from = next.getAndIncrement() * size) {
        scorer.scan(from, Math.min(rows, from + size), heap);
      }
    }
  }

  /** A pool thread's part of a scan; abandoned if it has not started when the work is done. */
  private static final class Helper extends RecursiveTask<TopK> {
    private static final int NEW = 0;
    private static final int STARTED = 1;
    private static final int ABANDONED = 2;

    private final Chunks chunks;
    private final int k;
    private final AtomicInteger state = new AtomicInteger(NEW);

    Helper(Chunks chunks, int k) {
      this.chunks = chunks;
      this.k = k;
    }

    @Override
    protected TopK compute() {
      if (!state.compareAndSet(NEW, STARTED)) {
        return null;
      }
      TopK heap = new TopK(k);
      chunks.scanAll(heap);
      return heap;
    }

    /** True if the helper had not started: it never will scan anything. */
    boolean abandon() {
      return state.compareAndSet(NEW, ABANDONED);
    }
  }
}
