package io.wordvec.vectors.internal;

/**
 * The rows a scan reads: a model's unit-normalised float rows and, when it has them, their 8-bit
 * codes ({@link Quantizer}) with one scale per row. The rows may be a heap array, read in place, or
 * a memory-mapped file, copied a batch at a time into a reader's scratch arrays: either way the
 * scans run the same array kernels on them, so the answers are the same bit for bit.
 *
 * <p>Copying a batch (tens of kilobytes, so that it stays in cache) costs much less than the scan
 * of it, and keeps the kernels free of the two buffer APIs of Java 17 and Java 20+ ({@code
 * fromByteBuffer} and {@code fromMemorySegment}), which code compiled once for both cannot call.
 *
 * <p>Implementations are thread-safe; each scanning thread takes a {@link Reader} of its own.
 */
public interface ScanRows {

  /** Floats in one batch of rows: 64 KB, which stays in the core's cache while it is scanned. */
  int BATCH_FLOATS = 1 << 14;

  /** Codes in one batch of 8-bit blocks. */
  int BATCH_CODES = 1 << 16;

  /** The most rows a scan asks a reader for at once, at dimension {@code dim}. */
  static int rowBatch(int dim) {
    return Math.max(1, BATCH_FLOATS / dim);
  }

  /** The most blocks of codes a scan asks a reader for at once, at dimension {@code dim}. */
  static int blockBatch(int dim) {
    return Math.max(1, BATCH_CODES / (Quantizer.BLOCK_ROWS * dim));
  }

  /** Floats per row. */
  int dimension();

  /** One scale per row of the 8-bit codes; null when there are no codes. Not to be modified. */
  float[] scales();

  /** A window onto the rows for one thread. */
  Reader reader();

  /**
   * One thread's window onto the rows: each call makes a batch readable, replacing the previous
   * one. Not thread-safe.
   */
  interface Reader {

    /**
     * Makes unit rows {@code [first, first + count)} readable, {@code count <=} {@link #rowBatch}:
     * row {@code first + i} starts at {@code rowOffset() + i * dimension} of the array returned.
     */
    float[] rows(int first, int count);

    /** Where the first row of the last {@link #rows} batch starts in its array. */
    int rowOffset();

    /**
     * Makes the code blocks {@code [first, first + count)} readable, {@code count <=} {@link
     * #blockBatch}: block {@code first + i} starts at {@code codeOffset() + i * BLOCK_ROWS *
     * dimension} of the array returned.
     */
    byte[] codeBlocks(int first, int count);

    /** Where the first block of the last {@link #codeBlocks} batch starts in its array. */
    int codeOffset();
  }
}
