package io.wordvec.spark;

import java.util.Arrays;

/**
 * The {@link MergeRule#MEAN} merge: each row moves by the mean of the partitions' changes to it,
 * weighted by how many updates each partition made to it. A row only one partition updated gets
 * that partition's whole change; a row all updated gets their evidence-weighted mean. Plain
 * averaging would divide the change of a rare word, seen in one partition, by K.
 *
 * <p>The mean of K changes to a row every partition updates is about 1/K of what one sequential
 * pass over the same words moves it: with many partitions, frequent rows train at about alpha / K
 * (BENCHMARKS.md, "Training on Apache Spark"). {@link AdaptiveSum} does not have that loss.
 *
 * <p>Driver-side; each row by one thread ({@link RowMerge}).
 */
final class WeightedAverage extends RowMerge {

  /** The row being merged, one per merging thread ({@link RowMerge#mergeAll}). */
  private final ThreadLocal<Row> rows;

  /** One row's update-weighted sums of changes, their weights, and a change read for the next. */
  private static final class Row {
    final float[] inputSum;
    final float[] outputSum;
    final float[] change;
    long inputWeight;
    long outputWeight;

    Row(int dim) {
      inputSum = new float[dim];
      outputSum = new float[dim];
      change = new float[dim];
    }
  }

  /**
   * @param sliceRows the most rows of one slice
   * @param dim floats per row
   */
  WeightedAverage(int sliceRows, int dim) {
    super(sliceRows, dim);
    this.rows = ThreadLocal.withInitial(() -> new Row(dim));
  }

  @Override
  void addRow(SliceChanges delta, int entry) {
    Row row = rows.get();
    int in = delta.inputUpdates()[entry];
    int out = delta.outputUpdates()[entry];
    float[] c = row.change;
    if (in > 0) {
      row.inputWeight += in;
      delta.inputChange(entry, dim, c, 0);
      for (int i = 0; i < dim; i++) {
        row.inputSum[i] += in * c[i];
      }
    }
    if (out > 0) {
      row.outputWeight += out;
      delta.outputChange(entry, dim, c, 0);
      for (int i = 0; i < dim; i++) {
        row.outputSum[i] += out * c[i];
      }
    }
  }

  @Override
  void applyRow(ModelState model, int modelRow) {
    Row row = rows.get();
    if (row.inputWeight > 0) {
      float inv = 1f / row.inputWeight;
      for (int i = 0; i < dim; i++) {
        row.inputSum[i] *= inv;
      }
      model.addToInputRow(modelRow, row.inputSum, 0);
    }
    if (row.outputWeight > 0) {
      float inv = 1f / row.outputWeight;
      for (int i = 0; i < dim; i++) {
        row.outputSum[i] *= inv;
      }
      model.addToOutputRow(modelRow, row.outputSum, 0);
    }
    Arrays.fill(row.inputSum, 0f);
    Arrays.fill(row.outputSum, 0f);
    row.inputWeight = 0;
    row.outputWeight = 0;
  }
}
