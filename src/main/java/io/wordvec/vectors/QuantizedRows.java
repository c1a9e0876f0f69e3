package io.wordvec.vectors;

import io.wordvec.vectors.internal.Quantizer;
import java.util.Objects;

/**
 * An 8-bit copy of a unit-normalised matrix, a quarter of its size, used to find neighbour
 * candidates with a quarter of the memory traffic of the float scan; the candidates are then
 * rescored on the float rows, so answers stay exact (see {@link WordVectors}).
 *
 * <p>Row {@code r} is stored as codes {@code c_i = round(x_i / scale_r)} in {@code [-127, 127]}
 * with {@code scale_r = max|x_i| / 127} (rounded up), so {@code |x_i - scale_r * c_i| <= scale_r /
 * 2}. Codes are laid out in blocks of {@link #BLOCK_ROWS} rows, position-major inside a block: the
 * codes of position {@code j} of rows {@code 16b .. 16b+15} are the sixteen bytes at {@code (b * D
 * + j) * 16}, so that a scan scores a block's rows at once, one vector lane per row. The layout is
 * the same on every machine, so files that store it load anywhere. The last block is padded with
 * zero codes for rows that do not exist.
 *
 * <p>Model files may store these rows next to the vectors ({@link #codes()}, {@link #scales()}), so
 * that loading copies them instead of computing them again; {@link #restore} takes them back.
 * Immutable after construction; the arrays are shared, not copied: do not modify them.
 */
public final class QuantizedRows {

  /**
   * Models at least this big (rows x dimension) get an 8-bit copy; smaller ones fit in cache, where
   * the plain float scan is as fast.
   */
  static final long MIN_FLOATS = 1L << 18;

  /** Rows per block of codes; see the class comment. */
  public static final int BLOCK_ROWS = Quantizer.BLOCK_ROWS;

  /** Rows compared with the vectors when stored rows are restored: a cheap consistency check. */
  private static final int CHECKED_ROWS = 64;

  private final byte[] codes;
  private final float[] scales;
  private final int dimension;

  private QuantizedRows(byte[] codes, float[] scales, int dimension) {
    this.codes = codes;
    this.scales = scales;
    this.dimension = dimension;
  }

  /** Whether a matrix of this shape is big enough for word vectors to keep an 8-bit copy. */
  public static boolean worthwhile(int rows, int dimension) {
    return (long) rows * dimension >= MIN_FLOATS;
  }

  /**
   * Number of codes of {@code rows} rows of dimension {@code dimension}, the last block padded: the
   * length of {@link #codes()}.
   */
  public static long codeCount(int rows, int dimension) {
    return Quantizer.codeCount(rows, dimension);
  }

  /**
   * Codes one unit row, the {@code dimension} floats at {@code unit[unitOffset]}, as this class
   * codes the rows of a matrix, but one code after another into {@code codes[codesOffset ..]};
   * returns the row's scale (0 for a zero row, whose codes are zeros). For stores that read a row
   * in one piece, as a graph walk does.
   */
  public static float codeRow(
      float[] unit, int unitOffset, int dimension, byte[] codes, int codesOffset) {
    Objects.checkFromIndexSize(unitOffset, dimension, unit.length);
    Objects.checkFromIndexSize(codesOffset, dimension, codes.length);
    return Quantizer.quantizeRowMajor(unit, unitOffset, dimension, codes, codesOffset);
  }

  /** Index in {@link #codes} of position {@code j} of row {@code row}. */
  private int at(int row, int j) {
    return Quantizer.at(row, j, dimension);
  }

  /** Empty rows, filled by {@link #quantizeRow}. */
  static QuantizedRows allocate(int rows, int dimension) {
    return new QuantizedRows(
        new byte[Math.toIntExact(codeCount(rows, dimension))], new float[rows], dimension);
  }

  /**
   * Takes back rows that were saved with {@link #codes()} and {@link #scales()}. {@link
   * WordVectors#fromRows} checks a sample of them against the vectors they are given with.
   *
   * @param dimension the vector size
   * @param scales one scale per row, finite and &ge; 0; not copied
   * @param codes {@link #codeCount codeCount(scales.length, dimension)} codes, in blocks as {@link
   *     #codes()} returns them; not copied
   * @throws IllegalArgumentException on a length mismatch or a bad scale
   */
  public static QuantizedRows restore(int dimension, float[] scales, byte[] codes) {
    Objects.requireNonNull(scales, "scales");
    Objects.requireNonNull(codes, "codes");
    if (dimension <= 0 || codeCount(scales.length, dimension) != codes.length) {
      throw new IllegalArgumentException(
          scales.length
              + " scales and "
              + codes.length
              + " codes do not make blocked rows of dimension "
              + dimension);
    }
    checkScales(scales);
    return new QuantizedRows(codes, scales, dimension);
  }

  /**
   * Takes back rows saved one row after another ({@code scales.length * dimension} codes, the
   * layout of model files written before the blocked layout), copying them into blocks.
   *
   * @throws IllegalArgumentException on a length mismatch or a bad scale
   */
  public static QuantizedRows restoreRowMajor(int dimension, float[] scales, byte[] rowMajor) {
    Objects.requireNonNull(scales, "scales");
    Objects.requireNonNull(rowMajor, "codes");
    if (dimension <= 0 || (long) scales.length * dimension != rowMajor.length) {
      throw new IllegalArgumentException(
          scales.length
              + " scales and "
              + rowMajor.length
              + " codes do not make rows of dimension "
              + dimension);
    }
    checkScales(scales);
    QuantizedRows rows = allocate(scales.length, dimension);
    System.arraycopy(scales, 0, rows.scales, 0, scales.length);
    for (int r = 0; r < scales.length; r++) {
      for (int j = 0; j < dimension; j++) {
        rows.codes[rows.at(r, j)] = rowMajor[r * dimension + j];
      }
    }
    return rows;
  }

  private static void checkScales(float[] scales) {
    for (int r = 0; r < scales.length; r++) {
      if (!(scales[r] >= 0) || !Float.isFinite(scales[r])) {
        throw new IllegalArgumentException("bad 8-bit scale " + scales[r] + " for row " + r);
      }
    }
  }

  /**
   * The codes, in blocks of {@link #BLOCK_ROWS} rows (see the class comment), shared: do not
   * modify.
   */
  public byte[] codes() {
    return codes;
  }

  /** One scale per row, shared: do not modify. */
  public float[] scales() {
    return scales;
  }

  /** Number of rows. */
  public int rows() {
    return scales.length;
  }

  /** Codes per row. */
  public int dimension() {
    return dimension;
  }

  /** Codes row {@code row} of {@code unit} (a unit-normalised row-major matrix). */
  void quantizeRow(float[] unit, int row) {
    Quantizer.quantizeRow(unit, row, dimension, codes, scales);
  }

  /**
   * Checks that evenly spaced rows hold the codes of {@code unit}'s rows within the error bound the
   * scan relies on: stored rows from another model or another layout would make answers wrong
   * without any other symptom.
   *
   * @throws IllegalArgumentException naming the first row that does not match
   */
  void checkMatches(float[] unit) {
    int rows = rows();
    if ((long) rows * dimension != unit.length || codeCount(rows, dimension) != codes.length) {
      throw new IllegalArgumentException(
          "the 8-bit rows are " + rows + " x " + dimension + ", the vectors are not");
    }
    int step = Math.max(1, rows / CHECKED_ROWS);
    for (int r = 0; r < rows; r += step) {
      checkMatrixRow(unit, r);
    }
    if (rows > 0) {
      checkMatrixRow(unit, rows - 1);
    }
  }

  private void checkMatrixRow(float[] unit, int row) {
    checkRow(unit, row * dimension, codes, at(row, 0), scales[row], dimension, row);
  }

  /** Checks row {@code row}'s codes against its unit row, given alone at {@code unitRow[0]}. */
  void checkRow(float[] unitRow, int row) {
    checkRow(unitRow, 0, codes, at(row, 0), scales[row], dimension, row);
  }

  /**
   * Checks one row's codes against its unit row at {@code unit[unitOffset]}: its codes are {@code
   * codes[firstCode + j * BLOCK_ROWS]}, its scale {@code scale}.
   *
   * @throws IllegalArgumentException if a code is out of range or too far from the row's value
   */
  static void checkRow(
      float[] unit, int unitOffset, byte[] codes, int firstCode, float scale, int dim, int row) {
    double allowed = scale * 0.5001;
    for (int j = 0; j < dim; j++) {
      byte code = codes[firstCode + j * BLOCK_ROWS];
      if (code == Byte.MIN_VALUE
          || Math.abs(unit[unitOffset + j] - (double) scale * code) > allowed) {
        throw new IllegalArgumentException(
            "the stored 8-bit rows do not match the vectors (row " + row + ", position " + j + ")");
      }
    }
  }
}
