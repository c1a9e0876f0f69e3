package io.wordvec.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class WeightedAverageTests {

  private static RowDelta delta(
      int[] rows, int[] in, int[] out, float[] inDelta, float[] outDelta) {
    return new RowDelta(0, rows, in, out, inDelta, outDelta, 0, 0, 0, 0);
  }

  @Test
  void aRowOnePartitionUpdatedGetsItsWholeChange() {
    WeightedAverage average = new WeightedAverage(3, 2);
    average.add(
        delta(new int[] {1}, new int[] {4}, new int[] {0}, new float[] {1, 2}, new float[] {9, 9}));
    average.add(delta(new int[0], new int[0], new int[0], new float[0], new float[0]));
    float[] in = new float[6];
    float[] out = new float[6];
    average.applyTo(in, out);
    assertArrayEquals(new float[] {0, 0, 1, 2, 0, 0}, in);
    // no output update counted: the output row does not move
    assertArrayEquals(new float[6], out);
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
            new float[] {2, 2}));
    average.add(
        delta(new int[] {0}, new int[] {1}, new int[] {3}, new float[] {5}, new float[] {-2}));
    float[] in = {10, 10};
    float[] out = {0, 0};
    average.applyTo(in, out);
    // row 0: (3*1 + 1*5) / 4 = 2; row 1: only the first partition: 4
    assertArrayEquals(new float[] {12, 14}, in);
    // row 0: (1*2 + 3*-2) / 4 = -1; row 1: 2
    assertArrayEquals(new float[] {-1, 2}, out);
    // the sums are reset: a second apply changes nothing
    average.applyTo(in, out);
    assertArrayEquals(new float[] {12, 14}, in);
  }
}
