package io.wordvec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.io.NativeFormat;
import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowDotsTests {

  private static final int ROWS = 300;

  /** Odd, so that every kernel runs its vector loops and its scalar tail. */
  private static final int DIM = 37;

  private static WordVectors heap;
  private static WordVectors mapped;

  @TempDir static Path dir;

  @BeforeAll
  static void models() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    float[] data = new float[ROWS * DIM];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextGaussian();
    }
    String[] words = new String[ROWS];
    long[] counts = new long[ROWS];
    for (int i = 0; i < ROWS; i++) {
      words[i] = "w" + i;
      counts[i] = ROWS - i;
    }
    heap = new WordVectors(new Vocabulary(words, counts), DIM, data);
    Path file = dir.resolve("dots.wvm");
    NativeFormat.write(heap, file);
    // Chunks of 4 KB, a few mappings only: rows of 148 bytes straddle chunk borders.
    mapped = NativeFormat.map(file, 0, 12).vectors();
  }

  private static float[] unit(WordVectors vectors, int id) {
    float[] row = new float[DIM];
    vectors.unitRow(id, row, 0);
    return row;
  }

  @Test
  void heapRowsAreScoredInPlaceByOneSharedScorerAndMappedRowsByOnePerThread() {
    assertThat(heap.rowDots().isShareable()).isTrue();
    assertThat(mapped.isMapped()).isTrue();
    assertThat(mapped.rowDots().isShareable()).isFalse();
    assertThat(RowDots.over(new float[2 * DIM], DIM).isShareable()).isTrue();
  }

  @Test
  void aRowAgainstAQueryScoresAsTheExactScansKernelDoesOnEveryStorage() {
    RowDots fromHeap = heap.rowDots();
    RowDots fromMapping = mapped.rowDots();
    float[] matrix = new float[ROWS * DIM];
    heap.unitRows(0, ROWS, matrix, 0);
    RowDots fromArray = RowDots.over(matrix, DIM);
    float[] query = unit(heap, 5);
    for (int r = 0; r < ROWS; r++) {
      float expected = VectorMath.dot(unit(heap, r), query);
      assertThat(fromHeap.dot(r, query)).as("row %d", r).isEqualTo(expected);
      assertThat(fromMapping.dot(r, query)).as("row %d", r).isEqualTo(expected);
      assertThat(fromArray.dot(r, query)).as("row %d", r).isEqualTo(expected);
    }
    assertThat(fromHeap.dot(5, query)).isCloseTo(1f, within(1e-5f));
  }

  @Test
  void twoRowsScoreAsTheirCopiesDo() {
    RowDots fromHeap = heap.rowDots();
    RowDots fromMapping = mapped.rowDots();
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      int a = random.nextInt(ROWS);
      int b = random.nextInt(ROWS);
      float expected = VectorMath.dot(unit(heap, a), unit(heap, b));
      assertThat(fromHeap.dot(a, b)).isEqualTo(expected);
      assertThat(fromMapping.dot(a, b)).isEqualTo(expected);
    }
  }

  @Test
  void rowsOutsideTheModelAreRefused() {
    float[] query = new float[DIM];
    for (RowDots dots : new RowDots[] {heap.rowDots(), mapped.rowDots()}) {
      assertThatThrownBy(() -> dots.dot(ROWS, query)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> dots.dot(-1, query)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> dots.dot(0, ROWS)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> dots.dot(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
    assertThatThrownBy(() -> RowDots.over(new float[DIM + 1], DIM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not rows of 37 floats");
  }

  @Test
  void aTouchReadsTheFirstFloatOfTheUnitRowOnEveryStorageAndChecksTheRow() {
    for (RowDots dots : new RowDots[] {heap.rowDots(), mapped.rowDots()}) {
      for (int r = 0; r < ROWS; r += 7) {
        assertThat(dots.touch(r)).as("row %d", r).isEqualTo(unit(heap, r)[0]);
      }
      assertThatThrownBy(() -> dots.touch(ROWS)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> dots.touch(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }
}
