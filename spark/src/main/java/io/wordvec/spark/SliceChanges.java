package io.wordvec.spark;

/**
 * One partition's changes to one slice of rows in a sync round, as the driver's merge ({@link
 * RowMerge}) reads them: the rows it updated, how many updates each side of each row received, and
 * each row's change. Two forms: packed for the trip from an executor ({@link RowDelta}), or read
 * from the trained copy itself when the task ran in the driver's JVM ({@link TrainedCopy#changes}).
 * Both give the same floats: the change rounded to a bfloat16 ({@link RowDelta#round}).
 */
interface SliceChanges {

  /** The partition's index. */
  int partition();

  /** The updated rows of the slice, ascending. */
  int[] rows();

  /** Per entry of {@link #rows}, the updates of its input row. */
  int[] inputUpdates();

  /** Per entry of {@link #rows}, the updates of its output row. */
  int[] outputUpdates();

  /** Writes the {@code dim} floats of entry {@code entry}'s input change into {@code to[at..]}. */
  void inputChange(int entry, int dim, float[] to, int at);

  /** Writes the {@code dim} floats of entry {@code entry}'s output change into {@code to[at..]}. */
  void outputChange(int entry, int dim, float[] to, int at);

  /** The negative-sampling loss of the round's block (first slice of a round only, else 0). */
  double loss();

  /** Examples of the loss (first slice only). */
  long examples();

  /** Vocabulary words of the block (first slice only). */
  long words();

  /** Time spent training, not copying or encoding changes (first slice only). */
  long trainNanos();

  /** Bytes these changes take on the way from an executor, before compression. */
  long bytes();
}
