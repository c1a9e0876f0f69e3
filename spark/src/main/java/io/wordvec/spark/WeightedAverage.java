package io.wordvec.spark;

/**
 * Merges the partitions' deltas of one round into the model: each row moves by the mean of the
 * partitions' changes to it, weighted by how many updates each partition made to it. A row only one
 * partition updated gets that partition's whole change; a row all updated gets their
 * evidence-weighted mean. Plain averaging would divide the change of a rare word, seen in one
 * partition, by K.
 *
 * <p>Driver-side, single-threaded; the sums are kept between rounds (only touched rows are reset).
 */
final class WeightedAverage {

  private final int dim;
  private final float[] inputSum;
  private final float[] outputSum;
  private final long[] inputWeight;
  private final long[] outputWeight;
  private final boolean[] touched;
  private final int[] touchedRows;
  private int touchedCount;

  WeightedAverage(int rows, int dim) {
    this.dim = dim;
    this.inputSum = new float[rows * dim];
    this.outputSum = new float[rows * dim];
    this.inputWeight = new long[rows];
    this.outputWeight = new long[rows];
    this.touched = new boolean[rows];
    this.touchedRows = new int[rows];
  }

  /** Adds one partition's delta. */
  void add(RowDelta delta) {
    int[] rows = delta.rows();
    for (int k = 0; k < rows.length; k++) {
      int row = rows[k];
      if (!touched[row]) {
        touched[row] = true;
        touchedRows[touchedCount++] = row;
      }
      int in = delta.inputUpdates()[k];
      int out = delta.outputUpdates()[k];
      int base = row * dim;
      int from = k * dim;
      if (in > 0) {
        inputWeight[row] += in;
        for (int i = 0; i < dim; i++) {
          inputSum[base + i] += in * delta.inputDelta()[from + i];
        }
      }
      if (out > 0) {
        outputWeight[row] += out;
        for (int i = 0; i < dim; i++) {
          outputSum[base + i] += out * delta.outputDelta()[from + i];
        }
      }
    }
  }

  /** Moves the touched rows of the model by their weighted mean change and resets the sums. */
  void applyTo(float[] inputVectors, float[] outputVectors) {
    for (int t = 0; t < touchedCount; t++) {
      int row = touchedRows[t];
      int base = row * dim;
      if (inputWeight[row] > 0) {
        float inv = 1f / inputWeight[row];
        for (int i = 0; i < dim; i++) {
          inputVectors[base + i] += inputSum[base + i] * inv;
          inputSum[base + i] = 0;
        }
      }
      if (outputWeight[row] > 0) {
        float inv = 1f / outputWeight[row];
        for (int i = 0; i < dim; i++) {
          outputVectors[base + i] += outputSum[base + i] * inv;
          outputSum[base + i] = 0;
        }
      }
      inputWeight[row] = 0;
      outputWeight[row] = 0;
      touched[row] = false;
    }
    touchedCount = 0;
  }
}
