package io.wordvec.spark;

/**
 * Merges the partitions' deltas of one slice of rows into the model: each row moves by the mean of
 * the partitions' changes to it, weighted by how many updates each partition made to it. A row only
 * one partition updated gets that partition's whole change; a row all updated gets their
 * evidence-weighted mean. Plain averaging would divide the change of a rare word, seen in one
 * partition, by K.
 *
 * <p>Driver-side, single-threaded. Its sums cover one slice of rows (not the whole model: that
 * would be a third copy of a model of millions of rows on the driver); they are kept between slices
 * and rounds, and only touched rows are reset.
 */
final class WeightedAverage {

  private final int dim;
  private final int sliceRows;
  private final float[] inputSum;
  private final float[] outputSum;
  private final long[] inputWeight;
  private final long[] outputWeight;
  private final boolean[] touched;
  private final int[] touchedRows;
  private int touchedCount;
  private int firstRow = -1;

  /**
   * @param sliceRows the most rows of one slice
   * @param dim floats per row
   */
  WeightedAverage(int sliceRows, int dim) {
    this.dim = dim;
    this.sliceRows = sliceRows;
    this.inputSum = new float[Math.multiplyExact(sliceRows, dim)];
    this.outputSum = new float[sliceRows * dim];
    this.inputWeight = new long[sliceRows];
    this.outputWeight = new long[sliceRows];
    this.touched = new boolean[sliceRows];
    this.touchedRows = new int[sliceRows];
  }

  /**
   * Adds one partition's delta of the slice that starts at {@code firstRow} (the same for every
   * delta until {@link #applyTo}).
   */
  void add(RowDelta delta, int firstRow) {
    if (this.firstRow < 0) {
      this.firstRow = firstRow;
    } else if (this.firstRow != firstRow) {
      throw new IllegalStateException("deltas of two slices in one merge");
    }
    int[] rows = delta.rows();
    for (int k = 0; k < rows.length; k++) {
      int row = rows[k] - firstRow;
      if (row < 0 || row >= sliceRows) {
        throw new IllegalArgumentException("row " + rows[k] + " is outside the slice");
      }
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
  }

  /** Moves the touched rows of the model by their weighted mean change and resets the sums. */
  void applyTo(ModelState model) {
    for (int t = 0; t < touchedCount; t++) {
      int row = touchedRows[t];
      int base = row * dim;
      if (inputWeight[row] > 0) {
        float inv = 1f / inputWeight[row];
        for (int i = 0; i < dim; i++) {
          inputSum[base + i] *= inv;
        }
        model.addToInputRow(firstRow + row, inputSum, base);
      }
      if (outputWeight[row] > 0) {
        float inv = 1f / outputWeight[row];
        for (int i = 0; i < dim; i++) {
          outputSum[base + i] *= inv;
        }
        model.addToOutputRow(firstRow + row, outputSum, base);
      }
      java.util.Arrays.fill(inputSum, base, base + dim, 0f);
      java.util.Arrays.fill(outputSum, base, base + dim, 0f);
      inputWeight[row] = 0;
      outputWeight[row] = 0;
      touched[row] = false;
    }
    touchedCount = 0;
    firstRow = -1;
  }
}
