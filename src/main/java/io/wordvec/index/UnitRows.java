package io.wordvec.index;

import io.wordvec.vectors.RowDots;
import io.wordvec.vectors.WordVectors;

/**
 * The one place the index reads a model's unit rows. Graph walks score rows through {@link
 * RowDots}: rows in the heap are read where they lie, rows mapped from a model file are copied one
 * at a time into a per-thread scratch row.
 *
 * <p>A build scores each row thousands of times, so {@link #forBuild} first copies a mapped model's
 * rows into the heap when they fit there with room to spare (a 1M x 300 model takes 1.2 GB, a
 * quarter of a 24 GB machine's default heap): the scores are the same, without a copy per score.
 * Served indexes keep reading the mapping, so a served model's heap stays small.
 *
 * <p>Thread-safe: the rows are only read; {@link #dots()} hands each caller a scorer it may use on
 * its own thread.
 */
final class UnitRows {

  /**
   * Heap a built graph takes per node, about: jvector's neighbour arrays (ids and scores, room for
   * the overflow) and their headers, at degree 32 and overflow 1.2.
   */
  private static final long GRAPH_BYTES_PER_NODE = 512;

  /** Rows copied into the heap at a time. */
  private static final int COPY_FLOATS = 1 << 20;

  private final WordVectors vectors;
  private final int dimension;
  private final int rows;

  /** Shared by every thread, or null when each thread needs a scorer of its own. */
  private final RowDots shared;

  UnitRows(WordVectors vectors) {
    this(vectors, null);
  }

  private UnitRows(WordVectors vectors, float[] heapCopy) {
    this.vectors = vectors;
    this.dimension = vectors.dimension();
    this.rows = vectors.size();
    RowDots dots = heapCopy != null ? RowDots.over(heapCopy, dimension) : vectors.rowDots();
    this.shared = dots.isShareable() ? dots : null;
  }

  /**
   * The rows for building a graph: a mapped model's rows copied into the heap if they and the graph
   * take at most 60% of the heap still free, else the model's own (in the heap already, or read
   * from the mapping score by score).
   */
  static UnitRows forBuild(WordVectors vectors) {
    if (!vectors.isMapped() || !fitsInHeap(vectors.size(), vectors.dimension())) {
      return new UnitRows(vectors);
    }
    int dim = vectors.dimension();
    float[] copy = new float[vectors.size() * dim];
    int step = Math.max(1, COPY_FLOATS / dim);
    for (int first = 0; first < vectors.size(); first += step) {
      int count = Math.min(step, vectors.size() - first);
      vectors.unitRows(first, count, copy, first * dim);
    }
    return new UnitRows(vectors, copy);
  }

  private static boolean fitsInHeap(int rows, int dimension) {
    long floats = (long) rows * dimension;
    if (floats > Integer.MAX_VALUE - 8) {
      return false;
    }
    Runtime runtime = Runtime.getRuntime();
    long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    long needed = floats * Float.BYTES + rows * GRAPH_BYTES_PER_NODE;
    return needed <= free / 10 * 6;
  }

  int dimension() {
    return dimension;
  }

  int rows() {
    return rows;
  }

  /** Whether {@link #dots()} returns one scorer shared by every thread. */
  boolean sharedDots() {
    return shared != null;
  }

  /** A scorer of the rows for the calling thread (the shared one when they are read in place). */
  RowDots dots() {
    return shared != null ? shared : vectors.rowDots();
  }

  /** A copy of row {@code row}. */
  float[] copy(int row) {
    float[] out = new float[dimension];
    vectors.unitRow(row, out, 0);
    return out;
  }

  /** Copies row {@code row} into {@code into}. */
  void copy(int row, float[] into) {
    vectors.unitRow(row, into, 0);
  }
}
