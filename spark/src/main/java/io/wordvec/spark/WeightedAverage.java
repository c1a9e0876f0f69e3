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

  /**
   * @param sliceRows the most rows of one slice
   * @param dim floats per row
   */
  WeightedAverage(int sliceRows, int dim) {
    super(sliceRows, dim);
  }

  @Override
  void addRow(SliceChanges delta, int entry) {
    Row row = row();
    int in = delta.inputUpdates()[entry];
    int out = delta.outputUpdates()[entry];
    float[] c = row.change;
    if (in > 0) {
      row.inputTally += in;
      delta.inputChange(entry, dim, c, 0);
      for (int i = 0; i < dim; i++) {
        row.input[i] += in * c[i];
      }
    }
    if (out > 0) {
      row.outputTally += out;
      delta.outputChange(entry, dim, c, 0);
      for (int i = 0; i < dim; i++) {
        row.output[i] += out * c[i];
      }
    }
  }

  @Override
  void applyRow(ModelState model, int modelRow) {
    Row row = row();
    if (row.inputTally > 0) {
      float inv = 1f / row.inputTally;
      for (int i = 0; i < dim; i++) {
        row.input[i] *= inv;
      }
      model.addToInputRow(modelRow, row.input, 0);
    }
    if (row.outputTally > 0) {
      float inv = 1f / row.outputTally;
      for (int i = 0; i < dim; i++) {
        row.output[i] *= inv;
      }
      model.addToOutputRow(modelRow, row.output, 0);
    }
    Arrays.fill(row.input, 0f);
    Arrays.fill(row.output, 0f);
    row.inputTally = 0;
    row.outputTally = 0;
  }
}
