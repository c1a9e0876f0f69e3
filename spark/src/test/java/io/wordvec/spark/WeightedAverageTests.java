package io.wordvec.spark;

import static io.wordvec.spark.MergeFixtures.delta;
import static io.wordvec.spark.MergeFixtures.input;
import static io.wordvec.spark.MergeFixtures.output;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WeightedAverageTests {

  private static ModelState model(float[] in, float[] out, int dim) {
    // one row per chunk: the merge writes across chunks
    return ModelState.of(in, out, in.length / dim, dim, 1);
  }

  @Test
  void aRowOnePartitionUpdatedGetsItsWholeChange() {
    WeightedAverage average = new WeightedAverage(3, 2);
    average.add(
        delta(new int[] {1}, new int[] {4}, new int[] {0}, new float[] {1, 2}, new float[] {9, 9}),
        0);
    average.add(delta(new int[0], new int[0], new int[0], new float[0], new float[0]), 0);
    ModelState state = model(new float[6], new float[6], 2);
    average.applyTo(state);
    assertArrayEquals(new float[] {0, 0, 1, 2, 0, 0}, input(state));
    // no output update counted: the output row does not move
    assertArrayEquals(new float[6], output(state));
  }

  @Test
  void aSharedRowMovesByTheUpdateWeightedMean() {
    WeightedAverage average = new WeightedAverage(2, 1);
    average.add(
        delta(
            new int[] {0, 1},
            new int[] {3, 1},
            new int[] {1, 1},
            new float[] {1, 4},
            new float[] {2, 2}),
        0);
    average.add(
        delta(new int[] {0}, new int[] {1}, new int[] {3}, new float[] {5}, new float[] {-2}), 0);
    ModelState state = model(new float[] {10, 10}, new float[] {0, 0}, 1);
    average.applyTo(state);
    // row 0: (3*1 + 1*5) / 4 = 2; row 1: only the first partition: 4
    assertArrayEquals(new float[] {12, 14}, input(state));
    // row 0: (1*2 + 3*-2) / 4 = -1; row 1: 2
    assertArrayEquals(new float[] {-1, 2}, output(state));
    // the sums are reset: a second apply changes nothing
    average.applyTo(state);
    assertArrayEquals(new float[] {12, 14}, input(state));
  }

  @Test
  void aSliceMovesItsOwnRowsOfTheModel() {
    // sums for 2 rows, used for rows 3 and 4 of a 5-row model
    WeightedAverage average = new WeightedAverage(2, 2);
    average.add(
        delta(
            new int[] {3, 4},
            new int[] {1, 2},
            new int[] {1, 0},
            new float[] {1, 1, 2, 4},
            new float[] {3, 3, 0, 0}),
        3);
    ModelState state = model(new float[10], new float[10], 2);
    average.applyTo(state);
    assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 1, 1, 2, 4}, input(state));
    assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 3, 3, 0, 0}, output(state));
    // a row beyond the slice is refused rather than written elsewhere
    assertThrows(
        IllegalArgumentException.class,
        () ->
            average.add(
                delta(new int[] {2}, new int[] {1}, new int[] {1}, new float[2], new float[2]), 3));
  }
}
