package io.wordvec.vectors.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SIMD kernels against the plain-Java ones and exact sums, over odd sizes. */
class VectorOpsTests {

  private final VectorOps scalar = VectorOpsProvider.scalar();
  private final VectorOps active = VectorOpsProvider.active();

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 13, 16, 17, 100, 207, 300, 1023})
  void dotMatchesScalarAndExactSum(int len) {
    SplittableRandom random = new SplittableRandom(len);
    float[] a = randomArray(random, len + 3);
    float[] b = randomArray(random, len + 5);
    double exact = 0;
    for (int i = 0; i < len; i++) {
      exact += (double) a[i + 3] * b[i + 1];
    }
    float simd = active.dot(a, 3, b, 1, len);
    float plain = scalar.dot(a, 3, b, 1, len);
    assertThat((double) simd).isCloseTo(exact, within(1e-4 * Math.sqrt(len)));
    assertThat(simd).isCloseTo(plain, within(1e-4f * (float) Math.sqrt(len)));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 13, 16, 17, 100, 207, 300, 1023})
  void axpyAndScaleMatchScalar(int len) {
    SplittableRandom random = new SplittableRandom(31L * len);
    float[] x = randomArray(random, len + 2);
    // Elements on both sides of the range, which must stay as they are.
    float[] y1 = randomArray(random, len + 9);
    float[] y2 = y1.clone();
    active.axpy(0.37f, x, 2, y1, 4, len);
    scalar.axpy(0.37f, x, 2, y2, 4, len);
    assertThat(y1).containsExactly(y2, within(1e-6f));
    active.scale(-1.5f, y1, 1, len);
    scalar.scale(-1.5f, y2, 1, len);
    assertThat(y1).containsExactly(y2, within(1e-6f));
    // elements outside the range are untouched
    assertThat(y1[0]).isEqualTo(y2[0]);
    assertThat(Arrays.copyOfRange(y1, len + 4, len + 9))
        .containsExactly(Arrays.copyOfRange(y2, len + 4, len + 9));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 15, 16, 17, 31, 32, 33, 100, 207, 300, 1023})
  void rowOfCodesDotMatchesScalarAndExactSum(int len) {
    SplittableRandom random = new SplittableRandom(7L * len);
    float[] q = randomArray(random, len);
    // Codes on both sides of the row, which must not count.
    byte[] codes = new byte[len + 40];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = (byte) random.nextInt(-127, 128);
    }
    double exact = 0;
    for (int i = 0; i < len; i++) {
      exact += (double) q[i] * codes[i + 9];
    }
    float simd = active.dotBytes(q, codes, 9, len);
    float plain = scalar.dotBytes(q, codes, 9, len);
    assertThat((double) simd).isCloseTo(exact, within(1e-2 * Math.sqrt(len)));
    assertThat((double) plain).isCloseTo(exact, within(1e-2 * Math.sqrt(len)));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 16, 100, 300})
  void rowMajorCodesAreTheBlockedRowsCodes(int dim) {
    SplittableRandom random = new SplittableRandom(dim);
    float[] unit = randomArray(random, 3 * dim);
    byte[] blocked = new byte[Math.toIntExact(Quantizer.codeCount(3, dim))];
    float[] scales = new float[3];
    byte[] rowMajor = new byte[dim + 2];
    for (int row = 0; row < 3; row++) {
      Quantizer.quantizeRow(unit, row, dim, blocked, scales);
      float scale = Quantizer.quantizeRowMajor(unit, row * dim, dim, rowMajor, 2);
      assertThat(scale).isEqualTo(scales[row]);
      for (int j = 0; j < dim; j++) {
        assertThat(rowMajor[2 + j]).isEqualTo(blocked[Quantizer.at(row, j, dim)]);
      }
    }
  }

  /** A block of rows of random codes, laid out as {@link Quantizer} stores it. */
  private static byte[] randomBlock(SplittableRandom random, int off, int dim) {
    byte[] codes = new byte[off + Quantizer.BLOCK_ROWS * dim];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = (byte) random.nextInt(-127, 128);
    }
    return codes;
  }

  /** The exact dot product of {@code q} with row {@code row} of the block at {@code off}. */
  private static double exactBlockDot(float[] q, byte[] codes, int off, int row) {
    double exact = 0;
    for (int j = 0; j < q.length; j++) {
      exact += (double) q[j] * codes[off + j * Quantizer.BLOCK_ROWS + row];
    }
    return exact;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 13, 31, 32, 33, 100, 207, 300, 1023})
  void blockDotProductsMatchTheExactSums(int dim) {
    SplittableRandom random = new SplittableRandom(dim * 31L);
    float[] q = randomArray(random, dim);
    byte[] codes = randomBlock(random, 3, dim);
    float[] simd = new float[Quantizer.BLOCK_ROWS + 3];
    float[] plain = new float[Quantizer.BLOCK_ROWS + 3];
    active.dotBytesBlock(q, codes, 3, dim, simd, 2);
    scalar.dotBytesBlock(q, codes, 3, dim, plain, 2);
    for (int row = 0; row < Quantizer.BLOCK_ROWS; row++) {
      double exact = exactBlockDot(q, codes, 3, row);
      assertThat((double) simd[2 + row])
          .as("row %d", row)
          .isCloseTo(exact, within(1e-2 * Math.sqrt(dim)));
      assertThat((double) plain[2 + row])
          .as("row %d", row)
          .isCloseTo(exact, within(1e-2 * Math.sqrt(dim)));
    }
    assertThat(simd[0]).isZero();
    assertThat(simd[Quantizer.BLOCK_ROWS + 2]).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 16, 31, 33, 100, 300, 1023})
  void blockDotProductsOfThreeQueriesMatchTheExactSums(int dim) {
    SplittableRandom random = new SplittableRandom(dim * 17L);
    float[][] queries = {
      randomArray(random, dim), randomArray(random, dim), randomArray(random, dim)
    };
    byte[] codes = randomBlock(random, 5, dim);
    float[] simd = new float[3 * Quantizer.BLOCK_ROWS];
    float[] plain = new float[3 * Quantizer.BLOCK_ROWS];
    active.dotBytesBlock3(queries[0], queries[1], queries[2], codes, 5, dim, simd);
    scalar.dotBytesBlock3(queries[0], queries[1], queries[2], codes, 5, dim, plain);
    for (int q = 0; q < 3; q++) {
      for (int row = 0; row < Quantizer.BLOCK_ROWS; row++) {
        double exact = exactBlockDot(queries[q], codes, 5, row);
        int at = q * Quantizer.BLOCK_ROWS + row;
        assertThat((double) simd[at])
            .as("query %d, row %d", q, row)
            .isCloseTo(exact, within(1e-2 * Math.sqrt(dim)));
        assertThat((double) plain[at])
            .as("query %d, row %d", q, row)
            .isCloseTo(exact, within(1e-2 * Math.sqrt(dim)));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 13, 16, 100, 112, 207, 300, 1023})
  void dotRowsMatchScalarAndExactSums(int stride) {
    SplittableRandom random = new SplittableRandom(stride * 7L);
    // 6 x 7: the SIMD kernel's groups of four rows of b, and a remainder of three
    int aRows = 6;
    int bRows = 7;
    float[] a = randomArray(random, aRows * stride);
    float[] b = randomArray(random, bRows * stride);
    float[] simd = new float[aRows * bRows];
    float[] plain = new float[aRows * bRows];
    active.dotRows(a, aRows, b, bRows, stride, simd);
    scalar.dotRows(a, aRows, b, bRows, stride, plain);
    for (int i = 0; i < aRows; i++) {
      for (int j = 0; j < bRows; j++) {
        double exact = 0;
        for (int x = 0; x < stride; x++) {
          exact += (double) a[i * stride + x] * b[j * stride + x];
        }
        int at = i * bRows + j;
        assertThat((double) simd[at])
            .as("(%d, %d)", i, j)
            .isCloseTo(exact, within(1e-4 * Math.sqrt(stride)));
        assertThat(simd[at]).isCloseTo(plain[at], within(1e-4f * (float) Math.sqrt(stride)));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 13, 16, 100, 112, 207, 300, 1023})
  void addProductsMatchScalarAndExactSumsStraightAndTransposed(int stride) {
    SplittableRandom random = new SplittableRandom(stride * 11L);
    int rows = 5;
    int inner = 6;
    float[] g = randomArray(random, rows * inner);
    g[3] = 0f; // a skipped coefficient
    float[] b = randomArray(random, inner * stride);
    float[] c = randomArray(random, rows * stride);
    // straight: g is rows x inner
    float[] simd = c.clone();
    float[] plain = c.clone();
    active.addProducts(g, inner, 1, rows, inner, b, simd, stride);
    scalar.addProducts(g, inner, 1, rows, inner, b, plain, stride);
    assertProducts(simd, plain, c, g, inner, 1, rows, inner, b, stride);
    // transposed: the same array read as inner x rows, over rows of c as b
    float[] bt = randomArray(random, rows * stride);
    float[] ct = randomArray(random, inner * stride);
    float[] simdT = ct.clone();
    float[] plainT = ct.clone();
    active.addProducts(g, 1, inner, inner, rows, bt, simdT, stride);
    scalar.addProducts(g, 1, inner, inner, rows, bt, plainT, stride);
    assertProducts(simdT, plainT, ct, g, 1, inner, inner, rows, bt, stride);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 13, 16, 100, 112, 207, 300, 1023})
  void oneRowAgainstABlockAndBackMatchScalar(int stride) {
    // The batched CBOW kernel's shapes: one hidden vector scored against a block of eight rows, the
    // block's rows combined into one row (g read as a row), and one row added to each block row
    // with its own coefficient (g read as a column, the row's step 0).
    SplittableRandom random = new SplittableRandom(stride * 13L);
    int rows = 8;
    float[] h = randomArray(random, stride);
    float[] block = randomArray(random, rows * stride);
    float[] simd = new float[rows];
    float[] plain = new float[rows];
    active.dotRows(h, 1, block, rows, stride, simd);
    scalar.dotRows(h, 1, block, rows, stride, plain);
    for (int j = 0; j < rows; j++) {
      assertThat(simd[j]).isCloseTo(plain[j], within(1e-4f * (float) Math.sqrt(stride)));
    }
    float[] g = randomArray(random, rows);
    float[] sum = randomArray(random, stride);
    float[] sumSimd = sum.clone();
    float[] sumPlain = sum.clone();
    active.addProducts(g, 0, 1, 1, rows, block, sumSimd, stride);
    scalar.addProducts(g, 0, 1, 1, rows, block, sumPlain, stride);
    assertProducts(sumSimd, sumPlain, sum, g, 0, 1, 1, rows, block, stride);
    float[] blockSimd = block.clone();
    float[] blockPlain = block.clone();
    active.addProducts(g, 1, 0, rows, 1, h, blockSimd, stride);
    scalar.addProducts(g, 1, 0, rows, 1, h, blockPlain, stride);
    assertProducts(blockSimd, blockPlain, block, g, 1, 0, rows, 1, h, stride);
  }

  private static void assertProducts(
      float[] simd,
      float[] plain,
      float[] before,
      float[] g,
      int gRowStep,
      int gColStep,
      int rows,
      int inner,
      float[] b,
      int stride) {
    for (int i = 0; i < rows; i++) {
      for (int x = 0; x < stride; x++) {
        double exact = before[i * stride + x];
        for (int k = 0; k < inner; k++) {
          exact += (double) g[i * gRowStep + k * gColStep] * b[k * stride + x];
        }
        int at = i * stride + x;
        assertThat((double) simd[at]).as("(%d, %d)", i, x).isCloseTo(exact, within(1e-5));
        assertThat(simd[at]).isCloseTo(plain[at], within(1e-5f));
      }
    }
  }

  private static float[] randomArray(SplittableRandom random, int len) {
    float[] out = new float[len];
    for (int i = 0; i < len; i++) {
      out[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return out;
  }
}
