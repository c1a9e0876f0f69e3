package io.wordvec.spark;

/** What the merge rules' tests build their deltas from and read their models with. */
final class MergeFixtures {

  private MergeFixtures() {}

  /** A delta of {@code rows} with these update counts and these changes (row-major floats). */
  static RowDelta delta(int[] rows, int[] in, int[] out, float[] inDelta, float[] outDelta) {
    return new RowDelta(0, rows, in, out, packed(inDelta), packed(outDelta), 0, 0, 0, 0);
  }

  /** The floats as a delta carries them ({@link RowDelta#pack}). */
  static byte[] packed(float[] floats) {
    byte[] bytes = new byte[RowDelta.BYTES_PER_FLOAT * floats.length];
    RowDelta.pack(floats, 0, floats.length, bytes, 0);
    return bytes;
  }

  /** The model's input matrix, as a new array. */
  static float[] input(ModelState state) {
    float[] in = new float[state.rows() * state.dim()];
    state.copyTo(in, new float[in.length]);
    return in;
  }

  /** The model's output matrix, as a new array. */
  static float[] output(ModelState state) {
    float[] out = new float[state.rows() * state.dim()];
    state.copyTo(new float[out.length], out);
    return out;
  }
}
