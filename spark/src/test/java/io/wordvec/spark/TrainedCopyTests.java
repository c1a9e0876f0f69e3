package io.wordvec.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wordvec.train.BlockTrainer;
import org.junit.jupiter.api.Test;

class TrainedCopyTests {

  /** Rows 0..4 of dim 2 start at row id (input) and -row id (output); rows 1 and 3 were trained. */
  private static TrainedCopy trained() {
    return trained(false);
  }

  /** The copy above as an executor turns it into changes, or as a task in the driver keeps it. */
  private static TrainedCopy trained(boolean kept) {
    float[] in = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4};
    float[] out = {0, 0, -1, -1, -2, -2, -3, -3, -4, -4};
    // chunks of one row (16 bytes), so that the rows read back cross chunks
    ModelState start = ModelState.of(in.clone(), out.clone(), 5, 2, 16);
    in[2] += 0.5f;
    in[3] += 0.1f; // not a bfloat16: travels rounded
    in[7] -= 2f;
    in[8] += 9f; // row 4 was not updated: never read
    out[3] += 1f;
    out[6] += 4f;
    int[] inUpdates = {0, 2, 0, 1, 0};
    int[] outUpdates = {0, 1, 0, 3, 0};
    BlockTrainer.Result result = new BlockTrainer.Result(1.5, 10, 20);
    return TrainedCopy.of(6, start, in, out, inUpdates, outUpdates, result, 99, !kept);
  }

  /** The dim-2 changes of every entry of {@code changes}, one side. */
  private static float[] changes(SliceChanges changes, boolean input) {
    float[] v = new float[2 * changes.rows().length];
    for (int k = 0; k < changes.rows().length; k++) {
      if (input) {
        changes.inputChange(k, 2, v, 2 * k);
      } else {
        changes.outputChange(k, 2, v, 2 * k);
      }
    }
    return v;
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
    assertArrayEquals(
        new float[] {0.5f, RowDelta.round((1f + 0.1f) - 1f), 0, -2}, floats(all.inputDelta()));
    assertArrayEquals(new float[] {0, 1, 4, 0}, floats(all.outputDelta()));
    assertEquals(1.5, all.loss());
    assertEquals(20, all.words());
    // two rows: their ids and two counts, then 2 x 2 changes on each side, two bytes each
    assertEquals(12 * 2 + 4 * 2 * 2, all.bytes());
  }

  @Test
  void aKeptCopyGivesTheChangesASliceCarriesFloatForFloat() {
    for (int[] range : new int[][] {{0, 5}, {0, 2}, {2, 4}, {4, 6}}) {
      RowDelta packed = trained(false).slice(range[0], range[1]);
      SliceChanges read = trained(true).changes(range[0], range[1]);
      String what = "rows " + range[0] + ".." + range[1];
      assertEquals(packed.partition(), read.partition(), what);
      assertArrayEquals(packed.rows(), read.rows(), what);
      assertArrayEquals(packed.inputUpdates(), read.inputUpdates(), what);
      assertArrayEquals(packed.outputUpdates(), read.outputUpdates(), what);
      assertArrayEquals(changes(packed, true), changes(read, true), what);
      assertArrayEquals(changes(packed, false), changes(read, false), what);
      assertEquals(packed.loss(), read.loss(), what);
      assertEquals(packed.examples(), read.examples(), what);
      assertEquals(packed.words(), read.words(), what);
      assertEquals(packed.trainNanos(), read.trainNanos(), what);
      assertEquals(packed.bytes(), read.bytes(), what);
    }
    assertNotEquals(0.1f, RowDelta.round(0.1f));
  }

  @Test
  void aKeptCopyHasNoPackedSlices() {
    assertThrows(IllegalStateException.class, () -> trained(true).slice(0, 5));
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
