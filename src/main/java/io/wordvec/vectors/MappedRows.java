package io.wordvec.vectors;

import io.wordvec.vectors.internal.Quantizer;
import io.wordvec.vectors.internal.ScanRows;

/**
 * Rows read from a memory-mapped model file: the unit-normalised rows and the 8-bit codes stay in
 * the mapping (the bulk of a model), the norms and the codes' scales (one float per row) are copied
 * into the heap, where scans read them per row. Raw rows are unit rows times their norm, to float
 * rounding: one float copy of the vectors, not two.
 *
 * <p>Scans copy a batch of rows or code blocks at a time into a reader's scratch arrays and run the
 * heap kernels on them ({@link io.wordvec.vectors.internal.ScanRows}).
 */
final class MappedRows extends RowStorage {

  private final MappedBytes bytes;
  private final long unitAt;
  private final long codesAt;
  private final float[] norms;
  private final float[] scales;
  private final int dimension;

  MappedRows(MappedBytes bytes, MappedLayout layout, int rows, int dimension) {
    long rowBytes = (long) dimension * Float.BYTES;
    check(bytes, layout.unitRows(), rows * rowBytes, "unit rows");
    check(bytes, layout.norms(), rows * (long) Float.BYTES, "norms");
    this.bytes = bytes;
    this.unitAt = layout.unitRows();
    this.dimension = dimension;
    this.norms = new float[rows];
    bytes.readFloats(layout.norms(), norms, 0, rows);
    if (layout.quantized()) {
      check(bytes, layout.scales(), rows * (long) Float.BYTES, "8-bit scales");
      check(bytes, layout.codes(), Quantizer.codeCount(rows, dimension), "8-bit rows");
      this.scales = new float[rows];
      bytes.readFloats(layout.scales(), scales, 0, rows);
      this.codesAt = layout.codes();
    } else {
      this.scales = null;
      this.codesAt = -1;
    }
  }

  private static void check(MappedBytes bytes, long at, long length, String what) {
    if (at < 0 || at + length > bytes.length()) {
      throw new IllegalArgumentException(
          "the "
              + what
              + " ("
              + length
              + " bytes at "
              + at
              + ") do not fit in the "
              + bytes.length()
              + " bytes mapped");
    }
  }

  @Override
  int rows() {
    return norms.length;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  void unitRows(int first, int count, float[] dst, int offset) {
    bytes.readFloats(
        unitAt + (long) first * dimension * Float.BYTES, dst, offset, count * dimension);
  }

  @Override
  void rawRows(int first, int count, float[] dst, int offset) {
    unitRows(first, count, dst, offset);
    for (int r = 0; r < count; r++) {
      float norm = norms[first + r];
      int from = offset + r * dimension;
      for (int j = from; j < from + dimension; j++) {
        dst[j] *= norm;
      }
    }
  }

  @Override
  float firstUnitFloat(int row) {
    return bytes.readFloat(unitAt + (long) row * dimension * Float.BYTES);
  }

  @Override
  float norm(int row) {
    return norms[row];
  }

  @Override
  boolean mapped() {
    return true;
  }

  @Override
  long heapBytes() {
    return 4L * norms.length + (scales == null ? 0 : 4L * scales.length);
  }

  @Override
  public float[] scales() {
    return scales;
  }

  /** Copies code bytes {@code [from, from + count)} of the blocked codes into {@code dst}. */
  void codes(long from, byte[] dst, int offset, int count) {
    bytes.readBytes(codesAt + from, dst, offset, count);
  }

  @Override
  public Reader reader() {
    return new Reader() {
      private float[] rows;
      private byte[] codes;

      @Override
      public float[] rows(int first, int count) {
        if (rows == null) {
          rows = new float[ScanRows.rowBatch(dimension) * dimension];
        }
        unitRows(first, count, rows, 0);
        return rows;
      }

      @Override
      public int rowOffset() {
        return 0;
      }

      @Override
      public byte[] codeBlocks(int first, int count) {
        int blockBytes = QuantizedRows.BLOCK_ROWS * dimension;
        if (codes == null) {
          codes = new byte[ScanRows.blockBatch(dimension) * blockBytes];
        }
        codes((long) first * blockBytes, codes, 0, count * blockBytes);
        return codes;
      }

      @Override
      public int codeOffset() {
        return 0;
      }
    };
  }
}
