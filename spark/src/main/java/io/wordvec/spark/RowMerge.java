package io.wordvec.spark;

/**
 * Merges the partitions' deltas of one slice of rows into the model at the end of a sync round: how
 * a row that several partitions changed moves ({@link MergeRule}). The partitions' deltas of the
 * slice are {@linkplain #add added} one by one, in the order they arrive, then {@linkplain #applyTo
 * applied} at once.
 *
 * <p>Driver-side, single-threaded. What a rule keeps per row covers one slice of rows (not the
 * whole model: that would be a third copy of a model of millions of rows on the driver); it is kept
 * between slices and rounds, and only touched rows are reset. This class keeps the slice's
 * bookkeeping (which rows were touched, which slice the deltas belong to); a rule keeps its sums.
 */
abstract class RowMerge {

  /** Floats per row. */
  final int dim;

  private final int sliceRows;
  private final boolean[] touched;
  private final int[] touchedRows;
  private int touchedCount;
  private int firstRow = -1;

  /**
   * @param sliceRows the most rows of one slice
   * @param dim floats per row
   */
  RowMerge(int sliceRows, int dim) {
    this.dim = dim;
    this.sliceRows = sliceRows;
    this.touched = new boolean[sliceRows];
    this.touchedRows = new int[sliceRows];
  }

  /**
   * Adds one partition's delta of the slice that starts at {@code firstRow} (the same for every
   * delta until {@link #applyTo}).
   */
  final void add(RowDelta delta, int firstRow) {
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
      addRow(row, delta, k);
    }
  }

  /** Moves the touched rows of the model by their merged change and resets what the rule keeps. */
  final void applyTo(ModelState model) {
    for (int t = 0; t < touchedCount; t++) {
      int row = touchedRows[t];
      applyRow(model, firstRow + row, row);
      touched[row] = false;
    }
    touchedCount = 0;
    firstRow = -1;
  }

  /**
   * Takes entry {@code entry} of {@code delta} (its input and output change, their update counts)
   * into row {@code row} of the slice.
   */
  abstract void addRow(int row, RowDelta delta, int entry);

  /**
   * Adds the merged change of row {@code row} of the slice to row {@code modelRow} of the model and
   * resets the row's sums.
   */
  abstract void applyRow(ModelState model, int modelRow, int row);
}
