package io.wordvec.vectors.internal;

import java.util.Arrays;

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
  public float dotBytes(float[] q, byte[] codes, int off, int len) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = 0;
    int upper = len & ~3;
    for (; i < upper; i += 4) {
      s0 += q[i] * codes[off + i];
      s1 += q[i + 1] * codes[off + i + 1];
      s2 += q[i + 2] * codes[off + i + 2];
      s3 += q[i + 3] * codes[off + i + 3];
    }
    for (; i < len; i++) {
      s0 += q[i] * codes[off + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public void dotBytesBlock(float[] q, byte[] codes, int off, int dim, float[] out, int outOff) {
    // The sums live in out, one per row of the block (a local scratch array was not
    // scalar-replaced: 80 bytes of garbage per block). Two positions per pass halve the chain of
    // loads and stores on each sum.
    int block = Quantizer.BLOCK_ROWS;
    Arrays.fill(out, outOff, outOff + block, 0f);
    int j = 0;
    int at = off;
    for (; j + 1 < dim; j += 2, at += 2 * block) {
      float x0 = q[j];
      float x1 = q[j + 1];
      for (int row = 0; row < block; row++) {
        out[outOff + row] += x0 * codes[at + row] + x1 * codes[at + block + row];
      }
    }
    if (j < dim) {
      float x = q[j];
      for (int row = 0; row < block; row++) {
        out[outOff + row] += x * codes[at + row];
      }
    }
  }

  @Override
  public void dotBytesBlock3(
      float[] a, float[] b, float[] c, byte[] codes, int off, int dim, float[] out) {
    int block = Quantizer.BLOCK_ROWS;
    Arrays.fill(out, 0, 3 * block, 0f);
    for (int j = 0, at = off; j < dim; j++, at += block) {
      float xa = a[j];
      float xb = b[j];
      float xc = c[j];
      for (int row = 0; row < block; row++) {
        float code = codes[at + row];
        out[row] += xa * code;
        out[block + row] += xb * code;
        out[2 * block + row] += xc * code;
      }
    }
  }

  @Override
  public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
    // C2 auto-vectorises this loop; no manual unrolling needed.
    for (int i = 0; i < len; i++) {
      y[yOff + i] += alpha * x[xOff + i];
    }
  }

  @Override
  public void dotRows(float[] a, int aRows, float[] b, int bRows, int stride, float[] out) {
    for (int i = 0; i < aRows; i++) {
      for (int j = 0; j < bRows; j++) {
        out[i * bRows + j] = dot(a, i * stride, b, j * stride, stride);
      }
    }
  }

  @Override
  public void addProducts(
      float[] g,
      int gRowStep,
      int gColStep,
      int rows,
      int inner,
      float[] b,
      float[] c,
      int stride) {
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < inner; k++) {
        float coefficient = g[i * gRowStep + k * gColStep];
        if (coefficient != 0f) {
          axpy(coefficient, b, k * stride, c, i * stride, stride);
        }
      }
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
