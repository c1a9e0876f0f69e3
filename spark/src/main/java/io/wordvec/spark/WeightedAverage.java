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
 * <p>Driver-side, single-threaded; sums over one slice of rows ({@link RowMerge}).
 */
final class WeightedAverage extends RowMerge {

  private final float[] inputSum;
  private final float[] outputSum;
  private final long[] inputWeight;
  private final long[] outputWeight;

  /**
   * @param sliceRows the most rows of one slice
   * @param dim floats per row
   */
  WeightedAverage(int sliceRows, int dim) {
    super(sliceRows, dim);
    this.inputSum = new float[Math.multiplyExact(sliceRows, dim)];
    this.outputSum = new float[sliceRows * dim];
    this.inputWeight = new long[sliceRows];
    this.outputWeight = new long[sliceRows];
  }

  @Override
  void addRow(int row, RowDelta delta, int entry) {
    int in = delta.inputUpdates()[entry];
    int out = delta.outputUpdates()[entry];
    int base = row * dim;
    int from = entry * dim;
    if (in > 0) {
      inputWeight[row] += in;
      for (int i = 0; i < dim; i++) {
        inputSum[base + i] += in * delta.inputChange(from + i);
      }
    }
    if (out > 0) {
      outputWeight[row] += out;
      for (int i = 0; i < dim; i++) {
        outputSum[base + i] += out * delta.outputChange(from + i);
      }
    }
  }

  @Override
  void applyRow(ModelState model, int modelRow, int row) {
    int base = row * dim;
    if (inputWeight[row] > 0) {
      float inv = 1f / inputWeight[row];
      for (int i = 0; i < dim; i++) {
        inputSum[base + i] *= inv;
      }
      model.addToInputRow(modelRow, inputSum, base);
    }
    if (outputWeight[row] > 0) {
      float inv = 1f / outputWeight[row];
      for (int i = 0; i < dim; i++) {
        outputSum[base + i] *= inv;
      }
      model.addToOutputRow(modelRow, outputSum, base);
    }
    Arrays.fill(inputSum, base, base + dim, 0f);
    Arrays.fill(outputSum, base, base + dim, 0f);
    inputWeight[row] = 0;
    outputWeight[row] = 0;
  }
}
