package io.wordvec.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wordvec.train.BlockTrainer;
import org.junit.jupiter.api.Test;

class TrainedCopyTests {

  /** Rows 0..4 of dim 2 start at row id (input) and -row id (output); rows 1 and 3 were trained. */
  private static TrainedCopy trained() {
    float[] in = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4};
    float[] out = {0, 0, -1, -1, -2, -2, -3, -3, -4, -4};
    ModelState start = ModelState.of(in.clone(), out.clone(), 5, 2, 16);
    in[2] += 0.5f;
    in[7] -= 2f;
    out[3] += 1f;
    out[6] += 4f;
    int[] inUpdates = {0, 2, 0, 1, 0};
    int[] outUpdates = {0, 1, 0, 3, 0};
    return TrainedCopy.of(
        6, start, in, out, inUpdates, outUpdates, new BlockTrainer.Result(1.5, 10, 20), 99);
  }

  private static float[] floats(byte[] packed) {
    float[] v = new float[packed.length / RowDelta.BYTES_PER_FLOAT];
    RowDelta.unpack(packed, 0, v, 0, v.length);
    return v;
  }

  @Test
  void aSliceCarriesTheChangesOfItsUpdatedRowsOnly() {
    RowDelta all = trained().slice(0, 5);
    assertEquals(6, all.partition());
    assertArrayEquals(new int[] {1, 3}, all.rows());
    assertArrayEquals(new int[] {2, 1}, all.inputUpdates());
    assertArrayEquals(new int[] {1, 3}, all.outputUpdates());
    assertArrayEquals(new float[] {0.5f, 0, 0, -2}, floats(all.inputDelta()));
    assertArrayEquals(new float[] {0, 1, 4, 0}, floats(all.outputDelta()));
    assertEquals(1.5, all.loss());
    assertEquals(20, all.words());
    // two rows: their ids and two counts, then 2 x 2 changes on each side, two bytes each
    assertEquals(12 * 2 + 4 * 2 * 2, all.bytes());
  }

  @Test
  void changesTravelAsBfloat16RoundedToTheNearest() {
    float[] floats = {
      0.1f, -3.14159f, 1e-30f, -7.5e-9f, 65504f, 0f, -0f, Float.MIN_NORMAL, 1.0039062f, 1.01171875f
    };
    float[] back = floats(MergeFixtures.packed(floats));
    for (int i = 0; i < floats.length; i++) {
      // within half a unit in the last place of a 7-bit mantissa (2^-8 of the value), sign and
      // range kept
      assertEquals(floats[i], back[i], Math.abs(floats[i]) * 0x1p-8f, "float " + i);
      assertEquals(Math.signum(floats[i]), Math.signum(back[i]));
    }
    // ties go to the even mantissa: 1 + 2^-8 down to 1, 1 + 3 x 2^-8 up to 1 + 2^-6
    assertEquals(1f, back[8]);
    assertEquals(1.015625f, back[9]);
    assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(back[6]));
    float nan = floats(MergeFixtures.packed(new float[] {Float.NaN}))[0];
    assertEquals(true, Float.isNaN(nan));
  }

  @Test
  void slicesSplitTheRowsAndTheRoundsFiguresTravelOnce() {
    TrainedCopy copy = trained();
    RowDelta first = copy.slice(0, 2);
    RowDelta second = copy.slice(2, 4);
    RowDelta last = copy.slice(4, 6);
    assertArrayEquals(new int[] {1}, first.rows());
    assertArrayEquals(new int[] {3}, second.rows());
    assertArrayEquals(new int[0], last.rows());
    assertArrayEquals(new float[] {0, -2}, floats(second.inputDelta()));
    assertEquals(10, first.examples());
    assertEquals(99, first.trainNanos());
    assertEquals(0, second.examples() + second.words() + second.trainNanos());
    assertEquals(0.0, second.loss());
  }

  @Test
  void aPartitionWithoutABlockSendsNothing() {
    RowDelta none = TrainedCopy.empty(3, 2).slice(0, 100);
    assertEquals(3, none.partition());
    assertEquals(0, none.rows().length);
    assertEquals(0, none.bytes());
  }
}
