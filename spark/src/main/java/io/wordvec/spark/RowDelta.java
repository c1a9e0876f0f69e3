package io.wordvec.spark;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What one partition's round changed: for every row it updated, the change of its input and output
 * rows and how many updates each received (the weights of the merge). Rows it never touched are not
 * sent.
 *
 * @param partition the partition's index
 * @param rows the updated rows, ascending
 * @param inputUpdates per entry of {@code rows}, updates of its input row
 * @param outputUpdates per entry of {@code rows}, updates of its output row
 * @param inputDelta per entry of {@code rows}, {@code dimension} floats: new input row - old
 * @param outputDelta the same for the output rows
 * @param loss negative-sampling loss of the round's block
 * @param examples examples of the loss
 * @param words vocabulary words of the block
 * @param trainNanos time spent training, not copying or encoding deltas
 */
record RowDelta(
    int partition,
    int[] rows,
    int[] inputUpdates,
    int[] outputUpdates,
    float[] inputDelta,
    float[] outputDelta,
    double loss,
    long examples,
    long words,
    long trainNanos)
    implements Serializable {

  /** A partition with no block in this round. */
  static RowDelta empty(int partition) {
    return new RowDelta(
        partition, new int[0], new int[0], new int[0], new float[0], new float[0], 0, 0, 0, 0);
  }

  /**
   * Serialized as {@link Packed}: the float arrays as bytes, which Java serialization copies in
   * bulk, where it writes float arrays one float at a time (a delta is about the model's size).
   */
  private Object writeReplace() {
    return new Packed(
        partition,
        rows,
        inputUpdates,
        outputUpdates,
        pack(inputDelta),
        pack(outputDelta),
        loss,
        examples,
        words,
        trainNanos);
  }

  private static byte[] pack(float[] floats) {
    byte[] bytes = new byte[4 * floats.length];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(floats);
    return bytes;
  }

  private static float[] unpack(byte[] bytes) {
    float[] floats = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(floats);
    return floats;
  }

  /** A {@link RowDelta} on the wire. */
  private record Packed(
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
      implements Serializable {

    private Object readResolve() {
      return new RowDelta(
          partition,
          rows,
          inputUpdates,
          outputUpdates,
          unpack(inputDelta),
          unpack(outputDelta),
          loss,
          examples,
          words,
          trainNanos);
    }
  }

  /** Bytes of the arrays, what the result carries before compression. */
  long bytes() {
    return 4L * (3L * rows.length + inputDelta.length + outputDelta.length);
  }
}
