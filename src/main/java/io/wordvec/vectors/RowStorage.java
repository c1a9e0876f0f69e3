package io.wordvec.vectors;

import io.wordvec.vectors.internal.ScanRows;

/**
 * Where a {@link WordVectors}' rows live: {@link HeapRows} for vectors trained or read into memory,
 * {@link MappedRows} for a model file served from a read-only mapping. Both give the unit rows, the
 * raw rows, the norms and the 8-bit codes the same way, and both are the {@link ScanRows} the exact
 * scans read.
 *
 * <p>Immutable and thread-safe.
 */
abstract class RowStorage implements ScanRows {

  /** Number of rows. */
  abstract int rows();

  /** Copies unit rows {@code [first, first + count)} into {@code dst} from {@code offset}. */
  abstract void unitRows(int first, int count, float[] dst, int offset);

  /** Copies raw rows {@code [first, first + count)} into {@code dst} from {@code offset}. */
  abstract void rawRows(int first, int count, float[] dst, int offset);

  /**
   * The first float of unit row {@code row}: reading it starts bringing the row into the cache (see
   * {@link RowDots#touch}).
   */
  abstract float firstUnitFloat(int row);

  /** The Euclidean norm of raw row {@code row}. */
  abstract float norm(int row);

  /** Whether the rows have 8-bit codes (then {@link #scales()} is not null). */
  final boolean hasCodes() {
    return scales() != null;
  }

  /** Whether the rows are read from a mapped file rather than from the heap. */
  abstract boolean mapped();

  /** Approximate heap taken by these rows, in bytes (a mapping takes none). */
  abstract long heapBytes();
}
