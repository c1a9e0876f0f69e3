package io.wordvec.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Merges the partitions' deltas of one slice of rows into the model at the end of a sync round: how
 * a row that several partitions changed moves ({@link MergeRule}). The partitions' deltas of a
 * slice, in partition order, are merged at once ({@link #mergeAll}), or {@linkplain #add added} one
 * by one and then {@linkplain #applyTo applied}.
 *
 * <p>Driver-side. {@link #add} and {@link #applyTo} merge on the calling thread; {@link #mergeAll}
 * splits the slice's rows into stripes merged on several threads, each row by one thread (a rule's
 * {@link #addRow} and {@link #applyRow} touch only their own row's sums); both run the same stripe
 * merge. What a rule keeps per row covers one slice of rows (not the whole model: that would be a
 * third copy of a model of millions of rows on the driver); it is kept between slices and rounds,
 * and only touched rows are reset. This class keeps the slice's bookkeeping (which rows were
 * touched, which slice the deltas belong to); a rule keeps its sums.
 */
abstract class RowMerge {

  /** Floats per row. */
  final int dim;

  private final int sliceRows;

  /** Per row of the slice, whether a delta changed it; set and reset by each row's own stripe. */
  private final boolean[] touched;

  /** Deltas {@linkplain #add added} one by one, merged at {@link #applyTo}. */
  private final List<RowDelta> pending = new ArrayList<>();

  private int firstRow = -1;

  /**
   * @param sliceRows the most rows of one slice
   * @param dim floats per row
   */
  RowMerge(int sliceRows, int dim) {
    this.dim = dim;
    this.sliceRows = sliceRows;
    this.touched = new boolean[sliceRows];
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
    requireInSlice(delta, firstRow);
    pending.add(delta);
  }

  /** Moves the touched rows of the model by their merged change and resets what the rule keeps. */
  final void applyTo(ModelState model) {
    if (firstRow >= 0) {
      mergeStripe(pending, firstRow, model, 0, sliceRows);
    }
    pending.clear();
    firstRow = -1;
  }

  /**
   * Merges {@code deltas} (every partition's, in partition order) of the slice that starts at
   * {@code firstRow} into {@code model}, as {@link #add} for each then {@link #applyTo} would, with
   * the slice's rows cut into {@code stripes} stripes merged in parallel. Why: the driver merges
   * while the executors wait for the next round; on gutenberg-17m at K=2 the merge was a third of a
   * round's time outside training, on one of the driver's cores.
   */
  final void mergeAll(List<RowDelta> deltas, int firstRow, ModelState model, int stripes) {
    if (this.firstRow >= 0) {
      throw new IllegalStateException("deltas added one by one are not applied yet");
    }
    for (RowDelta delta : deltas) {
      requireInSlice(delta, firstRow);
    }
    int n = Math.max(1, Math.min(stripes, sliceRows));
    IntStream.range(0, n)
        .parallel()
        .forEach(
            s -> mergeStripe(deltas, firstRow, model, s * sliceRows / n, (s + 1) * sliceRows / n));
  }

  /**
   * Refuses a delta whose rows are outside the slice or not ascending (the stripes search them).
   */
  private void requireInSlice(RowDelta delta, int firstRow) {
    int[] rows = delta.rows();
    for (int k = 0; k < rows.length; k++) {
      if (rows[k] < firstRow || rows[k] - firstRow >= sliceRows) {
        throw new IllegalArgumentException("row " + rows[k] + " is outside the slice");
      }
      if (k > 0 && rows[k] <= rows[k - 1]) {
        throw new IllegalArgumentException("rows of a delta must ascend: " + rows[k]);
      }
    }
  }

  /** Merges and applies rows {@code [from, to)} of the slice: each row is this call's alone. */
  private void mergeStripe(
      List<RowDelta> deltas, int firstRow, ModelState model, int from, int to) {
    for (RowDelta delta : deltas) {
      int[] rows = delta.rows();
      int k = firstAtLeast(rows, firstRow + from);
      int end = firstAtLeast(rows, firstRow + to);
      for (; k < end; k++) {
        int row = rows[k] - firstRow;
        touched[row] = true;
        addRow(row, delta, k);
      }
    }
    for (int row = from; row < to; row++) {
      if (touched[row]) {
        applyRow(model, firstRow + row, row);
        touched[row] = false;
      }
    }
  }

  /** The first index of ascending {@code rows} whose row is at least {@code row}. */
  private static int firstAtLeast(int[] rows, int row) {
    int i = Arrays.binarySearch(rows, row);
    return i >= 0 ? i : -i - 1;
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
