package io.wordvec.spark;

import java.io.Serializable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * What one partition's round changed in one slice of rows ({@link TrainedCopy#slice}): for every
 * row of the slice it updated, the change of its input and output rows and how many updates each
 * received (the weights of the merge). Rows it never touched are not sent.
 *
 * <p>The changes are packed as little-endian bfloat16s ({@link #pack}) into byte arrays: Java
 * serialization copies a byte array in bulk, where it writes a float array one float at a time. A
 * slice is sized so that its arrays stay far below the 2 GB a Java array holds ({@link
 * SparkTrainingEngine} cuts the rows into slices).
 *
 * @param partition the partition's index
 * @param rows the updated rows, ascending
 * @param inputUpdates per entry of {@code rows}, updates of its input row
 * @param outputUpdates per entry of {@code rows}, updates of its output row
 * @param inputDelta per entry of {@code rows}, {@code dimension} floats: new input row - old
 * @param outputDelta the same for the output rows
 * @param loss negative-sampling loss of the round's block (on the partition's first slice only, 0
 *     on the others)
 * @param examples examples of the loss (first slice only)
 * @param words vocabulary words of the block (first slice only)
 * @param trainNanos time spent training, not copying or encoding deltas (first slice only)
 */
record RowDelta(
    int partition,
    int[] rows,
    int[] inputUpdates,
    int[] outputUpdates,
    byte[] inputDelta,
    byte[] outputDelta,
    double loss,
    long examples,
    long words,
    long trainNanos)
    implements SliceChanges, Serializable {

  /** Bytes per float of a change: its upper half (bfloat16). */
  static final int BYTES_PER_FLOAT = 2;

  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

  @Override
  public void inputChange(int entry, int dim, float[] to, int at) {
    unpack(inputDelta, entry * dim, to, at, dim);
  }

  @Override
  public void outputChange(int entry, int dim, float[] to, int at) {
    unpack(outputDelta, entry * dim, to, at, dim);
  }

  /**
   * Floats {@code [index, index + n)} of the changes {@code packed} holds ({@link #pack}) into
   * {@code to} from {@code at}.
   */
  static void unpack(byte[] packed, int index, float[] to, int at, int n) {
    for (int i = 0; i < n; i++) {
      to[at + i] = unpack(packed, index + i);
    }
  }

  /**
   * Packs {@code from[at, at + n)} into {@code to} from float {@code index} on: each float's sign,
   * exponent and upper 7 bits of its mantissa (bfloat16), rounded to the nearest, ties to even.
   * Why: a round's changes are small next to the rows they move, and every partition sends its
   * changes to the driver every round; halving their bytes halves what the results cost to
   * serialize, send and read, for a relative error of at most 2^-8 in each change (the float's own
   * range is kept, so no change is too small to send).
   */
  static void pack(float[] from, int at, int n, byte[] to, int index) {
    for (int i = 0; i < n; i++) {
      SHORT.set(to, BYTES_PER_FLOAT * (index + i), (short) upperHalf(from[at + i]));
    }
  }

  /** {@code x} as {@link #pack} sends it and the driver reads it back: rounded to a bfloat16. */
  static float round(float x) {
    return Float.intBitsToFloat(upperHalf(x) << 16);
  }

  /** The bfloat16 nearest {@code x} (ties to even), NaN kept NaN: the float's upper 16 bits. */
  private static int upperHalf(float x) {
    int bits = Float.floatToRawIntBits(x);
    if ((bits & 0x7FFFFFFF) > 0x7F800000) {
      return (bits >>> 16) | 0x40; // NaN stays NaN
    }
    return (bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16;
  }

  private static float unpack(byte[] packed, int index) {
    short upper = (short) SHORT.get(packed, BYTES_PER_FLOAT * index);
    return Float.intBitsToFloat((upper & 0xFFFF) << 16);
  }

  /** Bytes of the arrays, what the result carries before compression. */
  @Override
  public long bytes() {
    return 12L * rows.length + inputDelta.length + outputDelta.length;
  }

  /** The bytes of a delta of {@code rows} rows of {@code dim} floats ({@link #bytes}). */
  static long bytes(int rows, int dim) {
    return 12L * rows + 2L * BYTES_PER_FLOAT * rows * dim;
  }
}
