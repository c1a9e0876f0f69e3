package io.wordvec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.testing.Matrices;
import io.wordvec.train.Architecture;
import io.wordvec.train.CorpusStats;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingConfig;
import io.wordvec.train.TrainingInfo;
import io.wordvec.vectors.QuantizedRows;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
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
        TrainingConfig.builder()
            .architecture(Architecture.CBOW)
            .dimension(dim)
            .sample(1e-5)
            .seed(-42)
            .threads(3)
            .build();
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

  /** Where a version-4 file's sections start, from its header. */
  record Sections(int words, int dim, boolean full, boolean quantized) {
    static Sections of(byte[] file) {
      ByteBuffer header = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
      int flags = header.getInt(FLAGS_AT);
      return new Sections(header.getInt(16), header.getInt(20), (flags & 1) != 0, (flags & 2) != 0);
    }

    int unitRows() {
      return NativeFormat.HEADER_BYTES;
    }

    int norms() {
      return unitRows() + words * dim * Float.BYTES;
    }

    int output() {
      return norms() + words * Float.BYTES;
    }

    int scales() {
      return output() + (full ? words * dim * Float.BYTES : 0);
    }

    int codes() {
      return scales() + words * Float.BYTES;
    }
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
    Matrices.assertWithinRounding(copy.inputVectors(), original.inputVectors(), 13);
    assertThat(copy.outputVectors()).isEqualTo(original.outputVectors());
    assertThat(copy.config()).isEqualTo(original.config());
    assertThat(copy.corpus()).isEqualTo(original.corpus());
    assertThat(copy.createdAt()).isEqualTo(original.createdAt());
    assertThat(copy.evaluation()).isEqualTo(original.evaluation());
    assertThat(Matrices.raw(loaded.vectors())).isEqualTo(copy.inputVectors());
    assertThat(Matrices.unit(loaded.vectors()))
        .as("the unit rows are stored as they were computed")
        .isEqualTo(Matrices.unit(original.wordVectors()));
  }

  @Test
  void aVersionThreeModelStillRoundTripsExactly() throws IOException {
    TrainedModel original = model(257, 13, new CorpusStats("kjv.txt", 5852, 157249, 150000, 2800));
    Path file = dir.resolve("v3.wvm");
    NativeFormat.writeVersion3(original, file);
    assertThat(ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).getInt(8))
        .isEqualTo(3);
    TrainedModel copy = ModelFiles.load(file).trained().orElseThrow();
    assertThat(copy.vocabulary().words()).isEqualTo(original.vocabulary().words());
    assertThat(copy.inputVectors()).isEqualTo(original.inputVectors());
    assertThat(copy.outputVectors()).isEqualTo(original.outputVectors());
    assertThat(copy.info()).isEqualTo(original.info());
    LoadedModel served = ModelFiles.loadForServing(file);
    assertThat(served.vectors().isMapped()).as("older files are read into the heap").isFalse();
    assertThat(Matrices.raw(served.vectors())).isEqualTo(original.inputVectors());
    assertThat(served.training()).contains(original.info());
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
    assertThat(loaded.vectors().vocabulary().words()).isEqualTo(vectors.vocabulary().words());
    assertThat(Matrices.unit(loaded.vectors())).isEqualTo(Matrices.unit(vectors));
    Matrices.assertWithinRounding(Matrices.raw(loaded.vectors()), Matrices.raw(vectors), 7);
    assertThat(loaded.vectors().vocabulary().counts()).isEqualTo(vectors.vocabulary().counts());
    LoadedModel first10 = ModelFiles.load(file, 10);
    assertThat(first10.vectors().size()).isEqualTo(10);
    assertThat(Matrices.raw(first10.vectors()))
        .isEqualTo(Arrays.copyOf(Matrices.raw(loaded.vectors()), 10 * vectors.dimension()));
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
  void readingForServingLeavesTheOutputMatrixInTheFileAndKeepsTheTrainingInfo() throws IOException {
    TrainedModel original = model(257, 13, new CorpusStats("kjv.txt", 5852, 157249, 150000, 2800));
    Path file = dir.resolve("serve.wvm");
    ModelFiles.save(original, file);

    for (LoadedModel served :
        List.of(NativeFormat.read(file, 0, false), ModelFiles.loadForServing(file))) {
      assertThat(served.format()).isEqualTo(VectorFormat.NATIVE);
      assertThat(served.trained()).as("no output matrix was loaded").isEmpty();
      Matrices.assertWithinRounding(Matrices.raw(served.vectors()), original.inputVectors(), 13);
      assertThat(served.vectors().vocabulary().counts()).isEqualTo(original.vocabulary().counts());
      TrainingInfo info = served.training().orElseThrow();
      assertThat(info).isEqualTo(original.info());
      assertThat(info.config()).isEqualTo(original.config());
      assertThat(info.corpus()).isEqualTo(original.corpus());
      assertThat(info.createdAt()).isEqualTo(original.createdAt());
      assertThat(info.evaluation()).isEqualTo(original.evaluation());
    }
    LoadedModel full = ModelFiles.load(file);
    assertThat(full.trained().orElseThrow().outputVectors()).isEqualTo(original.outputVectors());
    assertThat(full.training()).contains(original.info());
  }

  @Test
  void aFlippedByteInTheOutputSectionFailsTheChecksumOfAReadForServing() throws IOException {
    Path file = dir.resolve("co.wvm");
    NativeFormat.writeVersion3(model(50, 8, null), file);
    byte[] bytes = Files.readAllBytes(file);
    // The output matrix is the file's last 50 x 8 floats (1,600 bytes): no 8-bit rows this small.
    int outputStart = bytes.length - 50 * 8 * Float.BYTES;
    bytes[outputStart + 777] ^= 0x10;
    Files.write(file, bytes);
    assertThatThrownBy(() -> ModelFiles.loadForServing(file))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("checksum mismatch");
    assertThatThrownBy(() -> NativeFormat.read(file, 10, false))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void aFlippedByteInAMappedFileFailsItsVerificationAndAWholeRead() throws IOException {
    Path file = dir.resolve("cm.wvm");
    NativeFormat.write(model(50, 8, null), file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[Sections.of(bytes).output() + 777] ^= 0x10;
    Files.write(file, bytes);
    // Mapping checks the header, the vocabulary's checksum and a sample of rows, not every byte.
    LoadedModel served = ModelFiles.loadForServing(file);
    assertThat(served.vectors().isMapped()).isTrue();
    assertThatThrownBy(() -> ModelFiles.verify(served))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("checksum mismatch");
    assertThatThrownBy(() -> NativeFormat.read(file, 10, false))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void aFlippedByteInTheVocabularyFailsAMappedLoad() throws IOException {
    Path file = dir.resolve("cv.wvm");
    NativeFormat.write(model(50, 8, null), file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 3] ^= 0x10;
    Files.write(file, bytes);
    assertThatThrownBy(() -> ModelFiles.loadForServing(file))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void aLimitedReadForServingKeepsTheFirstRowsAndTheTrainingInfo() throws IOException {
    TrainedModel original = model(100, 4, null);
    Path file = dir.resolve("ls.wvm");
    NativeFormat.write(original, file);
    LoadedModel head = NativeFormat.read(file, 7, false);
    assertThat(head.vectors().size()).isEqualTo(7);
    Matrices.assertWithinRounding(
        Matrices.raw(head.vectors()), Arrays.copyOf(original.inputVectors(), 28), 4);
    assertThat(head.trained()).isEmpty();
    assertThat(head.training()).contains(original.info());
  }

  @Test
  void aReadForServingFindsTheEightBitRowsAfterTheOutputMatrixItSkips() throws IOException {
    TrainedModel original = model(1_100, 240, null);
    WordVectors expected = original.wordVectors();
    Path file = dir.resolve("big-serve.wvm");
    NativeFormat.write(original, file);
    LoadedModel served = NativeFormat.read(file, 0, false);
    assertThat(served.trained()).isEmpty();
    QuantizedRows codes = assertSameEightBitRows(served.vectors(), expected);
    assertThat(NativeFormat.read(file, 10, false).vectors().quantizedRows().orElseThrow().codes())
        .isEqualTo(Arrays.copyOf(codes.codes(), (int) QuantizedRows.codeCount(10, 240)));
  }

  @Test
  void aVectorsOnlyFileHasNoTrainingInfo() throws IOException {
    Path file = dir.resolve("plain.wvm");
    NativeFormat.write(Word2VecFormatTests.awkward(), file);
    LoadedModel served = ModelFiles.loadForServing(file);
    assertThat(served.training()).isEmpty();
    assertThat(served.trained()).isEmpty();
  }

  @Test
  void aLoadedModelWithoutOutputKeepsItsVectorsAndTrainingInfo() throws IOException {
    TrainedModel original = model(20, 4, null);
    Path file = dir.resolve("strip.wvm");
    NativeFormat.write(original, file);
    LoadedModel full = ModelFiles.load(file);
    LoadedModel stripped = full.withoutOutput();
    assertThat(stripped.trained()).isEmpty();
    assertThat(stripped.training()).isEqualTo(full.training()).contains(original.info());
    assertThat(stripped.vectors()).isSameAs(full.vectors());
    assertThat(stripped.withoutOutput()).isSameAs(stripped);
    assertThatThrownBy(
            () ->
                new LoadedModel(
                    file,
                    VectorFormat.NATIVE,
                    full.vectors(),
                    full.trained().orElseThrow(),
                    original.withEvaluation(Map.of("other", 1.0)).info()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not the trained model's");
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
    Files.write(file, new byte[] {(byte) 0x89, 'W', 'V'});
    assertThatThrownBy(() -> NativeFormat.read(file))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining("bad magic number");
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

  /** Asserts that both have the same 8-bit rows, codes and scales; returns the actual ones. */
  private static QuantizedRows assertSameEightBitRows(WordVectors actual, WordVectors expected) {
    QuantizedRows rows = actual.quantizedRows().orElseThrow();
    assertThat(rows.codes()).isEqualTo(expected.quantizedRows().orElseThrow().codes());
    assertThat(rows.scales()).isEqualTo(expected.quantizedRows().orElseThrow().scales());
    return rows;
  }

  /** Changes a file's bytes and writes a matching checksum, as a buggy writer would. */
  private static void rewriteWithValidChecksum(Path file, Consumer<ByteBuffer> change)
      throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    change.accept(bytes);
    CRC32C crc = new CRC32C();
    crc.update(
        bytes.array(), NativeFormat.HEADER_BYTES, bytes.capacity() - NativeFormat.HEADER_BYTES);
    bytes.putInt(CRC_AT, (int) crc.getValue());
    Files.write(file, bytes.array());
  }

  private static final int FLAGS_AT = 12;
  private static final int CONTENT_BYTES_AT = 40;
  private static final int CRC_AT = 48;

  @Test
  void largeModelsStoreTheirEightBitRowsAndLoadThemBack() throws IOException {
    // 1,100 x 240 floats: big enough for an 8-bit copy of the unit rows.
    TrainedModel original = model(1_100, 240, null);
    WordVectors expected = original.wordVectors();
    Path file = dir.resolve("big.wvm");
    NativeFormat.write(original, file);
    ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(header.getInt(8)).isEqualTo(NativeFormat.VERSION);
    assertThat(header.getInt(FLAGS_AT)).isEqualTo(3);
    LoadedModel loaded = NativeFormat.read(file);
    QuantizedRows codes = assertSameEightBitRows(loaded.vectors(), expected);
    assertThat(Matrices.unit(loaded.vectors())).isEqualTo(Matrices.unit(expected));
    assertThat(loaded.trained().orElseThrow().outputVectors()).isEqualTo(original.outputVectors());
    for (String word : List.of("w0", "größe", "w640", "w1099")) {
      assertThat(loaded.vectors().mostSimilar(List.of(word), List.of(), 10, 0))
          .isEqualTo(expected.mostSimilar(List.of(word), List.of(), 10, 0));
    }

    LoadedModel head = NativeFormat.read(file, 10);
    QuantizedRows headCodes = head.vectors().quantizedRows().orElseThrow();
    assertThat(headCodes.rows()).isEqualTo(10);
    // Ten rows take one whole block of sixteen.
    assertThat(headCodes.codes()).isEqualTo(Arrays.copyOf(codes.codes(), 16 * 240));

    Path vectorsOnly = dir.resolve("big-vectors.wvm");
    NativeFormat.write(expected, vectorsOnly);
    assertThat(NativeFormat.read(vectorsOnly).vectors().quantizedRows().orElseThrow().codes())
        .isEqualTo(codes.codes());
  }

  @Test
  void versionTwoFilesWithRowAfterRowCodesStillLoad() throws IOException {
    TrainedModel original = model(1_100, 240, null);
    WordVectors expected = original.wordVectors();
    Path file = dir.resolve("v2.wvm");
    NativeFormat.writeVersion3(original, file);
    // Rewrite as version 2 wrote it: the codes one row after another, without padding rows.
    byte[] v3 = Files.readAllBytes(file);
    int blockedBytes = (int) QuantizedRows.codeCount(1_100, 240);
    int codesAt = v3.length - blockedBytes;
    ByteBuffer v2 = ByteBuffer.allocate(codesAt + 1_100 * 240).order(ByteOrder.LITTLE_ENDIAN);
    v2.put(v3, 0, codesAt);
    for (int r = 0; r < 1_100; r++) {
      for (int j = 0; j < 240; j++) {
        v2.put(v3[codesAt + ((r / 16) * 240 + j) * 16 + r % 16]);
      }
    }
    v2.putInt(8, 2);
    v2.putLong(CONTENT_BYTES_AT, v2.capacity() - NativeFormat.HEADER_BYTES);
    Files.write(file, v2.array());
    rewriteWithValidChecksum(file, bytes -> {});

    LoadedModel loaded = NativeFormat.read(file);
    QuantizedRows codes = assertSameEightBitRows(loaded.vectors(), expected);
    assertThat(loaded.vectors().mostSimilar(List.of("w640"), List.of(), 10, 0))
        .isEqualTo(expected.mostSimilar(List.of("w640"), List.of(), 10, 0));
    // The first ten rows of either version; only the padding of the last block differs.
    Path v3file = dir.resolve("v3.wvm");
    NativeFormat.writeVersion3(original, v3file);
    WordVectors head = NativeFormat.read(file, 10).vectors();
    WordVectors v3head = NativeFormat.read(v3file, 10).vectors();
    assertThat(head.quantizedRows().orElseThrow().scales())
        .isEqualTo(v3head.quantizedRows().orElseThrow().scales());
    assertThat(head.mostSimilar(List.of("w3"), List.of(), 5, 0))
        .isEqualTo(v3head.mostSimilar(List.of("w3"), List.of(), 5, 0));
  }

  @Test
  void writingWithTheModelsOwnVectorsGivesTheSameFile() throws IOException {
    TrainedModel model = model(1_100, 240, null);
    Path built = dir.resolve("built.wvm");
    Path reused = dir.resolve("reused.wvm");
    NativeFormat.write(model, built);
    NativeFormat.write(model, model.wordVectors(), reused);
    assertThat(Files.readAllBytes(reused)).isEqualTo(Files.readAllBytes(built));
    WordVectors other = model(1_100, 240, null).wordVectors();
    assertThatThrownBy(() -> NativeFormat.write(model, other, dir.resolve("x.wvm")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not this model's");
  }

  @Test
  void storedEightBitRowsThatDoNotMatchTheVectorsAreRejected() throws IOException {
    Path file = dir.resolve("mismatch.wvm");
    NativeFormat.write(model(1_100, 240, null), file);
    // The last block of codes holds rows 1088 to 1103 (the last four only padding): flip the
    // sign of the first code of row 1099.
    int lastBlock = Sections.of(Files.readAllBytes(file)).codes() + 68 * 16 * 240;
    rewriteWithValidChecksum(
        file,
        bytes -> {
          int at = lastBlock + 11;
          bytes.put(at, (byte) (bytes.get(at) == 0 ? 100 : -bytes.get(at)));
        });
    assertThatThrownBy(() -> NativeFormat.read(file))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining(
            "the stored 8-bit rows do not match the vectors (row 1099, position 0)");
    assertThatThrownBy(() -> NativeFormat.map(file, 0))
        .as("the mapped load checks the last row among its sample")
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining(
            "the stored 8-bit rows do not match the vectors (row 1099, position 0)");
  }

  @Test
  void aNonFiniteInputValueIsRejectedNamingTheWord() throws IOException {
    TrainedModel original = model(20, 4, null);
    Path file = dir.resolve("nan.wvm");
    NativeFormat.write(original, file);
    // Unit row 3 starts 3 x 4 floats after the header.
    rewriteWithValidChecksum(
        file, bytes -> bytes.putFloat(NativeFormat.HEADER_BYTES + (3 * 4 + 1) * 4, Float.NaN));
    assertThatThrownBy(() -> NativeFormat.read(file))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining(
            "non-finite value NaN at position 1 of the vector of word 'w3' (row 3)");
    assertThatThrownBy(() -> NativeFormat.map(file, 0))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining(
            "non-finite value NaN at position 1 of the vector of word 'w3' (row 3)");
  }

  @Test
  void aCorruptFileIsReportedAsCorruptEvenWhenItsVectorsAlsoLookWrong() throws IOException {
    Path file = dir.resolve("nan-no-crc.wvm");
    NativeFormat.write(model(20, 4, null), file);
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer.wrap(bytes)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putFloat(NativeFormat.HEADER_BYTES + (3 * 4 + 1) * 4, Float.NaN);
    Files.write(file, bytes);
    assertThatThrownBy(() -> NativeFormat.read(file))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void versionOneFilesLoadAndCannotClaimEightBitRows() throws IOException {
    TrainedModel original = model(30, 5, null);
    Path file = dir.resolve("v1.wvm");
    NativeFormat.writeVersion3(original, file);
    // A version-1 file is a version-2 file without the 8-bit rows (and the header is not
    // checksummed).
    rewriteWithValidChecksum(file, bytes -> bytes.putInt(8, 1));
    LoadedModel loaded = NativeFormat.read(file);
    assertThat(Matrices.raw(loaded.vectors())).isEqualTo(original.inputVectors());
    assertThat(loaded.trained().orElseThrow().outputVectors()).isEqualTo(original.outputVectors());
    rewriteWithValidChecksum(file, bytes -> bytes.putInt(FLAGS_AT, 3));
    assertThatThrownBy(() -> NativeFormat.read(file))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining("corrupt header: unknown flags 3 for format version 1");
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
