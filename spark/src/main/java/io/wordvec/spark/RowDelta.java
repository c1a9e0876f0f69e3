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
 * <p>The changes are packed as little-endian floats: Java serialization copies a byte array in
 * bulk, where it writes a float array one float at a time. A slice is sized so that its arrays stay
 * far below the 2 GB a Java array holds ({@link SparkTrainingEngine} cuts the rows into slices).
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
    implements Serializable {

  private static final VarHandle FLOAT =
      MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

  /** Float {@code index} of the input changes ({@code entry * dim + i}). */
  float inputChange(int index) {
    return (float) FLOAT.get(inputDelta, 4 * index);
  }

  /** Float {@code index} of the output changes. */
  float outputChange(int index) {
    return (float) FLOAT.get(outputDelta, 4 * index);
  }

  /** Bytes of the arrays, what the result carries before compression. */
  long bytes() {
    return 12L * rows.length + inputDelta.length + outputDelta.length;
  }
}
