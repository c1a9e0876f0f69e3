package io.wordvec.spark;

import io.wordvec.train.BlockTrainer;
import java.io.Serializable;

/**
 * One partition's trained copy of the model after its block of a round. On an executor it is turned
 * into changes in place ({@link #of}) and kept until the driver has collected it slice by slice
 * ({@link #slice}). In the driver's JVM it is handed over as it is ({@link #of}, not in place), and
 * the merge reads each change as the trained row less the round's model ({@link #changes}), the
 * same floats a slice would carry, without the task's passes over the model to subtract and pack
 * them. Rows the partition did not update are never read.
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

  /** The changes, or the trained rows of a copy not turned into changes, of the input matrix. */
  private final float[] inputRows;

  /** The same for the output matrix. */
  private final float[] outputRows;

  /**
   * The round's model when the rows above are the trained rows rather than changes; null on an
   * executor, where the copy may be serialized (and the model is a broadcast's).
   */
  private final transient ModelState start;

  private final int[] inputUpdates;
  private final int[] outputUpdates;
  private final double loss;
  private final long examples;
  private final long words;
  private final long trainNanos;

  private TrainedCopy(
      int partition,
      int dim,
      float[] inputRows,
      float[] outputRows,
      ModelState start,
      int[] inputUpdates,
      int[] outputUpdates,
      double loss,
      long examples,
      long words,
      long trainNanos) {
    this.partition = partition;
    this.dim = dim;
    this.inputRows = inputRows;
    this.outputRows = outputRows;
    this.start = start;
    this.inputUpdates = inputUpdates;
    this.outputUpdates = outputUpdates;
    this.loss = loss;
    this.examples = examples;
    this.words = words;
    this.trainNanos = trainNanos;
  }

  /** Whether this copy holds the trained rows themselves rather than changes ({@link #of}). */
  boolean isKept() {
    return start != null;
  }

  /** The partition that trained this copy. */
  int partition() {
    return partition;
  }

  /** A partition with no block in this round: it changed nothing. */
  static TrainedCopy empty(int partition, int dim) {
    return new TrainedCopy(
        partition, dim, new float[0], new float[0], null, new int[0], new int[0], 0, 0, 0, 0);
  }

  /**
   * A partition's trained copy: {@code inputVectors} and {@code outputVectors} as the block left
   * them.
   *
   * @param inPlace true on an executor: the round's model is subtracted from every updated row now,
   *     in place (the arrays become the changes, {@link #slice}); false in the driver's JVM: the
   *     copy is kept as it is, with {@code start}, which must stay unchanged until the merge reads
   *     each change as the trained row less {@code start}'s ({@link #changes})
   */
  static TrainedCopy of(
      int partition,
      ModelState start,
      float[] inputVectors,
      float[] outputVectors,
      int[] inputUpdates,
      int[] outputUpdates,
      BlockTrainer.Result result,
      long trainNanos,
      boolean inPlace) {
    if (inPlace) {
      for (int r = 0; r < inputUpdates.length; r++) {
        if (inputUpdates[r] > 0 || outputUpdates[r] > 0) {
          start.subtractRow(r, inputVectors, outputVectors);
        }
      }
    }
    return new TrainedCopy(
        partition,
        start.dim(),
        inputVectors,
        outputVectors,
        inPlace ? null : start,
        inputUpdates,
        outputUpdates,
        result.loss(),
        result.examples(),
        result.words(),
        trainNanos);
  }

  /**
   * The changes of the updated rows in {@code [fromRow, toRow)}: packed ({@link #slice}) when the
   * copy holds changes, read from the trained rows when it was {@linkplain #of kept} as it is.
   */
  SliceChanges changes(int fromRow, int toRow) {
    if (start == null) {
      return slice(fromRow, toRow);
    }
    int[] ids = touchedRows(fromRow, toRow);
    boolean first = fromRow == 0;
    return new Trained(
        partition,
        ids,
        counts(inputUpdates, ids),
        counts(outputUpdates, ids),
        start,
        inputRows,
        outputRows,
        dim,
        first ? loss : 0,
        first ? examples : 0,
        first ? words : 0,
        first ? trainNanos : 0);
  }

  /**
   * The changes of the updated rows in {@code [fromRow, toRow)}; the round's loss, words and
   * training time travel with the slice that starts at row 0.
   */
  RowDelta slice(int fromRow, int toRow) {
    if (start != null) {
      throw new IllegalStateException("a kept copy holds trained rows, not changes");
    }
    int[] ids = touchedRows(fromRow, toRow);
    int touched = ids.length;
    if ((long) RowDelta.BYTES_PER_FLOAT * touched * dim > ModelState.MAX_ARRAY) {
      throw new IllegalStateException(
          touched + " rows of " + dim + " floats do not fit one byte array; use smaller slices");
    }
    byte[] in = new byte[RowDelta.BYTES_PER_FLOAT * touched * dim];
    byte[] out = new byte[RowDelta.BYTES_PER_FLOAT * touched * dim];
    for (int k = 0; k < touched; k++) {
      RowDelta.pack(inputRows, ids[k] * dim, dim, in, k * dim);
      RowDelta.pack(outputRows, ids[k] * dim, dim, out, k * dim);
    }
    boolean first = fromRow == 0;
    return new RowDelta(
        partition,
        ids,
        counts(inputUpdates, ids),
        counts(outputUpdates, ids),
        in,
        out,
        first ? loss : 0,
        first ? examples : 0,
        first ? words : 0,
        first ? trainNanos : 0);
  }

  /** The rows in {@code [fromRow, toRow)} this partition updated, on either side, ascending. */
  private int[] touchedRows(int fromRow, int toRow) {
    int to = Math.min(toRow, inputUpdates.length);
    int touched = 0;
    for (int r = fromRow; r < to; r++) {
      if (inputUpdates[r] > 0 || outputUpdates[r] > 0) {
        touched++;
      }
    }
    int[] ids = new int[touched];
    int k = 0;
    for (int r = fromRow; r < to && k < touched; r++) {
      if (inputUpdates[r] > 0 || outputUpdates[r] > 0) {
        ids[k++] = r;
      }
    }
    return ids;
  }

  private static int[] counts(int[] updates, int[] ids) {
    int[] counts = new int[ids.length];
    for (int k = 0; k < ids.length; k++) {
      counts[k] = updates[ids[k]];
    }
    return counts;
  }

  /**
   * The changes of a kept copy's rows in one slice, read when the merge asks for them: the trained
   * row less the round's model, rounded as a slice packs it, so that the merged model is the one
   * the packed path gives, float for float. The round's figures are on the slice that starts at row
   * 0 only, as with {@link #slice}.
   */
  private record Trained(
      int partition,
      int[] rows,
      int[] inputUpdates,
      int[] outputUpdates,
      ModelState start,
      float[] inputRows,
      float[] outputRows,
      int dim,
      double loss,
      long examples,
      long words,
      long trainNanos)
      implements SliceChanges {

    @Override
    public void inputChange(int entry, int rowDim, float[] to, int at) {
      start.inputChange(rows[entry], inputRows, to, at);
    }

    @Override
    public void outputChange(int entry, int rowDim, float[] to, int at) {
      start.outputChange(rows[entry], outputRows, to, at);
    }

    @Override
    public long bytes() {
      return RowDelta.bytes(rows.length, dim);
    }
  }
}
