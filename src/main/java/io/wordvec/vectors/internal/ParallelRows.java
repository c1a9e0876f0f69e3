package io.wordvec.vectors.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Work over the rows of a large matrix, split into contiguous row ranges on one shared pool of
 * daemon threads (one per core): building a model's matrices, and the neighbour scans. Work on a
 * matrix that fits in cache stays on the calling thread, where forking would cost more than it
 * saves.
 *
 * <p>Threads claim ranges in turn from a counter, so a thread that starts late (a pool thread
 * waking up, or descheduled on a busy machine) leaves its share to the others instead of making the
 * caller wait for it; the calling thread works too, instead of idling while it waits. Which thread
 * gets which range is not deterministic: work whose result must not depend on it merges per-thread
 * results with an order-independent merge (as {@link TopK} does).
 */
public final class ParallelRows {

  /**
   * Below this many floats (4 MB of matrix) work stays on the calling thread: forking costs more
   * than it saves on a matrix that fits in cache.
   */
  public static final int MIN_FLOATS_PER_TASK = 1 << 20;

  /** Ranges per thread of parallel work; see the class comment. */
  private static final int CHUNKS_PER_THREAD = 16;

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

  /** A piece of work over rows {@code [from, to)}. */
  @FunctionalInterface
  public interface RowRange {
    void run(int from, int to);
  }

  /** A piece of work over rows {@code [from, to)} that adds what it finds to {@code result}. */
  @FunctionalInterface
  public interface RowRangeInto<R> {
    void run(int from, int to, R result);
  }

  private ParallelRows() {}

  /**
   * Runs {@code work} over rows {@code [0, rows)}, split into contiguous ranges on the shared pool
   * when the matrix is large, else on the calling thread.
   *
   * @param floatsPerRow what a row costs, in floats (or codes) read: decides whether to split
   */
  public static void forRanges(int rows, int floatsPerRow, RowRange work) {
    reduce(rows, floatsPerRow, () -> null, (from, to, none) -> work.run(from, to), (a, b) -> {});
  }

  /**
   * Runs {@code work} over rows {@code [0, rows)} as {@link #forRanges} does, each thread into a
   * result of its own from {@code newResult}, and merges them into the calling thread's with {@code
   * merge}, which it returns. A pool thread that had not started when the work ran out never
   * creates a result.
   */
  public static <R> R reduce(
      int rows,
      int floatsPerRow,
      Supplier<R> newResult,
      RowRangeInto<R> work,
      BiConsumer<R, R> merge) {
    long floats = (long) rows * floatsPerRow;
    int threads = (int) Math.min(POOL.getParallelism(), Math.max(1, floats / MIN_FLOATS_PER_TASK));
    if (threads <= 1) {
      R result = newResult.get();
      work.run(0, rows, result);
      return result;
    }
    Chunks<R> chunks = new Chunks<>(rows, threads * CHUNKS_PER_THREAD, work);
    List<Helper<R>> helpers = new ArrayList<>(threads - 1);
    for (int t = 1; t < threads; t++) {
      Helper<R> helper = new Helper<>(chunks, newResult);
      helpers.add(helper);
      POOL.execute(helper);
    }
    R result = newResult.get();
    chunks.runAll(result);
    for (Helper<R> helper : helpers) {
      // A helper that has not started yet finds nothing left: skip it rather than wait for it.
      if (!helper.abandon()) {
        merge.accept(result, helper.join());
      }
    }
    return result;
  }

  /**
   * Two zeroed arrays of {@code length} floats. Large ones are allocated on two threads at once:
   * zeroing a model-sized array is a pass over memory of its own, a good part of a model's load.
   */
  public static float[][] newMatrixPair(int length) {
    if (length < MIN_FLOATS_PER_TASK || POOL.getParallelism() < 2) {
      return new float[][] {new float[length], new float[length]};
    }
    ForkJoinTask<float[]> second = POOL.submit(() -> new float[length]);
    float[] first = new float[length];
    return new float[][] {first, second.join()};
  }

  /** Rows {@code [0, rows)} cut into chunks that threads claim one at a time. */
  private static final class Chunks<R> {
    private final int rows;
    private final int size;
    private final RowRangeInto<R> work;
    private final AtomicInteger next = new AtomicInteger();

    Chunks(int rows, int count, RowRangeInto<R> work) {
      this.rows = rows;
      this.size = (rows + count - 1) / count;
      this.work = work;
    }

    /** Runs chunks into {@code result} until none is left. */
    void runAll(R result) {
      for (int from = next.getAndIncrement() * size;
          from < rows;
          from = next.getAndIncrement() * size) {
        work.run(from, Math.min(rows, from + size), result);
      }
    }
  }

  /** A pool thread's part of the work; abandoned if it has not started when the work is done. */
  private static final class Helper<R> extends RecursiveTask<R> {
    private static final int NEW = 0;
    private static final int STARTED = 1;
    private static final int ABANDONED = 2;

    private final Chunks<R> chunks;
    private final Supplier<R> newResult;
    private final AtomicInteger state = new AtomicInteger(NEW);

    Helper(Chunks<R> chunks, Supplier<R> newResult) {
      this.chunks = chunks;
      this.newResult = newResult;
    }

    @Override
    protected R compute() {
      if (!state.compareAndSet(NEW, STARTED)) {
        return null;
      }
      R result = newResult.get();
      chunks.runAll(result);
      return result;
    }

    /** True if the helper had not started: it never will run anything. */
    boolean abandon() {
      return state.compareAndSet(NEW, ABANDONED);
    }
  }
}
