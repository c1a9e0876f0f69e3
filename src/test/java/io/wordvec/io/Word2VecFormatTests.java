package io.wordvec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.testing.Matrices;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Word2VecFormatTests {

  @TempDir Path dir;

  static Path resource(String name) {
    try {
      return Path.of(Word2VecFormatTests.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Random vectors with awkward values: tiny, huge, negative zero, non-ASCII words. */
  static WordVectors awkward() {
    SplittableRandom random = new SplittableRandom(9);
    int n = 300;
    int dim = 7;
    String[] words = new String[n];
    long[] counts = new long[n];
    float[] data = new float[n * dim];
    for (int i = 0; i < n; i++) {
      words[i] =
          switch (i) {
            case 0 -> "é";
            case 1 -> "日本語";
            case 2 -> "naïve-ü";
            default -> "w" + i;
          };
      counts[i] = n - i;
    }
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-30, 30)));
    }
    data[3] = -0f;
    data[4] = Float.MIN_VALUE;
    data[5] = Float.MAX_VALUE;
    return new WordVectors(new Vocabulary(words, counts), dim, data);
  }

  static void assertSame(WordVectors actual, WordVectors expected) {
    assertThat(actual.vocabulary().words()).isEqualTo(expected.vocabulary().words());
    assertThat(actual.dimension()).isEqualTo(expected.dimension());
    int[] a = bits(Matrices.raw(actual));
    int[] e = bits(Matrices.raw(expected));
    assertThat(Arrays.equals(a, e)).as("bit-identical vectors").isTrue();
  }

  private static int[] bits(float[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Float.floatToRawIntBits(values[i]);
    }
    return out;
  }

  @Test
  void textRoundTripIsLossless() throws IOException {
    WordVectors original = awkward();
    Path file = dir.resolve("v.txt");
    Word2VecFormat.writeText(original, file);
    assertSame(Word2VecFormat.readText(file), original);
  }

  @Test
  void binaryRoundTripIsLossless() throws IOException {
    WordVectors original = awkward();
    Path file = dir.resolve("v.bin");
    Word2VecFormat.writeBinary(original, file);
    assertSame(Word2VecFormat.readBinary(file), original);
    assertThat(Files.size(file))
        .isEqualTo(
            "300 7\n".length()
                + original.vocabulary().words().stream()
                    .mapToLong(w -> w.getBytes(StandardCharsets.UTF_8).length + 2L)
                    .sum()
                + 300L * 7 * 4);
  }

  @Test
  void gensimTextAndBinaryFilesLoadToTheSameVectors() throws IOException {
    WordVectors text = Word2VecFormat.readText(resource("gensim/kjv50.txt"));
    WordVectors binary = Word2VecFormat.readBinary(resource("gensim/kjv50.bin"));
    assertThat(text.size()).isEqualTo(2449);
    assertThat(text.dimension()).isEqualTo(50);
    // gensim writes repr() of each float32 in text: it reads back exactly
    assertSame(binary, text);
    assertThat(text.vocabulary().word(0)).isEqualTo("the");
    assertThat(text.vocabulary().count(0)).isEqualTo(2449);
    assertThat(text.vocabulary().count(2448)).isEqualTo(1);
  }

  @Test
  void fastTextVecLoads() throws IOException {
    WordVectors vec = Word2VecFormat.readText(resource("gensim/hamlet-fasttext.vec"));
    assertThat(vec.dimension()).isEqualTo(20);
    assertThat(vec.vocabulary().contains("hamlet")).isTrue();
    assertThat(vec.vocabulary().word(0)).isEqualTo("</s>");
  }

  @Test
  void limitReadsOnlyTheFirstWords() throws IOException {
    WordVectors full = Word2VecFormat.readBinary(resource("gensim/kjv50.bin"));
    WordVectors text = Word2VecFormat.readText(resource("gensim/kjv50.txt"), 100);
    WordVectors binary = Word2VecFormat.readBinary(resource("gensim/kjv50.bin"), 100);
    assertThat(text.size()).isEqualTo(100);
    assertSame(binary, text);
    assertThat(binary.vocabulary().words()).isEqualTo(full.vocabulary().words().subList(0, 100));
  }

  @Test
  void binaryToleratesNewlinesBetweenRecordsOrNone() throws IOException {
    float[] a = {1, 2};
    float[] b = {3, 4};
    byte[] withNewlines = binaryFile("2 2\n", "a", a, "\n", "b", b, "\n");
    byte[] withoutNewlines = binaryFile("2 2\n", "a", a, "", "b", b, "");
    byte[] crlfHeader = binaryFile("2 2\r\n", "a", a, "\r\n", "b", b, "");
    for (byte[] content : new byte[][] {withNewlines, withoutNewlines, crlfHeader}) {
      Path file = Files.write(dir.resolve("nl.bin"), content);
      WordVectors v = Word2VecFormat.readBinary(file);
      assertThat(v.vocabulary().words()).containsExactly("a", "b");
      assertThat(Matrices.raw(v)).containsExactly(1, 2, 3, 4);
    }
  }

  private static byte[] binaryFile(Object... parts) {
    ByteBuffer buf = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < parts.length; i++) {
      Object p = parts[i];
      if (p instanceof float[] floats) {
        for (float f : floats) {
          buf.putFloat(f);
        }
      } else {
        String s = (String) p;
        buf.put(s.getBytes(StandardCharsets.UTF_8));
        if (i > 0 && i + 1 < parts.length && parts[i + 1] instanceof float[]) {
          buf.put((byte) ' ');
        }
      }
    }
    return Arrays.copyOf(buf.array(), buf.position());
  }

  @Test
  void textToleratesCrlfTrailingBlanksTabsAndBlankLines() throws IOException {
    Path file = Files.writeString(dir.resolve("v.txt"), "2 3\r\nx 1 2 3 \r\n\ny\t4\t5  6\t\r\n");
    WordVectors v = Word2VecFormat.readText(file);
    assertThat(v.vocabulary().words()).containsExactly("x", "y");
    assertThat(Matrices.raw(v)).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void duplicateWordsKeepTheirFirstVector() throws IOException {
    Path file = Files.writeString(dir.resolve("d.txt"), "3 1\na 1\nb 2\na 3\n");
    WordVectors v = Word2VecFormat.readText(file);
    assertThat(v.vocabulary().words()).containsExactly("a", "b");
    assertThat(Matrices.raw(v)).containsExactly(1, 2);
  }

  @Test
  void truncatedFilesAreRejectedNamingTheFile() throws IOException {
    Path text = Files.writeString(dir.resolve("t.txt"), "3 2\na 1 2\nb 3 4\n");
    assertThatThrownBy(() -> Word2VecFormat.readText(text))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageStartingWith(text.toString())
        .hasMessageContaining("header declares 3 words but the file ends after 2");
    Path bin = dir.resolve("t.bin");
    Word2VecFormat.writeBinary(awkward(), bin);
    byte[] content = Files.readAllBytes(bin);
    Files.write(bin, Arrays.copyOf(content, content.length - 10));
    assertThatThrownBy(() -> Word2VecFormat.readBinary(bin))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageStartingWith(bin.toString())
        .hasMessageContaining("truncated")
        .hasMessageContaining("ends after 299");
  }

  @Test
  void malformedContentIsRejectedWithTheLineAndNeverQuoted() throws IOException {
    Path badHeader = Files.writeString(dir.resolve("h.txt"), "password=hunter2 again\n");
    assertThatThrownBy(() -> Word2VecFormat.readText(badHeader))
        .hasMessageContaining(
            "the first line must be '<count> <dimension>'; it holds 22 characters of other text")
        .hasMessageNotContaining("hunter2");
    Path binaryHeader = Files.write(dir.resolve("b.bin"), new byte[] {1, 2, 'k', 'e', 'y', '\n'});
    assertThatThrownBy(() -> Word2VecFormat.readBinary(binaryHeader))
        .hasMessageContaining("it holds 5 characters of binary data")
        .hasMessageNotContaining("key");
    Path shortLine = Files.writeString(dir.resolve("s.txt"), "2 3\na 1 2 3\nsecret 1 2\n");
    assertThatThrownBy(() -> Word2VecFormat.readText(shortLine))
        .hasMessageContaining("line 3: expected 3 values, found 2")
        .hasMessageNotContaining("secret");
    Path notNumber = Files.writeString(dir.resolve("n.txt"), "1 2\na 1 x2\n");
    assertThatThrownBy(() -> Word2VecFormat.readText(notNumber))
        .hasMessageContaining("line 2: value 2 is not a number")
        .hasMessageNotContaining("x2");
  }

  @Test
  void nonFiniteValuesAreRejectedWithTheRow() throws IOException {
    Path text = Files.writeString(dir.resolve("nan.txt"), "2 2\na 1 2\nb nan 4\n");
    assertThatThrownBy(() -> Word2VecFormat.readText(text))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining("line 3: value 1 is not finite");
    Path bin =
        Files.write(
            dir.resolve("nan.bin"),
            binaryFile("2 2\n", "a", new float[] {1, 2}, "\n", "b", new float[] {Float.NaN, 1}));
    assertThatThrownBy(() -> Word2VecFormat.readBinary(bin))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining("non-finite value NaN at position 0 of the vector of row 1 (byte");
  }

  @Test
  void wordsWithBlanksCannotBeWritten() {
    WordVectors v =
        new WordVectors(new Vocabulary(new String[] {"new york"}, new long[] {1}), 1, new float[1]);
    assertThatThrownBy(() -> Word2VecFormat.writeText(v, dir.resolve("x.txt")))
        .hasMessageContaining("'new york' contains a space");
    assertThat(dir.resolve("x.txt")).doesNotExist();
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = Files.writeString(dir.resolve("keep.txt"), "old");
    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    file,
                    out -> {
                      out.write(1);
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(file).hasContent("old");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }
}
