package io.wordvec.spark;

import java.util.Arrays;

/**
 * The {@link MergeRule#ADASUM} merge: the partitions' changes to a row are combined with the
 * adaptive sum of Maleki et al. ("Adasum: Adaptive Summation of Gradients", 2020), as they arrive:
 * {@code merged = adasum(merged, change)}, where
 *
 * <pre>
 * adasum(a, b) = (1 - a.b / (2 |a|^2)) a + (1 - a.b / (2 |b|^2)) b
 * </pre>
 *
 * and a zero vector gives the other one. Changes at right angles add up (their sum); a change
 * repeated gives itself once (the mean); in between, the parts the changes share count once and the
 * rest adds up. A row one partition changed gets its whole change.
 *
 * <p>Why: in a round, a row that every partition updates (a frequent word, the output rows the
 * noise draws hit) gets from each partition the move that partition's words make. Where the
 * partitions learned different things about the row (different contexts), a sequential pass over
 * all their words would have made all those moves, and the update-weighted mean ({@link
 * WeightedAverage}) keeps only 1/K of them: K=8 then trains its frequent rows at about alpha / 8.
 * Where they learned the same thing, each change is already the whole move from the round's shared
 * model, and a plain sum overshoots K times (it diverged at K=4; BENCHMARKS.md, "Training on Apache
 * Spark"). The adaptive sum keeps the first and counts the second once, with no tuning and no
 * update counts (the counts only say which side of a row a partition changed).
 *
 * <p>The form is sequential, in the partitions' order, rather than a pairwise tree over the K
 * changes: it needs one sum per row of the slice, as the mean does, where a tree needs log2 K + 1;
 * the two agree exactly on the cases above (right angles, repeats, one change), and the tree did
 * not train better (K=8 on gutenberg-17m: 33.85% analogies against 34.91%, one run each). The merge
 * depends on the partitions' order, which is fixed (Spark returns the partitions' results in
 * partition order).
 *
 * <p>Driver-side; sums over one slice of rows ({@link RowMerge}), each row by one thread. Dot
 * products in double: a row's change can be tiny next to the merged change of the others.
 */
final class AdaptiveSum extends RowMerge {

  private final float[] input;
  private final float[] output;
  private final boolean[] inputChanged;
  private final boolean[] outputChanged;

  /** A change unpacked, one per merging thread ({@link RowMerge#mergeAll}). */
  private final ThreadLocal<float[]> change;

  /**
   * @param sliceRows the most rows of one slice
   * @param dim floats per row
   */
  AdaptiveSum(int sliceRows, int dim) {
    super(sliceRows, dim);
    this.input = new float[Math.multiplyExact(sliceRows, dim)];
    this.output = new float[sliceRows * dim];
    this.inputChanged = new boolean[sliceRows];
    this.outputChanged = new boolean[sliceRows];
    this.change = ThreadLocal.withInitial(() -> new float[dim]);
  }

  @Override
  void addRow(int row, RowDelta delta, int entry) {
    int base = row * dim;
    int from = entry * dim;
    // A side the partition did not update is unchanged (zero), and adasum(a, 0) = a anyway; the
    // counts only spare the work.
    if (delta.inputUpdates()[entry] > 0) {
      merge(input, base, inputChanged[row], delta.inputDelta(), from);
      inputChanged[row] = true;
    }
    if (delta.outputUpdates()[entry] > 0) {
      merge(output, base, outputChanged[row], delta.outputDelta(), from);
      outputChanged[row] = true;
    }
  }

  /**
   * Merges the packed change at float {@code from} of {@code packed} into {@code merged[base..base
   * + dim)}; a row's first change ({@code !changed}) is taken as it is: adasum(0, b) = b, with no
   * products to take.
   */
  private void merge(float[] merged, int base, boolean changed, byte[] packed, int from) {
    if (changed) {
      float[] b = change.get();
      RowDelta.unpack(packed, from, b, 0, dim);
      adasum(merged, base, b, dim);
    } else {
      RowDelta.unpack(packed, from, merged, base, dim);
    }
  }

  @Override
  void applyRow(ModelState model, int modelRow, int row) {
    int base = row * dim;
    if (inputChanged[row]) {
      model.addToInputRow(modelRow, input, base);
      Arrays.fill(input, base, base + dim, 0f);
      inputChanged[row] = false;
    }
    if (outputChanged[row]) {
      model.addToOutputRow(modelRow, output, base);
      Arrays.fill(output, base, base + dim, 0f);
      outputChanged[row] = false;
    }
  }

  /**
   * {@code a = adasum(a, b)}, in place, where {@code a} is {@code merged[at..at + dim)} and {@code
   * b} is {@code b[0..dim)}.
   */
  static void adasum(float[] merged, int at, float[] b, int dim) {
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < dim; i++) {
      double x = merged[at + i];
      double y = b[i];
      ab += x * y;
      aa += x * x;
      bb += y * y;
    }
    if (bb == 0) {
      return;
    }
    if (aa == 0) {
      System.arraycopy(b, 0, merged, at, dim);
      return;
    }
    double ca = 1 - ab / (2 * aa);
    double cb = 1 - ab / (2 * bb);
    for (int i = 0; i < dim; i++) {
      merged[at + i] = (float) (ca * merged[at + i] + cb * b[i]);
    }
  }
}
