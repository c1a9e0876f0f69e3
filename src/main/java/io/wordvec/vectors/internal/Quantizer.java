package io.wordvec.vectors.internal;

/**
 * The 8-bit codes of unit-normalised rows: their layout, and the coding of one row. The scans that
 * read them are in {@link NeighborScan}; the public holder of a model's codes is {@code
 * io.wordvec.vectors.QuantizedRows}.
 *
 * <p>Row {@code r} is stored as codes {@code c_i = round(x_i / scale_r)} in {@code [-127, 127]}
 * with {@code scale_r = max|x_i| / 127} (rounded up), so {@code |x_i - scale_r * c_i| <= scale_r /
 * 2}: the error of an approximate dot product with a query {@code q} is at most {@code ||q||_1 *
 * scale_r / 2}, plus float rounding.
 *
 * <p>Codes are laid out in blocks of {@link #BLOCK_ROWS} rows, position-major inside a block: the
 * codes of position {@code j} of rows {@code 16b .. 16b+15} are the sixteen bytes at {@code (b * D
 * + j) * 16}. A scan then scores a block's rows at once, one vector lane per row, with no sum
 * across lanes per row and no tail for dimensions that are not a multiple of the vector length: at
 * dimension 100 that made the scan over twice as fast as one row at a time. Sixteen rows fill a
 * 512-bit vector of floats, or two 256-bit ones; the layout is the same on every machine, so files
 * that store it load anywhere. The last block is padded with zero codes for rows that do not exist.
 */
public final class Quantizer {

  /** Rows per block of codes; see the class comment. */
  public static final int BLOCK_ROWS = 16;

  private Quantizer() {}

  /** Blocks that hold {@code rows} rows. */
  public static int blocks(int rows) {
    return (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
  }

  /** Number of codes of {@code rows} rows of dimension {@code dimension}, the last block padded. */
  public static long codeCount(int rows, int dimension) {
    return (long) blocks(rows) * BLOCK_ROWS * dimension;
  }

  /** Index in the codes of position {@code j} of row {@code row}. */
  public static int at(int row, int j, int dimension) {
    return ((row / BLOCK_ROWS) * dimension + j) * BLOCK_ROWS + row % BLOCK_ROWS;
  }

  /**
   * Codes row {@code row} of {@code unit} (a unit-normalised row-major matrix of rows of {@code
   * dimension} floats) into {@code codes} and {@code scales[row]}.
   */
  public static void quantizeRow(
      float[] unit, int row, int dimension, byte[] codes, float[] scales) {
    quantizeRow(unit, 0, row, dimension, codes, 0, scales, 0);
  }

  /**
   * {@link #quantizeRow} for a matrix and codes that start at offsets: row {@code row} of the
   * matrix at {@code unit[unitOffset]}, coded into the codes at {@code codes[codesOffset]} and
   * {@code scales[scalesOffset + row]}.
   */
  static void quantizeRow(
      float[] unit,
      int unitOffset,
      int row,
      int dimension,
      byte[] codes,
      int codesOffset,
      float[] scales,
      int scalesOffset) {
    int off = unitOffset + row * dimension;
    float scale = scaleOf(unit, off, dimension);
    scales[scalesOffset + row] = scale;
    if (scale == 0) {
      return;
    }
    float inverse = 1f / scale;
    for (int k = 0, at = codesOffset + at(row, 0, dimension);
        k < dimension;
        k++, at += BLOCK_ROWS) {
      codes[at] = code(unit[off + k], inverse);
    }
  }

  /**
   * Codes the {@code dimension} floats at {@code unit[unitOffset]} one after another into {@code
   * codes[codesOffset ..]}, as {@link #quantizeRow} codes a row, and returns their scale. A graph
   * walk reads a row's codes this way, in one piece; zero codes (and scale 0) for a zero row.
   */
  public static float quantizeRowMajor(
      float[] unit, int unitOffset, int dimension, byte[] codes, int codesOffset) {
    float scale = scaleOf(unit, unitOffset, dimension);
    if (scale == 0) {
      java.util.Arrays.fill(codes, codesOffset, codesOffset + dimension, (byte) 0);
      return 0;
    }
    float inverse = 1f / scale;
    for (int k = 0; k < dimension; k++) {
      codes[codesOffset + k] = code(unit[unitOffset + k], inverse);
    }
    return scale;
  }

  /** The scale of the row at {@code unit[off]}: its largest magnitude over 127, rounded up. */
  private static float scaleOf(float[] unit, int off, int dimension) {
    int end = off + dimension;
    // Two running maxima compared with plain ternaries: Math.max must also order NaN and -0.0,
    // which costs more, and the rows that reach here are finite.
    float max0 = 0;
    float max1 = 0;
    int j = off;
    for (; j + 1 < end; j += 2) {
      float a = Math.abs(unit[j]);
      float b = Math.abs(unit[j + 1]);
      max0 = a > max0 ? a : max0;
      max1 = b > max1 ? b : max1;
    }
    if (j < end) {
      float a = Math.abs(unit[j]);
      max0 = a > max0 ? a : max0;
    }
    float max = max0 > max1 ? max0 : max1;
    if (max == 0) {
      return 0;
    }
    float scale = max / 127f;
    if (max / scale > 127f) {
      scale = Math.nextUp(scale);
    }
    return scale;
  }

  private static byte code(float value, float inverse) {
    // Math.rint, not Math.round: any nearest integer keeps the error within scale / 2, and
    // Math.round cost 9 ns a value on JDK 25 (0.6 ns on JDK 17), where rint is one instruction.
    int c = (int) Math.rint(value * inverse);
    return (byte) (c > 127 ? 127 : c < -127 ? -127 : c);
  }

  /**
   * Codes {@code rows} rows (at most {@link #BLOCK_ROWS}) of {@code unit} from {@code unitOffset},
   * one after another, into the block of codes that starts at {@code codes[codesOffset]}, and their
   * scales into {@code scales[scalesOffset ..]}; the codes of missing rows are set to zero. The
   * same codes as {@link #quantizeRow} gives those rows in a whole matrix.
   */
  public static void quantizeBlock(
      float[] unit,
      int unitOffset,
      int rows,
      int dimension,
      byte[] codes,
      int codesOffset,
      float[] scales,
      int scalesOffset) {
    java.util.Arrays.fill(codes, codesOffset, codesOffset + BLOCK_ROWS * dimension, (byte) 0);
    for (int r = 0; r < rows; r++) {
      quantizeRow(unit, unitOffset, r, dimension, codes, codesOffset, scales, scalesOffset);
    }
  }
}
