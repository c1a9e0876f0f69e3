package io.wordvec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.testing.Matrices;
import io.wordvec.vectors.AnalogyMethod;
import io.wordvec.vectors.MappedBytes;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vectors served from a mapped model file answer exactly as the same vectors in the heap: the file
 * stores the unit rows and 8-bit rows the heap computes, and the scans read mapped rows through the
 * same kernels.
 */
class MappedModelTests {

  @TempDir Path dir;

  static WordVectors random(int rows, int dim, long seed, boolean ties) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] words = new String[rows];
    long[] counts = new long[rows];
    for (int i = 0; i < rows; i++) {
      words[i] = i == 3 ? "größe" : "w" + i;
      counts[i] = rows - i;
    }
    float[] data = new float[rows * dim];
    for (int i = 0; i < data.length; i++) {
      // Components from a tiny set give many exact ties, the hardest case for the 8-bit filter.
      data[i] = ties ? random.nextInt(-2, 3) : (float) random.nextGaussian();
    }
    data[5 * dim] = 0;
    return new WordVectors(new Vocabulary(words, counts), dim, data);
  }

  private WordVectors saveAndMap(WordVectors vectors, String name, int chunkShift)
      throws IOException {
    Path file = dir.resolve(name);
    NativeFormat.write(vectors, file);
    WordVectors mapped = NativeFormat.map(file, 0, chunkShift).vectors();
    assertThat(mapped.isMapped()).isTrue();
    return mapped;
  }

  /** Asserts that every kind of query gets the same answer from both, bit for bit. */
  private static void assertSameAnswers(WordVectors heap, WordVectors mapped, long seed) {
    assertThat(mapped.vocabulary().words()).isEqualTo(heap.vocabulary().words());
    assertThat(Matrices.unit(mapped)).isEqualTo(Matrices.unit(heap));
    Matrices.assertWithinRounding(Matrices.raw(mapped), Matrices.raw(heap), heap.dimension());
    SplittableRandom random = new SplittableRandom(seed);
    int n = heap.size();
    for (int q = 0; q < 60; q++) {
      String a = heap.vocabulary().word(random.nextInt(n));
      String b = heap.vocabulary().word(random.nextInt(n));
      String c = heap.vocabulary().word(random.nextInt(n));
      int topn = 1 + random.nextInt(25);
      int restrict = random.nextInt(3) == 0 ? random.nextInt(1, n) : 0;
      assertThat(mapped.mostSimilar(List.of(a), List.of(), topn, restrict))
          .isEqualTo(heap.mostSimilar(List.of(a), List.of(), topn, restrict));
      assertThat(mapped.mostSimilarCosMul(List.of(a, b), List.of(c), topn, restrict))
          .isEqualTo(heap.mostSimilarCosMul(List.of(a, b), List.of(c), topn, restrict));
      assertThat(mapped.mostSimilarCosMul(List.of(a), List.of(), topn, 0))
          .isEqualTo(heap.mostSimilarCosMul(List.of(a), List.of(), topn, 0));
      assertThat(mapped.analogy(a, b, c, topn, AnalogyMethod.COSADD))
          .isEqualTo(heap.analogy(a, b, c, topn, AnalogyMethod.COSADD));
      assertThat(mapped.similarity(a, b)).isEqualTo(heap.similarity(a, b));
      assertThat(mapped.doesntMatch(List.of(a, b, c)))
          .isEqualTo(heap.doesntMatch(List.of(a, b, c)));
      assertThat(mapped.vector(a, true)).isEqualTo(heap.vector(a, true));
      float[] unit = heap.vector(c, true);
      assertThat(mapped.similarByVector(unit, topn, restrict))
          .isEqualTo(heap.similarByVector(unit, topn, restrict));
    }
  }

  @Test
  void aMappedModelWithEightBitRowsAnswersAsTheHeapDoes() throws IOException {
    WordVectors heap = random(1_100, 240, 1, false);
    assertThat(heap.hasQuantizedRows()).isTrue();
    // Chunks of 512 bytes: every row of 960 bytes, and many blocks of codes, straddle a border.
    WordVectors mapped = saveAndMap(heap, "big.wvm", 9);
    assertThat(mapped.hasQuantizedRows()).isTrue();
    assertSameAnswers(heap, mapped, 2);
    assertSameAnswers(heap, saveAndMap(heap, "big-1g.wvm", MappedBytes.DEFAULT_CHUNK_SHIFT), 3);
  }

  @Test
  void aMappedModelAnswersAsTheHeapDoesEvenWithManyTies() throws IOException {
    WordVectors heap = random(6_000, 48, 4, true);
    // 128-byte chunks: every 192-byte row straddles a border, in about 11,000 mappings (32-byte
    // chunks took 46,000, near the kernel's cap on a process's mappings)
    assertSameAnswers(heap, saveAndMap(heap, "ties.wvm", 7), 5);
  }

  @Test
  void aSmallMappedModelWithoutEightBitRowsAnswersAsTheHeapDoes() throws IOException {
    WordVectors heap = random(300, 7, 6, false);
    assertThat(heap.hasQuantizedRows()).isFalse();
    WordVectors mapped = saveAndMap(heap, "small.wvm", 4);
    assertThat(mapped.hasQuantizedRows()).isFalse();
    assertSameAnswers(heap, mapped, 7);
  }

  @Test
  void aLargeMappedScanSplitAcrossThreadsAnswersAsTheHeapDoes() throws IOException {
    // 40,000 x 64 floats is above the size at which a scan is split across threads.
    WordVectors heap = random(40_000, 64, 8, false);
    assertSameAnswers(heap, saveAndMap(heap, "wide.wvm", 16), 9);
  }

  @Test
  void aLimitServesTheFirstRowsOfTheFile() throws IOException {
    WordVectors heap = random(1_100, 240, 10, false);
    Path file = dir.resolve("limit.wvm");
    NativeFormat.write(heap, file);
    WordVectors head = NativeFormat.map(file, 10, 8).vectors();
    assertThat(head.size()).isEqualTo(10);
    WordVectors heapHead = NativeFormat.read(file, 10).vectors();
    assertThat(Matrices.unit(head)).isEqualTo(Matrices.unit(heapHead));
    for (String word : heapHead.vocabulary().words()) {
      assertThat(head.mostSimilar(List.of(word), List.of(), 5, 0))
          .isEqualTo(heapHead.mostSimilar(List.of(word), List.of(), 5, 0));
    }
  }

  @Test
  void aMappedModelSavesToTheSameFileAndToWord2Vec() throws IOException {
    WordVectors heap = random(1_100, 240, 11, false);
    Path file = dir.resolve("a.wvm");
    NativeFormat.write(heap, file);
    WordVectors mapped = NativeFormat.map(file, 0).vectors();
    Path again = dir.resolve("b.wvm");
    NativeFormat.write(mapped, again);
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
    Path text = dir.resolve("a.txt");
    Word2VecFormat.writeText(mapped, text);
    assertThat(Matrices.raw(Word2VecFormat.readText(text))).isEqualTo(Matrices.raw(mapped));
  }

  @Test
  void theHeapHoldsTheVocabularyAndTwoFloatsAWordNotTheRows() throws IOException {
    WordVectors heap = random(1_100, 240, 12, false);
    WordVectors mapped = saveAndMap(heap, "heap.wvm", 30);
    long rows = 1_100L * 240 * Float.BYTES;
    assertThat(heap.heapBytes()).isGreaterThan(2 * rows);
    assertThat(mapped.heapBytes())
        .isLessThan(mapped.vocabulary().heapBytes() + 2L * Float.BYTES * 1_100 + 1);
  }

  @Test
  void anEmptyModelAndAOneDimensionalOneMapToo() throws IOException {
    WordVectors empty =
        new WordVectors(new Vocabulary(new String[0], new long[0]), 3, new float[0]);
    assertThat(saveAndMap(empty, "empty.wvm", 4).size()).isZero();
    WordVectors line = random(40, 1, 14, false);
    assertSameAnswers(line, saveAndMap(line, "line.wvm", 2), 15);
  }

  @Test
  void rowsThatAreNotUnitLengthAreRejected() throws IOException {
    WordVectors heap = random(50, 8, 13, false);
    Path file = dir.resolve("raw.wvm");
    NativeFormat.write(heap, file);
    byte[] bytes = Files.readAllBytes(file);
    // Double every value of row 0 (as if raw rows had been stored) and keep the checksums right.
    java.nio.ByteBuffer buffer =
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int j = 0; j < 8; j++) {
      int at = NativeFormat.HEADER_BYTES + j * 4;
      buffer.putFloat(at, buffer.getFloat(at) * 2);
    }
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(bytes, NativeFormat.HEADER_BYTES, bytes.length - NativeFormat.HEADER_BYTES);
    buffer.putInt(48, (int) crc.getValue());
    Files.write(file, bytes);
    assertThatThrownBy(() -> NativeFormat.map(file, 0))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("row 0 is not unit-normalised");
  }
}
