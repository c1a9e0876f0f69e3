package io.wordvec.index;

import io.wordvec.vectors.MappedBytes;
import io.wordvec.vectors.QuantizedRows;
import io.wordvec.vectors.VectorMath;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The 8-bit copy of a model's unit rows that a graph walk scores, stored in the index file after
 * level 0: one record per row, in row order, each the row's scale (a little-endian float) then its
 * codes one after another ({@link QuantizedRows#codeRow}: {@code x_j ~ scale * c_j}, with an error
 * of at most {@code scale / 2}), zero-padded to a whole number of 64-byte cache lines.
 *
 * <p>Why a copy of its own, when the model file has 8-bit rows already: the model's codes are laid
 * out for the exact scan, sixteen rows interleaved position by position, so one row's codes are
 * spread over sixteen times their size. A walk reads rows one at a time and in no order; in this
 * layout a row of 300 dimensions is five cache lines, a quarter of its float row. At a million rows
 * and more the rows are far bigger than the caches, so a walk's time is mostly waiting for rows to
 * arrive from memory: reading a quarter of the bytes makes it faster, and the walk's results are
 * then rescored on the float rows so that the answers keep the exact scores.
 *
 * <p>Thread-safe: the mapping is only read. Each walker scores through a {@link Scorer} of its own.
 */
final class RowCodes {

  /** Bytes of the scale in front of a row's codes. */
  private static final int SCALE_BYTES = Float.BYTES;

  private static final int CACHE_LINE = 64;

  private final MappedBytes bytes;
  private final int rows;
  private final int dimension;
  private final int recordBytes;

  RowCodes(MappedBytes bytes, int rows, int dimension) {
    if (bytes.length() != (long) rows * recordBytes(dimension)) {
      throw new IllegalArgumentException(
          bytes.length() + " bytes are not " + rows + " records of dimension " + dimension);
    }
    this.bytes = bytes;
    this.rows = rows;
    this.dimension = dimension;
    this.recordBytes = recordBytes(dimension);
  }

  /** Bytes of one row's record: its scale and codes, padded to whole cache lines. */
  static int recordBytes(int dimension) {
    return (SCALE_BYTES + dimension + CACHE_LINE - 1) / CACHE_LINE * CACHE_LINE;
  }

  /**
   * Codes one unit row into {@code record} ({@link #recordBytes} long): its scale, its codes, and
   * zeros after them.
   */
  static void encode(float[] unitRow, byte[] record) {
    int dimension = unitRow.length;
    Arrays.fill(record, 0, recordBytes(dimension), (byte) 0);
    float scale = QuantizedRows.codeRow(unitRow, 0, dimension, record, SCALE_BYTES);
    ByteBuffer.wrap(record, 0, SCALE_BYTES).order(ByteOrder.LITTLE_ENDIAN).putFloat(scale);
  }

  int rows() {
    return rows;
  }

  /** A scorer for one thread. */
  Scorer scorer() {
    return new Scorer();
  }

  /** Approximate dot products of the rows with a query, for one thread at a time. */
  final class Scorer implements WalkScores {

    private final byte[] record = new byte[recordBytes];

    /** The largest scale of the rows scored so far: what bounds their error. */
    private float maxScale;

    @Override
    public boolean exact() {
      return false;
    }

    @Override
    public float score(int row, float[] query) {
      bytes.readBytes(position(row), record, 0, SCALE_BYTES + dimension);
      float scale =
          Float.intBitsToFloat(
              (record[0] & 0xFF)
                  | (record[1] & 0xFF) << 8
                  | (record[2] & 0xFF) << 16
                  | (record[3] & 0xFF) << 24);
      maxScale = scale > maxScale ? scale : maxScale;
      return scale * VectorMath.dotBytes(query, record, SCALE_BYTES, dimension);
    }

    /**
     * Each code's rounding error is spread evenly over {@code [-scale / 2, scale / 2]}, the errors
     * of a row's codes independent of one another, so a score's error has a standard deviation of
     * {@code scale * ||query||_2 / sqrt(12)}: the bound is eight of those (a sum of bounded
     * independent errors goes past it with a probability below 1e-13), plus the float rounding of
     * both sums. The worst case, {@code ||query||_1 * scale / 2}, is six times wider at 300
     * dimensions and would keep nearly every row for rescoring.
     */
    @Override
    public float errorBound(float[] query) {
      double squares = 0;
      for (float x : query) {
        squares += (double) x * x;
      }
      return (float) (8 / Math.sqrt(12) * maxScale * Math.sqrt(squares) + 1e-5);
    }

    @Override
    public float touch(int row) {
      // Every line of the record: the walk then copies it whole, and the lines arrive together.
      long at = position(row);
      int sum = 0;
      for (int line = 0; line < recordBytes; line += CACHE_LINE) {
        sum += bytes.readByte(at + line);
      }
      return sum;
    }

    private long position(int row) {
      if (Integer.compareUnsigned(row, rows) >= 0) {
        throw new IndexOutOfBoundsException("row " + row + " of " + rows);
      }
      return (long) row * recordBytes;
    }
  }
}
