package io.wordvec.spark;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * The model as every partition starts a sync round from it, broadcast once per round: both matrices
 * packed into one byte array (little-endian floats, the input matrix first). Why bytes: Spark
 * stores, sizes and serializes a broadcast value, which for a byte array is a copy, where float
 * arrays are written float by float; and each task needs its own copy of the matrices anyway (in
 * local mode the broadcast value is the driver's own object), which unpacking makes.
 *
 * @param packed the two matrices
 * @param cells floats per matrix
 */
record ModelState(byte[] packed, int cells) implements Serializable {

  static ModelState of(float[] inputVectors, float[] outputVectors) {
    byte[] packed = new byte[8 * inputVectors.length];
    FloatBuffer floats = ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    floats.put(inputVectors).put(outputVectors);
    return new ModelState(packed, inputVectors.length);
  }

  /** The input matrix as a new array. */
  float[] inputVectors() {
    float[] v = new float[cells];
    floats().get(v);
    return v;
  }

  /** The output matrix as a new array. */
  float[] outputVectors() {
    float[] v = new float[cells];
    floats().position(cells).get(v);
    return v;
  }

  /** Both matrices, read in place: input cells first, then output cells. */
  FloatBuffer floats() {
    return ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
  }

  /** Bytes of the two matrices, what one broadcast carries before compression. */
  long bytes() {
    return packed.length;
  }
}
