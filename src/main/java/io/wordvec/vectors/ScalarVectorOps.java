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
  public float dotBytes(float[] a, int aOff, byte[] b, int bOff, int len) {
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
  public void dotBytes3(
      float[] a, float[] b, float[] c, byte[] codes, int off, int len, float[] out) {
    out[0] = 0;
    out[1] = 0;
    out[2] = 0;
    addDotBytes3(a, b, c, codes, off, 0, len, out);
  }

  /**
   * Adds the products of positions {@code [from, len)} to {@code out}: all of {@link #dotBytes3}
   * here, the tail after the last full vector in the SIMD kernel.
   */
  static void addDotBytes3(
      float[] a, float[] b, float[] c, byte[] codes, int off, int from, int len, float[] out) {
    float sa = out[0], sb = out[1], sc = out[2];
    for (int i = from; i < len; i++) {
      float code = codes[off + i];
      sa += a[i] * code;
      sb += b[i] * code;
      sc += c[i] * code;
    }
    out[0] = sa;
    out[1] = sb;
    out[2] = sc;
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
