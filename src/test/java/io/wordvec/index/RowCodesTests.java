package io.wordvec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.vectors.MappedBytes;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowCodesTests {

  @TempDir Path dir;

  @Test
  void aRecordIsTheScaleAndTheCodesInWholeCacheLines() {
    assertThat(RowCodes.recordBytes(300)).isEqualTo(320);
    assertThat(RowCodes.recordBytes(60)).isEqualTo(64);
    assertThat(RowCodes.recordBytes(61)).isEqualTo(128);
    assertThat(RowCodes.recordBytes(1)).isEqualTo(64);
  }

  @Test
  void scoresAreTheRowsDotProductsWithinTheCodingErrorAndAZeroRowScoresZero() throws IOException {
    int dim = 300;
    int rows = 40;
    SplittableRandom random = new SplittableRandom(3);
    float[][] unit = new float[rows][];
    for (int r = 0; r < rows; r++) {
      // Row 7 is all zeros (a word whose vector was zero).
      unit[r] = r == 7 ? new float[dim] : unitRow(random, dim);
    }
    // Chunks of 2^12 bytes: records of 320 bytes straddle chunk borders.
    RowCodes codes = write(unit, 12);
    RowCodes.Scorer scorer = codes.scorer();
    float[] query = unitRow(random, dim);
    double l1 = 0;
    for (float x : query) {
      l1 += Math.abs(x);
    }
    for (int r = 0; r < rows; r++) {
      double exact = 0;
      double max = 0;
      for (int j = 0; j < dim; j++) {
        exact += (double) unit[r][j] * query[j];
        max = Math.max(max, Math.abs(unit[r][j]));
      }
      double bound = l1 * (max / 127) / 2 + 1e-5;
      assertThat((double) scorer.score(r, query)).as("row %d", r).isCloseTo(exact, within(bound));
    }
    assertThat(scorer.score(7, query)).isZero();
    assertThat(scorer.exact()).isFalse();
  }

  @Test
  void theErrorBoundCoversEveryScoreAndGrowsWithTheScalesScored() throws IOException {
    int dim = 300;
    SplittableRandom random = new SplittableRandom(9);
    float[][] unit = new float[200][];
    for (int r = 0; r < unit.length; r++) {
      unit[r] = unitRow(random, dim);
    }
    RowCodes.Scorer scorer = write(unit, 30).scorer();
    float[] query = unitRow(random, dim);
    assertThat(scorer.errorBound(query)).isLessThan(1e-4f);
    double worst = 0;
    for (int r = 0; r < unit.length; r++) {
      double exact = 0;
      for (int j = 0; j < dim; j++) {
        exact += (double) unit[r][j] * query[j];
      }
      worst = Math.max(worst, Math.abs(scorer.score(r, query) - exact));
    }
    assertThat((double) scorer.errorBound(query)).isGreaterThan(worst);
  }

  @Test
  void onlyRowsWithinTheMarginOfTheKthBestAreKeptForRescoring() {
    long[] keys = new long[6];
    float[] scores = {0.9f, 0.5f, 0.8f, 0.79f, 0.7f, 0.85f};
    for (int i = 0; i < keys.length; i++) {
      keys[i] = GraphWalker.key(scores[i], i);
    }
    // The 2nd best is 0.85: a margin of 0.06 keeps 0.8 and 0.79, not 0.7 or 0.5.
    long[] kept = GraphWalker.mayBeAmongBest(keys.clone(), 2, 0.06f);
    assertThat(Arrays.stream(kept).mapToInt(GraphWalker::node).sorted().toArray())
        .containsExactly(0, 2, 3, 5);
    assertThat(GraphWalker.mayBeAmongBest(keys.clone(), 2, 0f)).hasSize(2);
    assertThat(GraphWalker.mayBeAmongBest(keys.clone(), 6, 0f)).hasSize(6);
    assertThat(GraphWalker.mayBeAmongBest(keys.clone(), 10, 0f)).hasSize(6);
  }

  @Test
  void rowsOutsideTheCodesAreRefused() throws IOException {
    RowCodes codes = write(new float[][] {unitRow(new SplittableRandom(1), 16)}, 30);
    RowCodes.Scorer scorer = codes.scorer();
    float[] query = new float[16];
    assertThatThrownBy(() -> scorer.score(1, query)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> scorer.touch(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  private RowCodes write(float[][] unit, int chunkShift) throws IOException {
    int dim = unit[0].length;
    int recordBytes = RowCodes.recordBytes(dim);
    byte[] all = new byte[unit.length * recordBytes];
    byte[] record = new byte[recordBytes];
    for (int r = 0; r < unit.length; r++) {
      RowCodes.encode(unit[r], record);
      System.arraycopy(record, 0, all, r * recordBytes, recordBytes);
    }
    Path file = Files.write(dir.resolve("codes-" + chunkShift), all);
    try (FileChannel channel = FileChannel.open(file)) {
      return new RowCodes(MappedBytes.map(channel, 0, all.length, chunkShift), unit.length, dim);
    }
  }

  private static float[] unitRow(SplittableRandom random, int dim) {
    float[] row = new float[dim];
    double sum = 0;
    for (int j = 0; j < dim; j++) {
      row[j] = (float) random.nextGaussian();
      sum += (double) row[j] * row[j];
    }
    for (int j = 0; j < dim; j++) {
      row[j] /= (float) Math.sqrt(sum);
    }
    return row;
  }
}
