package io.wordvec.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordvec.train.BlockTrainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModelStateTests {

  private static float[] random(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextDouble(-1, 1);
    }
    return v;
  }

  @Test
  void chunksOfAnySizeHoldTheSameMatrices() {
    int rows = 13;
    int dim = 7;
    float[] in = random(rows * dim, 1);
    float[] out = random(rows * dim, 2);
    // one row, a size that does not divide the rows, and everything in one chunk
    for (long chunkBytes : new long[] {1, 8 * dim * 4 + 5, Long.MAX_VALUE}) {
      ModelState state = ModelState.of(in, out, rows, dim, chunkBytes);
      float[] in2 = new float[in.length];
      float[] out2 = new float[out.length];
      state.copyTo(in2, out2);
      assertArrayEquals(in, in2, "chunk bytes " + chunkBytes);
      assertArrayEquals(out, out2, "chunk bytes " + chunkBytes);
      assertEquals(7 * 13 * 8, state.bytes());
      assertEquals(in[5 * dim + 3], state.input(5, 3));
      assertEquals(out[12 * dim + 6], state.output(12, 6));
    }
    assertEquals(13, ModelState.of(in, out, rows, dim, 1).chunkCount());
    assertEquals(4, ModelState.of(in, out, rows, dim, 8 * dim * 4 + 5).chunkCount());
    assertEquals(1, ModelState.of(in, out, rows, dim, Long.MAX_VALUE).chunkCount());
  }

  @Test
  void aChunkedModelSurvivesJavaSerialization() throws Exception {
    ModelState state = ModelState.of(random(40, 3), random(40, 4), 10, 4, 3 * 32);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(state);
    }
    ModelState copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ModelState) in.readObject();
    }
    float[] a = new float[40];
    float[] b = new float[40];
    float[] c = new float[40];
    float[] d = new float[40];
    state.copyTo(a, b);
    copy.copyTo(c, d);
    assertArrayEquals(a, c);
    assertArrayEquals(b, d);
    assertEquals(4, copy.chunkCount());
  }

  @Test
  void rowsAreAddedToAndSubtractedInTheirChunk() {
    ModelState state = ModelState.of(new float[12], new float[12], 4, 3, 2 * 24);
    state.addToInputRow(2, new float[] {9, 1, 2, 3}, 1);
    state.addToOutputRow(3, new float[] {4, 5, 6}, 0);
    float[] in = new float[12];
    float[] out = new float[12];
    state.copyTo(in, out);
    assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0}, in);
    assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 5, 6}, out);
    float[] trainedIn = new float[12];
    float[] trainedOut = new float[12];
    java.util.Arrays.fill(trainedIn, 10);
    java.util.Arrays.fill(trainedOut, 10);
    state.subtractRow(2, trainedIn, trainedOut);
    state.subtractRow(3, trainedIn, trainedOut);
    assertArrayEquals(new float[] {10, 10, 10, 10, 10, 10, 9, 8, 7, 10, 10, 10}, trainedIn);
    assertArrayEquals(new float[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 6, 5, 4}, trainedOut);
  }

  @Test
  void theFirstModelIsTheLocalTrainersFirstModel() {
    ModelState state = ModelState.initial(50, 8, 7, 64);
    float[] in = new float[400];
    float[] out = new float[400];
    state.copyTo(in, out);
    assertArrayEquals(BlockTrainer.initialInputVectors(50, 8, 7), in);
    assertArrayEquals(new float[400], out);
  }

  @Test
  void aModelJavaArraysCannotHoldIsRefusedNamingTheLimit() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ModelState.requireArrays(8_000_000, 300));
    assertTrue(e.getMessage().contains("8000000 words x dimension 300"), e.getMessage());
    assertTrue(e.getMessage().contains("2147483639 floats"), e.getMessage());
    // the largest vocabulary at that dimension passes, one more word does not
    int largest = ModelState.MAX_ARRAY / 300;
    ModelState.requireArrays(largest, 300);
    assertThrows(IllegalArgumentException.class, () -> ModelState.requireArrays(largest + 1, 300));
  }
}
