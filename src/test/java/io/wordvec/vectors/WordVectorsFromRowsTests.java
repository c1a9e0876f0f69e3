package io.wordvec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.testing.Matrices;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordVectorsFromRowsTests {

  /** 1,100 x 240 = 264,000 floats: just big enough for an 8-bit copy, and split over threads. */
  private static final WordVectors BIG = WordVectorsTests.random(1_100, 240, 8);

  private static RowSource rowsOf(float[] matrix, int dim) {
    return (first, count, dest, offset) ->
        System.arraycopy(matrix, first * dim, dest, offset, count * dim);
  }

  @Test
  void buildsTheSameMatricesAsTheConstructor() {
    WordVectors built =
        WordVectors.fromRows(BIG.vocabulary(), 240, rowsOf(Matrices.raw(BIG), 240), null);
    assertThat(Matrices.raw(built)).isEqualTo(Matrices.raw(BIG));
    assertThat(Matrices.unit(built)).isEqualTo(Matrices.unit(BIG));
    QuantizedRows expected = BIG.quantizedRows().orElseThrow();
    QuantizedRows actual = built.quantizedRows().orElseThrow();
    assertThat(actual.codes()).isEqualTo(expected.codes());
    assertThat(actual.scales()).isEqualTo(expected.scales());
  }

  @Test
  void smallModelsGetNoEightBitCopy() {
    WordVectors small = WordVectorsTests.random(100, 20, 3);
    assertThat(small.quantizedRows()).isEmpty();
    assertThat(
            WordVectors.fromRows(small.vocabulary(), 20, rowsOf(Matrices.raw(small), 20), null)
                .quantizedRows())
        .isEmpty();
  }

  @Test
  void storedEightBitRowsAreUsedAndGiveTheSameAnswers() {
    QuantizedRows original = BIG.quantizedRows().orElseThrow();
    QuantizedRows stored =
        QuantizedRows.restore(240, original.scales().clone(), original.codes().clone());
    WordVectors built =
        WordVectors.fromRows(BIG.vocabulary(), 240, rowsOf(Matrices.raw(BIG), 240), stored);
    assertThat(built.quantizedRows()).containsSame(stored);
    for (String word : List.of("w0", "w17", "w555", "w1099")) {
      assertThat(built.mostSimilar(List.of(word), List.of(), 10, 0))
          .isEqualTo(BIG.mostSimilar(List.of(word), List.of(), 10, 0));
    }
  }

  @Test
  void storedEightBitRowsOfAnotherModelAreRejected() {
    WordVectors other = WordVectorsTests.random(1_100, 240, 9);
    QuantizedRows foreign = other.quantizedRows().orElseThrow();
    assertThatThrownBy(
            () ->
                WordVectors.fromRows(
                    BIG.vocabulary(), 240, rowsOf(Matrices.raw(BIG), 240), foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the stored 8-bit rows do not match the vectors (row 0,");
    QuantizedRows narrower =
        QuantizedRows.restore(
            120, foreign.scales(), new byte[(int) QuantizedRows.codeCount(foreign.rows(), 120)]);
    assertThatThrownBy(
            () ->
                WordVectors.fromRows(
                    BIG.vocabulary(), 240, rowsOf(Matrices.raw(BIG), 240), narrower))
        .hasMessageContaining("the stored 8-bit rows are 1100 x 120, the vectors 1100 x 240");
  }

  @Test
  void restoreRejectsBadShapesAndScales() {
    // Three rows of dimension 4 fill one padded block: 64 codes.
    assertThatThrownBy(() -> QuantizedRows.restore(4, new float[3], new byte[12]))
        .hasMessageContaining("3 scales and 12 codes do not make blocked rows of dimension 4");
    assertThatThrownBy(() -> QuantizedRows.restoreRowMajor(4, new float[3], new byte[64]))
        .hasMessageContaining("3 scales and 64 codes do not make rows of dimension 4");
    assertThatThrownBy(() -> QuantizedRows.restore(2, new float[] {1, Float.NaN}, new byte[32]))
        .hasMessageContaining("bad 8-bit scale NaN for row 1");
    assertThatThrownBy(() -> QuantizedRows.restoreRowMajor(2, new float[] {-1, 1}, new byte[4]))
        .hasMessageContaining("bad 8-bit scale -1.0 for row 0");
  }

  @Test
  void rowsStoredOneAfterAnotherAreCopiedIntoBlocks() {
    QuantizedRows blocked = BIG.quantizedRows().orElseThrow();
    byte[] rowMajor = new byte[1_100 * 240];
    byte[] codes = blocked.codes();
    for (int r = 0; r < 1_100; r++) {
      for (int j = 0; j < 240; j++) {
        rowMajor[r * 240 + j] = codes[((r / 16) * 240 + j) * 16 + r % 16];
      }
    }
    QuantizedRows restored = QuantizedRows.restoreRowMajor(240, blocked.scales(), rowMajor);
    assertThat(restored.codes()).isEqualTo(codes);
    assertThat(restored.scales()).isEqualTo(blocked.scales());
  }

  @Test
  void aNonFiniteValueIsReportedWithItsRowAndPosition() {
    float[] data = Matrices.raw(BIG).clone();
    data[777 * 240 + 5] = Float.NEGATIVE_INFINITY;
    assertThatThrownBy(() -> WordVectors.fromRows(BIG.vocabulary(), 240, rowsOf(data, 240), null))
        .isInstanceOfSatisfying(
            NonFiniteVectorException.class,
            e -> {
              assertThat(e.row()).isEqualTo(777);
              assertThat(e.position()).isEqualTo(5);
              assertThat(e.value()).isEqualTo(Float.NEGATIVE_INFINITY);
            })
        .hasMessage("non-finite value -Infinity at position 5 in the vector of row 777");
  }
}
