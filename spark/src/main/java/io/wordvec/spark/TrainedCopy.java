package io.wordvec.spark;

import io.wordvec.train.BlockTrainer;
import java.io.Serializable;

/**
 * One partition's trained copy of the model after its block of a round, turned into changes in
 * place, kept on its executor until the driver has collected it slice by slice ({@link #slice}).
 * Rows the partition did not update hold their old values and are never read.
 *
 * <p>Why slices: the changes of one partition are about the model's size (its noise words alone
 * touch most output rows of a large vocabulary), and a task result travels as a few serialized
 * copies of itself (the value, the task's status message, the driver's copy). Collected in one
 * piece, a 1M x 300 model's K deltas would need several times K x 2.4 GB at once, and more than a
 * Java array's 2 GB per delta; collected as slices of rows they need a few times K x one slice.
 */
final class TrainedCopy implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int partition;
  private final int dim;
  private final float[] inputDelta;
  private final float[] outputDelta;
  private final int[] inputUpdates;
  private final int[] outputUpdates;
  private final double loss;
  private final long examples;
  private final long words;
  private final long trainNanos;

  private TrainedCopy(
      int partition,
      int dim,
      float[] inputDelta,
      float[] outputDelta,
      int[] inputUpdates,
      int[] outputUpdates,
      double loss,
      long examples,
      long words,
      long trainNanos) {
    this.partition = partition;
    this.dim = dim;
    this.inputDelta = inputDelta;
    this.outputDelta = outputDelta;
    this.inputUpdates = inputUpdates;
    this.outputUpdates = outputUpdates;
    this.loss = loss;
    this.examples = examples;
    this.words = words;
    this.trainNanos = trainNanos;
  }

  /** The partition that trained this copy. */
  int partition() {
    return partition;
  }

  /** A partition with no block in this round: it changed nothing. */
  static TrainedCopy empty(int partition, int dim) {
    return new TrainedCopy(
        partition, dim, new float[0], new float[0], new int[0], new int[0], 0, 0, 0, 0);
  }

  /**
   * The changes of a trained copy: subtracts the round's model from every updated row of {@code
   * inputVectors} and {@code outputVectors}, in place (they become the changes).
   */
  static TrainedCopy of(
      int partition,
      ModelState start,
      float[] inputVectors,
      float[] outputVectors,
      int[] inputUpdates,
      int[] outputUpdates,
      BlockTrainer.Result result,
      long trainNanos) {
    int dim = start.dim();
    for (int r = 0; r < inputUpdates.length; r++) {
      if (inputUpdates[r] == 0 && outputUpdates[r] == 0) {
        continue;
      }
      start.subtractRow(r, inputVectors, outputVectors);
    }
    return new TrainedCopy(
        partition,
        dim,
        inputVectors,
        outputVectors,
        inputUpdates,
        outputUpdates,
        result.loss(),
        result.examples(),
        result.words(),
        trainNanos);
  }

  /**
   * The changes of the updated rows in {@code [fromRow, toRow)}; the round's loss, words and
   * training time travel with the slice that starts at row 0.
   */
  RowDelta slice(int fromRow, int toRow) {
    int to = Math.min(toRow, inputUpdates.length);
    int touched = 0;
    for (int r = fromRow; r < to; r++) {
      if (inputUpdates[r] > 0 || outputUpdates[r] > 0) {
        touched++;
      }
    }
    if ((long) RowDelta.BYTES_PER_FLOAT * touched * dim > ModelState.MAX_ARRAY) {
      throw new IllegalStateException(
          touched + " rows of " + dim + " floats do not fit one byte array; use smaller slices");
    }
    int[] ids = new int[touched];
    int[] inCounts = new int[touched];
    int[] outCounts = new int[touched];
    byte[] in = new byte[RowDelta.BYTES_PER_FLOAT * touched * dim];
    byte[] out = new byte[RowDelta.BYTES_PER_FLOAT * touched * dim];
    int k = 0;
    for (int r = fromRow; r < to; r++) {
      if (inputUpdates[r] == 0 && outputUpdates[r] == 0) {
        continue;
      }
      ids[k] = r;
      inCounts[k] = inputUpdates[r];
      outCounts[k] = outputUpdates[r];
      RowDelta.pack(inputDelta, r * dim, dim, in, k * dim);
      RowDelta.pack(outputDelta, r * dim, dim, out, k * dim);
      k++;
    }
    boolean first = fromRow == 0;
    return new RowDelta(
        partition,
        ids,
        inCounts,
        outCounts,
        in,
        out,
        first ? loss : 0,
        first ? examples : 0,
        first ? words : 0,
        first ? trainNanos : 0);
  }
}
