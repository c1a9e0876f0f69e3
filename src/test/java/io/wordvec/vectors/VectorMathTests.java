package io.wordvec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VectorMathTests {

  @Test
  void simdIsActiveWhenTheModuleIsPresent() {
    // The build starts test JVMs with --add-modules jdk.incubator.vector.
    assertThat(VectorMath.simdEnabled()).isTrue();
    assertThat(VectorMath.implementationName()).startsWith("simd-");
  }

  @Test
  void facadeRejectsMismatchedLengthsAndRanges() {
    assertThatThrownBy(() -> VectorMath.dot(new float[3], new float[4]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 != 4");
    assertThatThrownBy(() -> VectorMath.axpy(1f, new float[3], 2, new float[3], 0, 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
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
}
