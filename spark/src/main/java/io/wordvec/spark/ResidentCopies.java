package io.wordvec.spark;

import java.util.Arrays;

/**
 * In the driver's JVM ({@link InJvmExchange}), each partition's own copy of the model, kept from
 * round to round instead of made anew by every task: a task trains its block into its partition's
 * copy ({@link #checkOut}), and the driver's merge writes every row it moves into all copies as
 * well as into the model ({@link #rowMerged}), so that after the merge each copy is the model again
 * ({@link #merged}).
 *
 * <p>Why: a task's fresh copy was two model-sized arrays to allocate (and zero), then fill from the
 * model, on every partition every round: on gutenberg-17m at K=2, about 27 ms of a 950 ms round in
 * which the partitions wait (BENCHMARKS.md, "Sync rounds in local mode by reference"). The merge
 * writes only the rows it moved, while they are in cache; a row no partition updated is still the
 * model's in every copy.
 *
 * <p>A copy is current when it equals the model. A task that finds its partition's copy not current
 * (the first round, or a retry after the task failed half way through its block) copies the model
 * into it first; the model does not move until every task of the round is done.
 *
 * <p>Thread-safe: tasks check their copies out concurrently; the merge's threads write disjoint
 * rows of every copy; {@link #merged} follows the merge.
 */
final class ResidentCopies {

  private final ModelState model;
  private final float[][] inputs;
  private final float[][] outputs;
  private final boolean[] current;

  /**
   * @param model the run's model, which the merge moves in place
   * @param partitions the run's partitions
   */
  ResidentCopies(ModelState model, int partitions) {
    this.model = model;
    this.inputs = new float[partitions][];
    this.outputs = new float[partitions][];
    this.current = new boolean[partitions];
  }

  /**
   * Partition {@code partition}'s copy of the model, as {@code {input, output}}, equal to the model
   * and no longer current: the task trains into it.
   */
  synchronized float[][] checkOut(int partition) {
    if (inputs[partition] == null) {
      long cells = (long) model.rows() * model.dim();
      inputs[partition] = RoundTask.matrix(cells, model.rows(), model.dim());
      outputs[partition] = RoundTask.matrix(cells, model.rows(), model.dim());
    }
    if (!current[partition]) {
      model.copyTo(inputs[partition], outputs[partition]);
    }
    current[partition] = false;
    return new float[][] {inputs[partition], outputs[partition]};
  }

  /**
   * Writes row {@code row} of the model, just merged, into every copy. Called by the merge's
   * threads, each for rows of its own.
   */
  void rowMerged(int row) {
    int first = -1;
    int at = row * model.dim();
    for (int p = 0; p < inputs.length; p++) {
      if (inputs[p] == null) {
        continue;
      }
      if (first < 0) {
        // the model's row is read once; the other copies take it from the first
        model.copyRowTo(row, inputs[p], outputs[p]);
        first = p;
      } else {
        System.arraycopy(inputs[first], at, inputs[p], at, model.dim());
        System.arraycopy(outputs[first], at, outputs[p], at, model.dim());
      }
    }
  }

  /**
   * Drops every copy, at the end of the run: the trained model's matrices are made from the model
   * next, and K copies kept beside them would double what the run needs at its end.
   */
  synchronized void release() {
    Arrays.fill(inputs, null);
    Arrays.fill(outputs, null);
    Arrays.fill(current, false);
  }

  /**
   * Marks as current the copies of the round's partitions that trained and were merged ({@code
   * copies}, where a partition with nothing to train leaves its copy as it was): each now equals
   * the model.
   */
  synchronized void merged(Iterable<TrainedCopy> copies) {
    for (TrainedCopy copy : copies) {
      if (copy.isKept()) {
        current[copy.partition()] = true;
      }
    }
  }
}
