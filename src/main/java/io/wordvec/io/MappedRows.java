package io.wordvec.io;

import io.wordvec.vectors.RowSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/** The rows of the input matrix, read in place from memory-mapped windows of whole rows. */
final class MappedRows implements RowSource {
  private final ByteBuffer[] bytes;
  private final FloatBuffer[] floats;
  private final int rowsPerWindow;
  private final int dim;
  private final long endOffset;

  MappedRows(FileChannel channel, long offset, int rows, int dim) throws IOException {
    long rowBytes = (long) dim * Float.BYTES;
    this.endOffset = offset + rows * rowBytes;
    this.rowsPerWindow = (int) Math.max(1, NativeFormat.MAP_WINDOW / rowBytes);
    this.dim = dim;
    int count = rows == 0 ? 0 : (rows - 1) / rowsPerWindow + 1;
    this.bytes = new ByteBuffer[count];
    this.floats = new FloatBuffer[count];
    for (int w = 0; w < count; w++) {
      long first = (long) w * rowsPerWindow;
      long length = Math.min(rowsPerWindow, rows - first);
      bytes[w] =
          channel
              .map(FileChannel.MapMode.READ_ONLY, offset + first * rowBytes, length * rowBytes)
              .order(ByteOrder.LITTLE_ENDIAN);
      floats[w] = bytes[w].asFloatBuffer();
    }
  }

  /** Where the rows end in the file. */
  long endOffset() {
    return endOffset;
  }

  /**
   * The mapped windows, in file order, each a view of its own (for a reader on another thread):
   * together they hold the whole matrix.
   */
  List<ByteBuffer> windows() {
    List<ByteBuffer> views = new ArrayList<>(bytes.length);
    for (ByteBuffer window : bytes) {
      views.add(window.duplicate());
    }
    return views;
  }

  @Override
  public void copyRows(int firstRow, int rowCount, float[] dest, int destOffset) {
    int row = firstRow;
    int at = destOffset;
    int end = firstRow + rowCount;
    while (row < end) {
      int w = row / rowsPerWindow;
      int local = row - w * rowsPerWindow;
      int take = Math.min(end - row, rowsPerWindow - local);
      // Absolute bulk get: no buffer state changes, so threads can share the window.
      floats[w].get(local * dim, dest, at, take * dim);
      row += take;
      at += take * dim;
    }
  }
}
