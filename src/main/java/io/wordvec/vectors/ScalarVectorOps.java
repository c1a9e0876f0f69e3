package io.wordvec.vectors;

/** Plain-Java kernels: the fallback when the Vector API module is not available. */
final class ScalarVectorOps implements VectorOps {

  @Override
  public float dot(float[] a, int aOff, float[] b, int bOff, int len) {
    // Four independent accumulators break the add dependency chain so the CPU can overlap them.
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = 0;
    int upper = len & ~3;
    for (; i < upper; i += 4) {
      s0 += a[aOff + i] * b[bOff + i];
      s1 += a[aOff + i + 1] * b[bOff + i + 1];
      s2 += a[aOff + i + 2] * b[bOff + i + 2];
      s3 += a[aOff + i + 3] * b[bOff + i + 3];
    }
    for (; i < len; i++) {
      s0 += a[aOff + i] * b[bOff + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public void dotBytesBlock(float[] q, byte[] codes, int off, int dim, float[] out, int outOff) {
    // One accumulator per row of the block: independent chains.
    float[] sums = new float[QuantizedRows.BLOCK_ROWS];
    for (int j = 0, at = off; j < dim; j++, at += QuantizedRows.BLOCK_ROWS) {
      float x = q[j];
      for (int row = 0; row < QuantizedRows.BLOCK_ROWS; row++) {
        sums[row] += x * codes[at + row];
      }
    }
    System.arraycopy(sums, 0, out, outOff, QuantizedRows.BLOCK_ROWS);
  }

  @Override
  public void dotBytesBlock3(
      float[] a, float[] b, float[] c, byte[] codes, int off, int dim, float[] out) {
    dotBytesBlock(a, codes, off, dim, out, 0);
    dotBytesBlock(b, codes, off, dim, out, QuantizedRows.BLOCK_ROWS);
    dotBytesBlock(c, codes, off, dim, out, 2 * QuantizedRows.BLOCK_ROWS);
  }

  @Override
  public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
    // C2 auto-vectorises this loop; no manual unrolling needed.
    for (int i = 0; i < len; i++) {
      y[yOff + i] += alpha * x[xOff + i];
    }
  }

  @Override
  public void scale(float alpha, float[] x, int xOff, int len) {
    for (int i = 0; i < len; i++) {
      x[xOff + i] *= alpha;
    }
  }

  @Override
  public String name() {
    return "scalar";
  }
}
