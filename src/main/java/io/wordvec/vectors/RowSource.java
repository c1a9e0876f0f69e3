package io.wordvec.vectors;

/**
 * Where the rows of a float matrix come from when {@link WordVectors#fromRows} builds word vectors,
 * typically a memory-mapped model file. Rows are copied in blocks by several threads at once, each
 * thread asking for rows no other thread asks for, so implementations must allow concurrent calls
 * (absolute reads from a shared buffer do).
 */
@FunctionalInterface
public interface RowSource {

  /**
   * Copies rows {@code [firstRow, firstRow + rowCount)} into {@code dest}, row-major, starting at
   * {@code destOffset}.
   */
  void copyRows(int firstRow, int rowCount, float[] dest, int destOffset);
}
