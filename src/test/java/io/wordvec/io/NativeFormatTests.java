package io.wordvec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.train.Architecture;
import io.wordvec.train.CorpusStats;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingConfig;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeFormatTests {

  @TempDir Path dir;

  static TrainedModel model(int n, int dim, CorpusStats corpus) {
    SplittableRandom random = new SplittableRandom(n);
    String[] words = new String[n];
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      words[i] = i == 1 ? "größe" : "w" + i;
      counts[i] = 10L * (n - i);
    }
    float[] input = new float[n * dim];
    float[] output = new float[n * dim];
    for (int i = 0; i < input.length; i++) {
      input[i] = (float) random.nextGaussian();
      output[i] = (float) random.nextGaussian() * 1e-3f;
    }
    TrainingConfig config =
        TrainingConfig.defaults()
            .withArchitecture(Architecture.CBOW)
            .withDimension(dim)
            .withSample(1e-5)
            .withSeed(-42)
            .withThreads(3);
    return new TrainedModel(
        new Vocabulary(words, counts),
        dim,
        input,
        output,
        config,
        corpus,
        Instant.parse("2026-01-02T03:04:05.123456Z"),
        Map.of("analogy", 0.4567, "wordsim353 spearman", 0.61));
  }

  @Test
  void aTrainedModelRoundTripsCompletely() throws IOException {
    TrainedModel original = model(257, 13, new CorpusStats("kjv.txt", 5852, 157249, 150000, 2800));
    Path file = dir.resolve("m.wvm");
    ModelFiles.save(original, file);
    LoadedModel loaded = ModelFiles.load(file);
    assertThat(loaded.format()).isEqualTo(VectorFormat.NATIVE);
    TrainedModel copy = loaded.trained().orElseThrow();
    assertThat(copy.vocabulary().words()).isEqualTo(original.vocabulary().words());
    assertThat(copy.vocabulary().counts()).isEqualTo(original.vocabulary().counts());
    assertThat(copy.dimension()).isEqualTo(13);
    assertThat(copy.inputVectors()).isEqualTo(original.inputVectors());
    assertThat(copy.outputVectors()).isEqualTo(original.outputVectors());
    assertThat(copy.config()).isEqualTo(original.config());
    assertThat(copy.corpus()).isEqualTo(original.corpus());
    assertThat(copy.createdAt()).isEqualTo(original.createdAt());
    assertThat(copy.evaluation()).isEqualTo(original.evaluation());
    assertThat(loaded.vectors().rawVectors()).isEqualTo(original.inputVectors());
  }

  @Test
  void aModelWithoutCorpusStatisticsRoundTrips() throws IOException {
    Path file = dir.resolve("nocorpus.wvm");
    NativeFormat.write(model(5, 3, null), file);
    assertThat(NativeFormat.read(file).trained().orElseThrow().corpus()).isNull();
  }

  @Test
  void vectorsOnlyRoundTripAndLimit() throws IOException {
    WordVectors vectors = Word2VecFormatTests.awkward();
    Path file = dir.resolve("v.wvm");
    ModelFiles.save(vectors, file, VectorFormat.NATIVE);
    LoadedModel loaded = ModelFiles.load(file);
    assertThat(loaded.trained()).isEmpty();
    Word2VecFormatTests.assertSame(loaded.vectors(), vectors);
    assertThat(loaded.vectors().vocabulary().counts()).isEqualTo(vectors.vocabulary().counts());
    LoadedModel first10 = ModelFiles.load(file, 10);
    assertThat(first10.vectors().size()).isEqualTo(10);
    assertThat(first10.vectors().rawVectors())
        .isEqualTo(Arrays.copyOf(vectors.rawVectors(), 10 * vectors.dimension()));
  }

  @Test
  void limitKeepsTheFirstRowsOfBothMatrices() throws IOException {
    TrainedModel original = model(100, 4, null);
    Path file = dir.resolve("l.wvm");
    NativeFormat.write(original, file);
    TrainedModel head = NativeFormat.read(file, 7).trained().orElseThrow();
    assertThat(head.vocabulary().size()).isEqualTo(7);
    assertThat(head.outputVectors()).isEqualTo(Arrays.copyOf(original.outputVectors(), 28));
  }

  @Test
  void aFlippedByteFailsTheChecksum() throws IOException {
    Path file = dir.resolve("c.wvm");
    NativeFormat.write(model(50, 8, null), file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 100] ^= 0x10;
    Files.write(file, bytes);
    assertThatThrownBy(() -> ModelFiles.load(file))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void truncatedAndOverlongFilesAreRejected() throws IOException {
    Path file = dir.resolve("t.wvm");
    NativeFormat.write(model(50, 8, null), file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));
    assertThatThrownBy(() -> NativeFormat.read(file))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining("truncated: the header promises " + bytes.length + " bytes");
    Files.write(file, Arrays.copyOf(bytes, bytes.length + 3));
    assertThatThrownBy(() -> NativeFormat.read(file))
        .hasMessageContaining("3 bytes after the end the header declares");
    Files.write(file, Arrays.copyOf(bytes, 20));
    assertThatThrownBy(() -> NativeFormat.read(file))
        .hasMessageContaining("shorter than the header");
  }

  @Test
  void wrongMagicAndNewerVersionsAreRejected() throws IOException {
    Path file = dir.resolve("x.wvm");
    Files.writeString(file, "3 2\na 1 2\n");
    assertThatThrownBy(() -> NativeFormat.read(file)).hasMessageContaining("bad magic number");
    NativeFormat.write(model(5, 2, null), file);
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 7);
    Files.write(file, bytes);
    assertThatThrownBy(() -> NativeFormat.read(file))
        .hasMessageContaining("format version 7 is not supported");
  }

  @Test
  void nonFiniteValuesAreRejectedNamingTheWord() throws IOException {
    TrainedModel good = model(20, 4, null);
    float[] output = good.outputVectors().clone();
    output[4 * 6 + 2] = Float.POSITIVE_INFINITY;
    TrainedModel bad =
        new TrainedModel(
            good.vocabulary(),
            4,
            good.inputVectors(),
            output,
            good.config(),
            null,
            good.createdAt(),
            Map.of());
    Path file = dir.resolve("inf.wvm");
    NativeFormat.write(bad, file);
    assertThatThrownBy(() -> NativeFormat.read(file))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining(
            "non-finite value Infinity at position 2 of the output vector of word 'w6' (row 6)");
  }

  @Test
  void rewritingAModelReplacesItWholeAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("keep.wvm");
    NativeFormat.write(model(5, 2, null), file);
    byte[] before = Files.readAllBytes(file);
    TrainedModel withSpaceWord = model(5, 2, null);
    // A second successful write replaces the file as a whole.
    NativeFormat.write(withSpaceWord.withEvaluation(Map.of("x", 1.0)), file);
    assertThat(Files.readAllBytes(file)).isNotEqualTo(before);
    assertThat(NativeFormat.read(file).trained().orElseThrow().evaluation())
        .containsEntry("x", 1.0);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }
}
