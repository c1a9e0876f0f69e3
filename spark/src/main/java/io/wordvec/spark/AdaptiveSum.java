package io.wordvec.spark;

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
 * <p>The output side gets more than its adaptive sum: a row that two or more partitions changed on
 * its output side moves by {@code outputGain} times it (1.5 by default, {@link
 * #DEFAULT_OUTPUT_GAIN}). Why: most of an output row's change in a round is the push of the noise
 * draws, thousands of small updates from as many input rows, and every partition makes the same
 * push, so the partitions' changes point the same way although none of them is a move already made
 * by another. The adaptive sum counts such a push once, where a sequential pass over the same words
 * makes it K times over. Input rows are not pushed that way: a word's input row moves with its own
 * contexts. Merged alike, the output rows trained slower than the input rows. On gutenberg-17m at
 * K=8, the output rows' norms came out 8-35% under K=1's and the input rows' 16-55% over, and the
 * input vectors shared a common direction (the mean of the 10,000 most frequent unit vectors had
 * length 0.76, against 0.51 at K=1). Summing the output changes outright diverged (the rows of the
 * frequent words, whose changes are moves to the same place, blew up), so the gain is a fixed
 * factor between the two. Of 1.25, 1.5 and 2, 1.5 brought the input rows' norms back within about
 * 10% of K=1's and the common direction to 0.61, with the output rows' norms up to 16% over K=1's
 * at K=8 (up to 28% at K=2); it was chosen on those norms, since on the scores the three trade
 * analogies against WordSim-353 (BENCHMARKS.md, "Output rows merged with a gain"). A row one
 * partition changed keeps its change as it is, so one partition trains as the local trainer does.
 *
 * <p>Driver-side; each row by one thread ({@link RowMerge}). Dot products in double: a row's change
 * can be tiny next to the merged change of the others.
 */
final class AdaptiveSum extends RowMerge {

  /** The {@code outputGain} of a run that does not set {@link #OUTPUT_GAIN_PROPERTY}. */
  static final float DEFAULT_OUTPUT_GAIN = 1.5f;

  /** The Spark property that sets the output gain, for measuring it ({@code 1} is plain adasum). */
  static final String OUTPUT_GAIN_PROPERTY = "spark.wordvec.outputGain";

  private final float outputGain;

  /**
   * The plain adaptive sum, on both sides of a row.
   *
   * @param sliceRows the most rows of one slice
   * @param dim floats per row
   */
  AdaptiveSum(int sliceRows, int dim) {
    this(sliceRows, dim, 1f);
  }

  /**
   * @param sliceRows the most rows of one slice
   * @param dim floats per row
   * @param outputGain the factor of the merged output change of a row two or more partitions
   *     changed (1 for the plain adaptive sum)
   */
  AdaptiveSum(int sliceRows, int dim, float outputGain) {
    super(sliceRows, dim);
    if (!(outputGain > 0) || outputGain > 16) {
      throw new IllegalArgumentException(
          OUTPUT_GAIN_PROPERTY + " must be above 0 and at most 16, was " + outputGain);
    }
    this.outputGain = outputGain;
  }

  @Override
  void addRow(SliceChanges delta, int entry) {
    Row row = row();
    // The row's tallies count the partitions that changed each side (its first change is taken as
    // it is). A side the partition did not update is unchanged (zero), and adasum(a, 0) = a anyway;
    // the update counts only spare the work.
    if (delta.inputUpdates()[entry] > 0) {
      fold(delta, entry, true, row.input, row.inputTally > 0, row.change);
      row.inputTally++;
    }
    if (delta.outputUpdates()[entry] > 0) {
      fold(delta, entry, false, row.output, row.outputTally > 0, row.change);
      row.outputTally++;
    }
  }

  /**
   * Folds one side of entry {@code entry}'s change into {@code merged}: taken as it is if it is the
   * row's first ({@code !changed}), else by the adaptive sum, read into {@code scratch} first.
   */
  private void fold(
      SliceChanges delta,
      int entry,
      boolean input,
      float[] merged,
      boolean changed,
      float[] scratch) {
    float[] to = changed ? scratch : merged;
    if (input) {
      delta.inputChange(entry, dim, to, 0);
    } else {
      delta.outputChange(entry, dim, to, 0);
    }
    if (changed) {
      adasum(merged, 0, scratch, dim);
    }
  }

  @Override
  void applyRow(ModelState model, int modelRow) {
    Row row = row();
    if (row.inputTally > 0) {
      model.addToInputRow(modelRow, row.input, 0);
      row.inputTally = 0;
    }
    if (row.outputTally > 0) {
      if (row.outputTally > 1 && outputGain != 1f) {
        for (int i = 0; i < dim; i++) {
          row.output[i] *= outputGain;
        }
      }
      model.addToOutputRow(modelRow, row.output, 0);
      row.outputTally = 0;
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
