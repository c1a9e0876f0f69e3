package io.wordvec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VectorMathTests {

  private final VectorOps scalar = VectorMath.scalar();
  private final VectorOps active = VectorMath.active();

  @Test
  void simdIsActiveWhenTheModuleIsPresent() {
    // The build starts test JVMs with --add-modules jdk.incubator.vector.
    assertThat(VectorMath.simdEnabled()).isTrue();
    assertThat(VectorMath.implementationName()).startsWith("simd-");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 13, 100, 207, 300, 1023})
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
  @ValueSource(ints = {1, 7, 13, 100, 207, 300, 1023})
  void axpyAndScaleMatchScalar(int len) {
    SplittableRandom random = new SplittableRandom(31L * len);
    float[] x = randomArray(random, len + 2);
    float[] y1 = randomArray(random, len + 4);
    float[] y2 = y1.clone();
    active.axpy(0.37f, x, 2, y1, 4, len);
    scalar.axpy(0.37f, x, 2, y2, 4, len);
    assertThat(y1).containsExactly(y2, within(1e-6f));
    active.scale(-1.5f, y1, 1, len);
    scalar.scale(-1.5f, y2, 1, len);
    assertThat(y1).containsExactly(y2, within(1e-6f));
    // elements outside the range are untouched
    assertThat(y1[0]).isEqualTo(y2[0]);
  }

  @Test
  void facadeRejectsMismatchedLengthsAndRanges() {
    assertThatThrownBy(() -> VectorMath.dot(new float[3], new float[4]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 != 4");
    assertThatThrownBy(() -> VectorMath.axpy(1f, new float[3], 2, new float[3], 0, 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 13, 31, 32, 33, 100, 207, 300, 1023})
  void dotBytesMatchesScalarAndExactSum(int len) {
    SplittableRandom random = new SplittableRandom(len * 31L);
    float[] a = randomArray(random, len + 2);
    byte[] b = new byte[len + 3];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) random.nextInt(-127, 128);
    }
    double exact = 0;
    for (int i = 0; i < len; i++) {
      exact += (double) a[i + 2] * b[i + 3];
    }
    float simd = active.dotBytes(a, 2, b, 3, len);
    float plain = scalar.dotBytes(a, 2, b, 3, len);
    assertThat((double) simd).isCloseTo(exact, within(1e-2 * Math.sqrt(len)));
    assertThat((double) plain).isCloseTo(exact, within(1e-2 * Math.sqrt(len)));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 16, 31, 33, 100, 300, 1023})
  void dotBytes3GivesTheThreeDotProducts(int len) {
    SplittableRandom random = new SplittableRandom(len * 17L);
    float[][] queries = {
      randomArray(random, len), randomArray(random, len), randomArray(random, len)
    };
    byte[] codes = new byte[len + 5];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = (byte) random.nextInt(-127, 128);
    }
    float[] simd = new float[3];
    float[] plain = new float[3];
    active.dotBytes3(queries[0], queries[1], queries[2], codes, 5, len, simd);
    scalar.dotBytes3(queries[0], queries[1], queries[2], codes, 5, len, plain);
    for (int q = 0; q < 3; q++) {
      double exact = 0;
      for (int i = 0; i < len; i++) {
        exact += (double) queries[q][i] * codes[i + 5];
      }
      assertThat((double) simd[q])
          .as("query %d", q)
          .isCloseTo(exact, within(1e-2 * Math.sqrt(len)));
      assertThat((double) plain[q])
          .as("query %d", q)
          .isCloseTo(exact, within(1e-2 * Math.sqrt(len)));
    }
  }

  @Test
  void firstNonFiniteFindsTheFirstNanOrInfinityRowByRow() {
    float[] x = new float[12];
    java.util.Arrays.fill(x, 1e30f); // squares overflow: the row check must look value by value
    assertThat(VectorMath.firstNonFinite(x, 4)).isEqualTo(-1);
    x[9] = Float.NaN;
    x[11] = Float.POSITIVE_INFINITY;
    assertThat(VectorMath.firstNonFinite(x, 4)).isEqualTo(9);
    assertThat(VectorMath.firstNonFinite(x, 5)).isEqualTo(9);
  }

  private static float[] randomArray(SplittableRandom random, int len) {
    float[] out = new float[len];
    for (int i = 0; i < len; i++) {
      out[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return out;
  }
}
