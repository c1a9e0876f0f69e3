package io.wordvec.vectors;

/**
 * Rows held in heap arrays: the raw matrix (possibly shared with the trained model it came from), a
 * unit-normalised copy, the norms and, for models big enough to use them, 8-bit codes. Scans read
 * the arrays in place.
 */
final class HeapRows extends RowStorage {

  private final float[] raw;
  private final float[] unit;
  private final float[] norms;
  private final QuantizedRows quantized;
  private final int dimension;

  /**
   * @param raw the raw rows, not copied
   * @param unit their unit-normalised copy, not copied
   * @param norms the raw rows' norms, not copied
   * @param quantized the 8-bit codes of {@code unit}, or null
   */
  HeapRows(float[] raw, float[] unit, float[] norms, QuantizedRows quantized, int dimension) {
    this.raw = raw;
    this.unit = unit;
    this.norms = norms;
    this.quantized = quantized;
    this.dimension = dimension;
  }

  /** The raw matrix, shared. */
  float[] raw() {
    return raw;
  }

  /** The unit-normalised rows, shared. */
  float[] unit() {
    return unit;
  }

  /** The 8-bit codes, or null. */
  QuantizedRows quantized() {
    return quantized;
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
    System.arraycopy(unit, first * dimension, dst, offset, count * dimension);
  }

  @Override
  void rawRows(int first, int count, float[] dst, int offset) {
    System.arraycopy(raw, first * dimension, dst, offset, count * dimension);
  }

  @Override
  float firstUnitFloat(int row) {
    return unit[row * dimension];
  }

  @Override
  float norm(int row) {
    return norms[row];
  }

  @Override
  boolean mapped() {
    return false;
  }

  @Override
  long heapBytes() {
    long bytes = 4L * raw.length + 4L * unit.length + 4L * norms.length;
    if (quantized != null) {
      bytes += quantized.codes().length + 4L * quantized.scales().length;
    }
    return bytes;
  }

  @Override
  public float[] scales() {
    return quantized == null ? null : quantized.scales();
  }

  @Override
  public Reader reader() {
    return new Reader() {
      private int rowOffset;
      private int codeOffset;

      @Override
      public float[] rows(int first, int count) {
        rowOffset = first * dimension;
        return unit;
      }

      @Override
      public int rowOffset() {
        return rowOffset;
      }

      @Override
      public byte[] codeBlocks(int first, int count) {
        codeOffset = first * QuantizedRows.BLOCK_ROWS * dimension;
        return quantized.codes();
      }

      @Override
      public int codeOffset() {
        return codeOffset;
      }
    };
  }
}
