package io.wordvec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.vocab.Vocabulary;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectionTests {

  @Test
  void pointsOnALineLandOnTheFirstAxisAtTheirDistanceFromTheMean() {
    float[] direction = {1, 2, -2, 0, 4}; // norm 5
    float[] offsets = {-2, 0, 1, 4};
    float[] rows = new float[offsets.length * 5];
    for (int p = 0; p < offsets.length; p++) {
      for (int d = 0; d < 5; d++) {
        rows[p * 5 + d] = 3 + offsets[p] * direction[d] / 5f;
      }
    }

    Projection projection = Projection.pca(rows, 4, 5, 2);

    // mean offset 0.75; the furthest point (offset 4) is oriented positive
    for (int p = 0; p < 4; p++) {
      assertThat(projection.coordinate(p, 0)).isCloseTo(offsets[p] - 0.75, within(1e-5));
      assertThat(projection.coordinate(p, 1)).isCloseTo(0, within(1e-5));
    }
    assertThat(projection.explainedVarianceRatio(0)).isCloseTo(1, within(1e-9));
    assertThat(projection.explainedVarianceRatio(1)).isCloseTo(0, within(1e-9));
  }

  @Test
  void axesAreOrderedByVarianceAndReportTheirShare() {
    // A cross on the coordinate axes: variance 18 along z, 8 along x, 2 along y.
    float[] rows = {
      3, 0, 0, -3, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 3, 0, 0, -3, 0, 0, 0, 0, 0, 0,
    };
    // scale z further so the order differs from the storage order
    for (int p = 0; p < 8; p++) {
      rows[p * 3 + 2] *= 1.5f;
    }
    Projection projection = Projection.pca(rows, 8, 3, 3);

    double zVar = 2 * 4.5 * 4.5;
    double xVar = 2 * 9;
    double yVar = 2;
    double total = zVar + xVar + yVar;
    assertThat(projection.explainedVarianceRatio(0)).isCloseTo(zVar / total, within(1e-9));
    assertThat(projection.explainedVarianceRatio(1)).isCloseTo(xVar / total, within(1e-9));
    assertThat(projection.explainedVarianceRatio(2)).isCloseTo(yVar / total, within(1e-9));
    // point 4 is (0, 0, 4.5): furthest along z, so positive on the first axis
    assertThat(projection.coordinate(4, 0)).isCloseTo(4.5, within(1e-6));
    assertThat(Math.abs(projection.coordinate(0, 1))).isCloseTo(3, within(1e-6));
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 40}) // fewer and more points than dimensions: both eigen paths
  void rankTwoDataIsMappedWithoutDistortion(int count) {
    int dim = 12;
    SplittableRandom random = new SplittableRandom(count);
    double[] basisA = unitVector(random, dim);
    double[] basisB = unitVector(random, dim);
    double dot = 0;
    for (int d = 0; d < dim; d++) {
      dot += basisA[d] * basisB[d];
    }
    double norm = 0;
    for (int d = 0; d < dim; d++) {
      basisB[d] -= dot * basisA[d];
      norm += basisB[d] * basisB[d];
    }
    for (int d = 0; d < dim; d++) {
      basisB[d] /= Math.sqrt(norm);
    }
    double[][] plane = new double[count][2];
    float[] rows = new float[count * dim];
    for (int p = 0; p < count; p++) {
      plane[p][0] = random.nextDouble(-3, 3);
      plane[p][1] = random.nextDouble(-1, 1);
      for (int d = 0; d < dim; d++) {
        rows[p * dim + d] = (float) (plane[p][0] * basisA[d] + plane[p][1] * basisB[d] + 0.5);
      }
    }

    Projection projection = Projection.pca(rows, count, dim, 2);

    for (int i = 0; i < count; i++) {
      for (int j = i + 1; j < count; j++) {
        double original = Math.hypot(plane[i][0] - plane[j][0], plane[i][1] - plane[j][1]);
        double mapped =
            Math.hypot(
                projection.coordinate(i, 0) - projection.coordinate(j, 0),
                projection.coordinate(i, 1) - projection.coordinate(j, 1));
        assertThat(mapped).isCloseTo(original, within(1e-4));
      }
    }
    assertThat(projection.explainedVarianceRatio(0) + projection.explainedVarianceRatio(1))
        .isCloseTo(1, within(1e-6));
  }

  @Test
  void theMapIsTheSameEveryTimeAndForNegatedVectors() {
    SplittableRandom random = new SplittableRandom(7);
    int count = 20;
    int dim = 30;
    float[] rows = new float[count * dim];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = (float) random.nextGaussian();
    }
    float[] negated = rows.clone();
    for (int i = 0; i < negated.length; i++) {
      negated[i] = -negated[i];
    }

    Projection first = Projection.pca(rows, count, dim, 2);
    Projection again = Projection.pca(rows, count, dim, 2);
    Projection flipped = Projection.pca(negated, count, dim, 2);

    assertThat(again.coordinates()).containsExactly(first.coordinates());
    assertThat(flipped.coordinates()).containsExactly(first.coordinates(), within(1e-9));
    for (int c = 0; c < 2; c++) {
      double extreme = 0;
      for (int p = 0; p < count; p++) {
        double x = first.coordinate(p, c);
        extreme = Math.abs(x) > Math.abs(extreme) ? x : extreme;
      }
      assertThat(extreme).isPositive();
    }
  }

  @Test
  void identicalPointsAndASinglePointSitAtTheOrigin() {
    Projection single = Projection.pca(new float[] {1, 2, 3}, 1, 3, 2);
    Projection same = Projection.pca(new float[] {1, 2, 1, 2, 1, 2}, 3, 2, 2);

    assertThat(single.coordinates()).containsOnly(0.0);
    assertThat(same.coordinates()).containsOnly(0.0);
    assertThat(same.explainedVarianceRatio(0)).isZero();
  }

  @Test
  void badShapesAreRejectedNamingTheValue() {
    assertThatThrownBy(() -> Projection.pca(new float[5], 2, 3, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 x 3 = 6")
        .hasMessageContaining("got 5");
    assertThatThrownBy(() -> Projection.pca(new float[6], 2, 3, 4))
        .hasMessageContaining("components must be between 1 and the dimension 3, was 4");
    assertThatThrownBy(() -> Projection.pca(new float[] {1, Float.NaN}, 1, 2, 1))
        .hasMessageContaining("non-finite value in row 0");
  }

  @Test
  void wordProjectionDrawsKnownWordsOnceAndListsTheUnknown() {
    Vocabulary vocabulary =
        new Vocabulary(new String[] {"king", "queen", "apple"}, new long[] {3, 2, 1});
    // lengths differ widely: the map must show the unit vectors' geometry, not the raw one
    WordVectors vectors = new WordVectors(vocabulary, 2, new float[] {10, 0, 0, 0.5f, 0, -3});

    WordProjection map =
        WordProjection.of(vectors, List.of("queen", "zebra", "apple", "queen", "king", "zebra"));

    assertThat(map.words()).containsExactly("queen", "apple", "king");
    assertThat(map.unknown()).containsExactly("zebra");
    // unit vectors king (1,0), queen (0,1), apple (0,-1): the map is a rigid motion of them
    double kingQueen = Math.hypot(map.x()[0] - map.x()[2], map.y()[0] - map.y()[2]);
    double queenApple = Math.hypot(map.x()[0] - map.x()[1], map.y()[0] - map.y()[1]);
    assertThat(kingQueen).isCloseTo(Math.sqrt(2), within(1e-6));
    assertThat(queenApple).isCloseTo(2, within(1e-6));
    assertThat(map.explainedVariance()[0] + map.explainedVariance()[1]).isCloseTo(1, within(1e-9));
  }

  @Test
  void wordProjectionOfOnlyUnknownWordsIsEmpty() {
    Vocabulary vocabulary = new Vocabulary(new String[] {"king"}, new long[] {1});
    WordVectors vectors = new WordVectors(vocabulary, 2, new float[] {1, 0});

    WordProjection map = WordProjection.of(vectors, List.of("zebra"));

    assertThat(map.words()).isEmpty();
    assertThat(map.x()).isEmpty();
    assertThat(map.unknown()).containsExactly("zebra");
  }

  private static double[] unitVector(SplittableRandom random, int dim) {
    double[] v = new double[dim];
    double norm = 0;
    for (int d = 0; d < dim; d++) {
      v[d] = random.nextGaussian();
      norm += v[d] * v[d];
    }
    for (int d = 0; d < dim; d++) {
      v[d] /= Math.sqrt(norm);
    }
    return v;
  }
}
