package io.wordvec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.vectors.NgramVectors;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.CharNgrams;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fastText {@code .bin} parity: the fixture in {@code src/test/resources/fasttext} was trained by
 * fastText 0.9.2 with {@code -minn 3 -maxn 6 -dim 10 -bucket 1000}, and its {@code
 * print-word-vectors} and {@code print-ngrams} answers were saved beside it (make-fixture.sh).
 */
class FastTextBinaryTests {

  /** Words of the fixture's vectors file that the model was trained on; the others it never saw. */
  private static final List<String> KNOWN =
      List.of("the", "king", "hamlet", "café", "naïve", "москва", "東京");

  @TempDir Path dir;

  static Path fixture(String name) throws Exception {
    return Path.of(FastTextBinaryTests.class.getClassLoader().getResource(name).toURI());
  }

  /** fastText prints 5 significant digits: 1e-5, or half a unit of the fifth digit if larger. */
  static void assertClose(String what, float[] actual, float[] expected) {
    assertThat(actual).as(what).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      double e = expected[i];
      double printed = e == 0 ? 0 : 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(e))) - 4);
      double tolerance = Math.max(1e-5, printed * 1.0001);
      assertThat((double) actual[i]).as(what + "[" + i + "]").isCloseTo(e, within(tolerance));
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double tolerance) {
    return org.assertj.core.data.Offset.offset(tolerance);
  }

  /** {@code print-word-vectors} output: word → vector. */
  static Map<String, float[]> printedVectors(Path file) throws IOException {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] parts = line.trim().split(" ");
      float[] v = new float[parts.length - 1];
      for (int i = 1; i < parts.length; i++) {
        v[i - 1] = Float.parseFloat(parts[i]);
      }
      out.put(parts[0], v);
    }
    return out;
  }

  @Test
  void aFastTextBinIsToldFromAWord2VecBinByItsContent() throws Exception {
    assertThat(ModelFiles.detect(fixture("fasttext/tiny.bin")))
        .isEqualTo(VectorFormat.FASTTEXT_BIN);
    Path unnamed = Files.copy(fixture("fasttext/tiny.bin"), dir.resolve("model"));
    assertThat(ModelFiles.detect(unnamed)).isEqualTo(VectorFormat.FASTTEXT_BIN);
  }

  @Test
  void knownAndUnknownWordsMatchPrintWordVectors() throws Exception {
    LoadedModel model = ModelFiles.load(fixture("fasttext/tiny.bin"));
    WordVectors vectors = model.vectors();
    assertThat(model.format()).isEqualTo(VectorFormat.FASTTEXT_BIN);
    assertThat(vectors.dimension()).isEqualTo(10);
    assertThat(vectors.subwords()).isPresent();
    assertThat(vectors.subwords().get().ngrams()).isEqualTo(new CharNgrams(3, 6, 1000));
    assertThat(vectors.vocabulary().word(0)).isEqualTo("</s>");
    assertParity(vectors);
  }

  private static void assertParity(WordVectors vectors) throws Exception {
    Map<String, float[]> expected = printedVectors(fixture("fasttext/word-vectors.txt"));
    assertThat(expected).hasSize(16);
    for (Map.Entry<String, float[]> entry : expected.entrySet()) {
      String word = entry.getKey();
      boolean known = KNOWN.contains(word);
      assertThat(vectors.vocabulary().contains(word)).as(word + " known").isEqualTo(known);
      float[] actual =
          known ? vectors.vector(word, false) : vectors.ngramVector(word).orElseThrow();
      assertClose(word, actual, entry.getValue());
    }
  }

  @Test
  void eachNgramRowIsWhereFastTextsHashPutsIt() throws Exception {
    WordVectors vectors = ModelFiles.load(fixture("fasttext/tiny.bin")).vectors();
    NgramVectors ngrams = vectors.subwords().orElseThrow();
    List<String> lines = Files.readAllLines(fixture("fasttext/ngrams.txt"), StandardCharsets.UTF_8);
    String word = null;
    int checked = 0;
    float[] row = new float[10];
    for (String line : lines) {
      if (line.startsWith("# ")) {
        word = line.substring(2);
        continue;
      }
      String[] parts = line.trim().split(" ");
      if (parts[0].equals(word)) {
        continue; // a known word's own row
      }
      float[] printed = new float[10];
      for (int i = 0; i < 10; i++) {
        printed[i] = Float.parseFloat(parts[i + 1]);
      }
      int bucket = Integer.remainderUnsigned(CharNgrams.hash(parts[0]), 1000);
      ngrams.copyRows(bucket, 1, row, 0);
      assertClose(word + " " + parts[0], row, printed);
      checked++;
    }
    assertThat(checked).isGreaterThan(50);
  }

  @Test
  void convertedToNativeTheNgramRowsAreKeptAndAnswerTheSame() throws Exception {
    Path wvm = dir.resolve("tiny.wvm");
    ModelFiles.Conversion done =
        ModelFiles.convert(fixture("fasttext/tiny.bin"), wvm, VectorFormat.NATIVE, 0);
    assertThat(done.from()).isEqualTo(VectorFormat.FASTTEXT_BIN);
    try (var channel = java.nio.channels.FileChannel.open(wvm)) {
      NativeHeader header = NativeHeader.read(wvm, channel);
      assertThat(header.version()).isEqualTo(NativeFormat.NEWEST_VERSION);
      assertThat(header.subwords()).isTrue();
    }
    WordVectors mapped = ModelFiles.loadForServing(wvm).vectors();
    assertThat(mapped.isMapped()).isTrue();
    assertThat(mapped.subwords().orElseThrow().isMapped()).isTrue();
    assertParity(mapped);
    WordVectors read = NativeFormat.read(wvm).vectors();
    assertThat(read.subwords().orElseThrow().isMapped()).isFalse();
    assertParity(read);
    assertThat(read.ngramVector("kingly").orElseThrow())
        .containsExactly(mapped.ngramVector("kingly").orElseThrow());
  }

  @Test
  void vectorsWithoutNgramsAreStillWrittenAsVersion4() throws Exception {
    WordVectors plain = Word2VecFormatTests.awkward();
    Path wvm = dir.resolve("plain.wvm");
    NativeFormat.write(plain, wvm);
    try (var channel = java.nio.channels.FileChannel.open(wvm)) {
      assertThat(NativeHeader.read(wvm, channel).version()).isEqualTo(4);
    }
    assertThat(ModelFiles.loadForServing(wvm).vectors().subwords()).isEmpty();
  }

  @Test
  void aLimitKeepsTheFirstWordsAndEveryNgramRow() throws Exception {
    WordVectors vectors = ModelFiles.load(fixture("fasttext/tiny.bin"), 5).vectors();
    assertThat(vectors.size()).isEqualTo(5);
    assertThat(vectors.ngramVector("hamlet")).isPresent();
  }

  @Test
  void aQuantisedModelIsRefusedWithAClearMessage() throws Exception {
    byte[] bytes = Files.readAllBytes(fixture("fasttext/tiny.bin"));
    bytes[quantFlagOffset(bytes)] = 1;
    Path ftz = Files.write(dir.resolve("tiny.ftz.bin"), bytes);
    assertThatThrownBy(() -> ModelFiles.load(ftz))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining("quantised fastText model (.ftz)");
  }

  @Test
  void truncatedOrLyingFilesAreRefusedBeforeAnythingBigIsAllocated() throws Exception {
    byte[] bytes = Files.readAllBytes(fixture("fasttext/tiny.bin"));
    Path cut = Files.write(dir.resolve("cut.bin"), Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> ModelFiles.load(cut))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining("truncated");
    Path header = Files.write(dir.resolve("header.bin"), Arrays.copyOf(bytes, 70));
    assertThatThrownBy(() -> ModelFiles.load(header))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining("truncated");
    byte[] lying = bytes.clone();
    ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putInt(64, Integer.MAX_VALUE);
    Path big = Files.write(dir.resolve("lying.bin"), lying);
    assertThatThrownBy(() -> ModelFiles.load(big))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining("corrupt dictionary");
    byte[] version = bytes.clone();
    version[4] = 13;
    Path newer = Files.write(dir.resolve("newer.bin"), version);
    assertThatThrownBy(() -> ModelFiles.load(newer))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining("version 13 is not supported");
  }

  @Test
  void fastTextBinIsNotAnOutputFormat() throws Exception {
    WordVectors vectors = ModelFiles.load(fixture("fasttext/tiny.bin")).vectors();
    assertThatThrownBy(
            () -> ModelFiles.save(vectors, dir.resolve("x.bin"), VectorFormat.FASTTEXT_BIN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not write");
  }

  /** Where the quantisation flag of the input matrix is: after the header and the dictionary. */
  private static int quantFlagOffset(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int size = in.getInt(64);
    int at = 64 + 4 + 4 + 4 + 8 + 8;
    for (int i = 0; i < size; i++) {
      while (bytes[at] != 0) {
        at++;
      }
      at += 1 + 8 + 1;
    }
    return at;
  }
}
