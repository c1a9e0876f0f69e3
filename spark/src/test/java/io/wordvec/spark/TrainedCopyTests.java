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
    float[] v = new float[packed.length / 4];
    java.nio.ByteBuffer.wrap(packed).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
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
    assertEquals(12 * 2 + 4 * 4 * 2, all.bytes());
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
