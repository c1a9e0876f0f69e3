package io.wordvec.spark;

import static io.wordvec.spark.MergeFixtures.delta;
import static io.wordvec.spark.MergeFixtures.input;
import static io.wordvec.spark.MergeFixtures.output;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AdaptiveSumTests {

  private static final float EPS = 1e-6f;

  /** {@code adasum(a, b)} of two rows, as a new array. */
  private static float[] adasum(float[] a, float[] b) {
    float[] merged = a.clone();
    AdaptiveSum.adasum(merged, 0, b, a.length);
    return merged;
  }

  /** A delta that updated both sides of one row. */
  private static RowDelta oneRow(int row, float[] in, float[] out) {
    return delta(new int[] {row}, new int[] {1}, new int[] {1}, in, out);
  }

  private static ModelState model(int rows, int dim) {
    return ModelState.of(new float[rows * dim], new float[rows * dim], rows, dim, 1);
  }

  @Test
  void changesAtRightAnglesAddUp() {
    assertArrayEquals(
        new float[] {3, -2, 0}, adasum(new float[] {3, 0, 0}, new float[] {0, -2, 0}), EPS);
  }

  @Test
  void aRepeatedChangeCountsOnce() {
    float[] change = {0.5f, -1, 2};
    float[] merged = adasum(change, change);
    assertArrayEquals(change, merged, EPS);
    // and again: the third partition with the same change still gives it once
    assertArrayEquals(change, adasum(merged, change), EPS);
  }

  @Test
  void partlySharedChangesCountTheSharedPartOnce() {
    // a.b = 1, |a|^2 = 2, |b|^2 = 1: (1 - 1/4) a + (1 - 1/2) b
    assertArrayEquals(
        new float[] {1.25f, 0.75f}, adasum(new float[] {1, 1}, new float[] {1, 0}), EPS);
    // opposite changes cancel, as their sum does
    assertArrayEquals(new float[] {0, 0}, adasum(new float[] {2, 1}, new float[] {-2, -1}), EPS);
  }

  @Test
  void aZeroRowGivesTheOther() {
    float[] change = {1, 2};
    assertArrayEquals(change, adasum(new float[2], change), 0f);
    assertArrayEquals(change, adasum(change, new float[2]), 0f);
    // no division by zero: nothing plus nothing is nothing
    assertArrayEquals(new float[2], adasum(new float[2], new float[2]), 0f);
  }

  @Test
  void aRowOnePartitionChangedGetsItsWholeChange() {
    AdaptiveSum merge = new AdaptiveSum(3, 2);
    merge.add(
        delta(new int[] {1}, new int[] {4}, new int[] {0}, new float[] {1, 2}, new float[] {9, 9}),
        0);
    merge.add(delta(new int[0], new int[0], new int[0], new float[0], new float[0]), 0);
    ModelState state = model(3, 2);
    merge.applyTo(state);
    assertArrayEquals(new float[] {0, 0, 1, 2, 0, 0}, input(state));
    // no output update counted: the output row does not move
    assertArrayEquals(new float[6], output(state));
  }

  @Test
  void eachSideOfARowIsMergedOnItsOwn() {
    AdaptiveSum merge = new AdaptiveSum(1, 2);
    merge.add(oneRow(0, new float[] {1, 0}, new float[] {1, 1}), 0);
    merge.add(oneRow(0, new float[] {0, 1}, new float[] {1, 1}), 0);
    ModelState state = model(1, 2);
    merge.applyTo(state);
    // input: at right angles, summed; output: the same change twice, once
    assertArrayEquals(new float[] {1, 1}, input(state), EPS);
    assertArrayEquals(new float[] {1, 1}, output(state), EPS);
    // the merged changes are reset: a second apply changes nothing
    merge.applyTo(state);
    assertArrayEquals(new float[] {1, 1}, input(state), EPS);
  }

  @Test
  void withOnePartitionTheModelMovesByItsChanges() {
    // K=1: both rules apply the one partition's changes as they are
    RowDelta only =
        delta(
            new int[] {0, 2},
            new int[] {3, 1},
            new int[] {1, 5},
            new float[] {1, -2, 0.25f, 4},
            new float[] {-1, 0.5f, 3, 3});
    for (MergeRule rule : MergeRule.values()) {
      RowMerge merge = rule.newMerge(3, 2);
      merge.add(only, 0);
      ModelState state = model(3, 2);
      merge.applyTo(state);
      assertArrayEquals(new float[] {1, -2, 0, 0, 0.25f, 4}, input(state), 0f, rule.id());
      assertArrayEquals(new float[] {-1, 0.5f, 0, 0, 3, 3}, output(state), 0f, rule.id());
    }
  }

  @Test
  void aRoundAfterAnotherStartsFromNothing() {
    // The first change of a row in a round is taken as it is; what the last round merged is gone.
    RowMerge merge = MergeRule.ADASUM.newMerge(2, 2);
    ModelState state = model(2, 2);
    merge.add(oneRow(1, new float[] {1, 0}, new float[] {0, 2}), 0);
    merge.add(oneRow(1, new float[] {0, 3}, new float[] {0, 2}), 0);
    merge.applyTo(state);
    merge.add(oneRow(1, new float[] {-1, -1}, new float[] {4, 0}), 0);
    merge.applyTo(state);
    // round 1: right angles add up to (1, 3), a repeat counts once (0, 2), on the output side
    // times the default gain; round 2 adds its own, one partition's, as it is
    assertArrayEquals(new float[] {0, 0, 0, 2}, input(state), EPS);
    assertArrayEquals(
        new float[] {0, 0, 4, 2 * AdaptiveSum.DEFAULT_OUTPUT_GAIN}, output(state), EPS);
  }

  @Test
  void theOutputGainScalesOnlyOutputRowsSeveralPartitionsChanged() {
    AdaptiveSum merge = new AdaptiveSum(3, 2, 2f);
    // row 0: both sides changed by two partitions; row 1: output by one partition only;
    // row 2: input by two, output by none
    merge.add(
        delta(
            new int[] {0, 1, 2},
            new int[] {1, 0, 1},
            new int[] {1, 1, 0},
            new float[] {1, 0, 0, 0, 1, 0},
            new float[] {1, 1, 3, -1, 0, 0}),
        0);
    merge.add(
        delta(
            new int[] {0, 2},
            new int[] {1, 1},
            new int[] {1, 0},
            new float[] {0, 1, 0, 1},
            new float[] {1, 1, 0, 0}),
        0);
    ModelState state = model(3, 2);
    merge.applyTo(state);
    // inputs: the plain adaptive sum (at right angles, summed), whatever the gain
    assertArrayEquals(new float[] {1, 1, 0, 0, 1, 1}, input(state), EPS);
    // outputs: row 0's repeated change once, doubled; row 1's single change as it is
    assertArrayEquals(new float[] {2, 2, 3, -1, 0, 0}, output(state), EPS);
  }

  @Test
  void anOutputGainOutsideItsRangeOrNotANumberIsRefused() {
    assertEquals(AdaptiveSum.DEFAULT_OUTPUT_GAIN, SyncRounds.outputGain((String) null));
    assertEquals(1.25f, SyncRounds.outputGain(" 1.25 "));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SyncRounds.outputGain("lots"));
    assertEquals(
        "spark.wordvec.outputGain must be a number such as 1.5, was 'lots'", e.getMessage());
    for (float bad : new float[] {0f, -1f, 17f, Float.NaN}) {
      assertThrows(IllegalArgumentException.class, () -> new AdaptiveSum(2, 2, bad), "" + bad);
    }
  }

  @Test
  void theMergedModelIsTheSameWhateverTheNumberOfSlices() {
    int rows = 23;
    int dim = 5;
    Random random = new Random(11);
    List<float[][]> partitions = new ArrayList<>();
    List<boolean[]> touched = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      float[][] change = new float[2][rows * dim];
      boolean[] rowsTouched = new boolean[rows];
      for (int r = 0; r < rows; r++) {
        rowsTouched[r] = random.nextInt(3) > 0;
        for (int i = 0; i < dim; i++) {
          change[0][r * dim + i] = (float) random.nextGaussian();
          change[1][r * dim + i] = (float) random.nextGaussian();
        }
      }
      partitions.add(change);
      touched.add(rowsTouched);
    }
    float[][] whole = merged(partitions, touched, rows, dim, rows);
    for (int sliceRows : new int[] {1, 4, 10}) {
      float[][] sliced = merged(partitions, touched, rows, dim, sliceRows);
      assertArrayEquals(whole[0], sliced[0], 0f, "slices of " + sliceRows);
      assertArrayEquals(whole[1], sliced[1], 0f, "slices of " + sliceRows);
    }
    // merged in parallel stripes of the slice's rows: the same floats, whatever the stripes
    for (int stripes : new int[] {1, 2, 3, 7, 64}) {
      float[][] striped = mergedInStripes(partitions, touched, rows, dim, 10, stripes);
      assertArrayEquals(whole[0], striped[0], 0f, stripes + " stripes");
      assertArrayEquals(whole[1], striped[1], 0f, stripes + " stripes");
    }
    // and the partitions' changes did not simply add up or average: a real merge happened
    float[] sum = new float[rows * dim];
    for (int p = 0; p < 4; p++) {
      for (int r = 0; r < rows; r++) {
        for (int i = 0; touched.get(p)[r] && i < dim; i++) {
          sum[r * dim + i] += partitions.get(p)[0][r * dim + i];
        }
      }
    }
    assertEquals(false, Arrays.equals(sum, whole[0]));
  }

  /** The model after merging the partitions' changes slice by slice, as a sync round does. */
  private static float[][] merged(
      List<float[][]> partitions, List<boolean[]> touched, int rows, int dim, int sliceRows) {
    AdaptiveSum merge = new AdaptiveSum(sliceRows, dim);
    ModelState state = model(rows, dim);
    for (int from = 0; from < rows; from += sliceRows) {
      int to = Math.min(rows, from + sliceRows);
      for (int p = 0; p < partitions.size(); p++) {
        merge.add(slice(partitions.get(p), touched.get(p), from, to, dim), from);
      }
      merge.applyTo(state);
    }
    return new float[][] {input(state), output(state)};
  }

  /** The same, each slice merged at once by {@link RowMerge#mergeAll} in {@code stripes}. */
  private static float[][] mergedInStripes(
      List<float[][]> partitions,
      List<boolean[]> touched,
      int rows,
      int dim,
      int sliceRows,
      int stripes) {
    AdaptiveSum merge = new AdaptiveSum(sliceRows, dim);
    ModelState state = model(rows, dim);
    for (int from = 0; from < rows; from += sliceRows) {
      int to = Math.min(rows, from + sliceRows);
      List<RowDelta> deltas = new ArrayList<>();
      for (int p = 0; p < partitions.size(); p++) {
        deltas.add(slice(partitions.get(p), touched.get(p), from, to, dim));
      }
      merge.mergeAll(deltas, from, state, stripes);
    }
    return new float[][] {input(state), output(state)};
  }

  @Test
  void aStripedMergeRefusesRowsOutsideItsSlice() {
    AdaptiveSum merge = new AdaptiveSum(2, 1);
    ModelState state = model(6, 1);
    assertThrows(
        IllegalArgumentException.class,
        () -> merge.mergeAll(List.of(oneRow(5, new float[] {1}, new float[] {1})), 2, state, 2));
  }

  /** The touched rows of {@code [from, to)} of a partition's changes, as a delta carries them. */
  private static RowDelta slice(float[][] change, boolean[] touched, int from, int to, int dim) {
    int n = 0;
    for (int r = from; r < to; r++) {
      n += touched[r] ? 1 : 0;
    }
    int[] ids = new int[n];
    int[] counts = new int[n];
    float[] in = new float[n * dim];
    float[] out = new float[n * dim];
    int k = 0;
    for (int r = from; r < to; r++) {
      if (touched[r]) {
        ids[k] = r;
        counts[k] = 1;
        System.arraycopy(change[0], r * dim, in, k * dim, dim);
        System.arraycopy(change[1], r * dim, out, k * dim, dim);
        k++;
      }
    }
    return delta(ids, counts, counts.clone(), in, out);
  }

  @Test
  void deltasOfAnotherSliceOrOutsideItAreRefused() {
    AdaptiveSum merge = new AdaptiveSum(2, 1);
    merge.add(oneRow(3, new float[] {1}, new float[] {1}), 3);
    assertThrows(
        IllegalStateException.class,
        () -> merge.add(oneRow(0, new float[] {1}, new float[] {1}), 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> merge.add(oneRow(5, new float[] {1}, new float[] {1}), 3));
  }

  @Test
  void theRuleIsNamedByItsId() {
    assertEquals(MergeRule.ADASUM, MergeRule.of("adasum"));
    assertEquals(MergeRule.MEAN, MergeRule.of(" Mean "));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MergeRule.of("sum"));
    assertEquals("--merge must be adasum or mean, was 'sum'", e.getMessage());
  }
}
