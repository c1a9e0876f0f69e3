package io.wordvec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wordvec.testing.Matrices;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are big, compressed, or lie about their size: word2vec files are streamed, never
 * trusted for an allocation, and a file that cannot fit is refused before anything is read.
 */
class BigFileTests {

  @TempDir Path dir;

  @Test
  void gzipCompressedTextAndBinaryFilesReadAsThePlainOnes() throws IOException {
    WordVectors vectors = Word2VecFormatTests.awkward();
    Path txt = dir.resolve("v.txt.gz");
    Path bin = dir.resolve("v.bin.gz");
    Word2VecFormat.writeText(vectors, txt);
    Word2VecFormat.writeBinary(vectors, bin);
    assertThat(Word2VecReader.isGzip(txt)).isTrue();
    assertThat(ModelFiles.detect(txt)).isEqualTo(VectorFormat.WORD2VEC_TEXT);
    assertThat(ModelFiles.detect(bin)).isEqualTo(VectorFormat.WORD2VEC_BINARY);
    Word2VecFormatTests.assertSame(ModelFiles.load(txt).vectors(), vectors);
    Word2VecFormatTests.assertSame(ModelFiles.load(bin).vectors(), vectors);
    // Without a telling name, the content decides, once decompressed.
    Path unnamed = Files.copy(bin, dir.resolve("vectors-download"));
    assertThat(ModelFiles.detect(unnamed)).isEqualTo(VectorFormat.WORD2VEC_BINARY);
    Word2VecFormatTests.assertSame(ModelFiles.load(unnamed).vectors(), vectors);
    Path unnamedText = Files.copy(txt, dir.resolve("vectors-text"));
    assertThat(ModelFiles.detect(unnamedText)).isEqualTo(VectorFormat.WORD2VEC_TEXT);
  }

  @Test
  void compressedNamesKeepTheirFormatAndModelName() {
    assertThat(VectorFormat.fromExtension(Path.of("news.bin.gz")))
        .contains(VectorFormat.WORD2VEC_BINARY);
    assertThat(VectorFormat.fromExtension(Path.of("news.TXT.GZ")))
        .contains(VectorFormat.WORD2VEC_TEXT);
    assertThat(VectorFormat.fromExtension(Path.of("crawl.vec.gz")))
        .contains(VectorFormat.FASTTEXT_VEC);
    assertThat(VectorFormat.fromExtension(Path.of("model.wvm.gz")))
        .as("a model file is mapped, never compressed")
        .isEmpty();
    assertThat(VectorFormat.baseName(Path.of("news.bin.gz"))).isEqualTo("news");
    assertThat(VectorFormat.baseName(Path.of("news.wvm"))).isEqualTo("news");
  }

  @Test
  void convertingToNativeStreamsTheSameFileTheHeapWouldWrite() throws IOException {
    WordVectors vectors = MappedModelTests.random(1_100, 240, 3, false);
    Path bin = dir.resolve("v.bin");
    Word2VecFormat.writeBinary(vectors, bin);
    Path expected = dir.resolve("expected.wvm");
    NativeFormat.write(Word2VecFormat.readBinary(bin), expected);
    for (String input : new String[] {"v.bin", "v.bin.gz", "v.txt", "v.txt.gz"}) {
      Path in = dir.resolve(input);
      if (input.contains(".txt")) {
        Word2VecFormat.writeText(vectors, in);
      } else if (!input.equals("v.bin")) {
        Word2VecFormat.writeBinary(vectors, in);
      }
      Path out = dir.resolve(input + ".wvm");
      ModelFiles.Conversion done = ModelFiles.convert(in, out, VectorFormat.NATIVE, 0);
      assertThat(done.words()).isEqualTo(1_100);
      assertThat(done.dimension()).isEqualTo(240);
      assertThat(Files.readAllBytes(out)).as(input).isEqualTo(Files.readAllBytes(expected));
    }
    Path head = dir.resolve("head.wvm");
    ModelFiles.convert(bin, head, VectorFormat.NATIVE, 10);
    WordVectors first10 = ModelFiles.loadForServing(head).vectors();
    assertThat(first10.size()).isEqualTo(10);
    assertThat(Matrices.unit(first10)).isEqualTo(Arrays.copyOf(Matrices.unit(vectors), 10 * 240));
  }

  @Test
  void convertingKeepsTheFirstVectorOfARepeatedWordAsLoadingDoes() throws IOException {
    Path txt = Files.writeString(dir.resolve("d.txt"), "3 2\na 1 0\nb 0 2\na 3 3\n");
    Path wvm = dir.resolve("d.wvm");
    assertThat(ModelFiles.convert(txt, wvm, VectorFormat.NATIVE, 0).words()).isEqualTo(2);
    WordVectors converted = ModelFiles.loadForServing(wvm).vectors();
    assertThat(converted.vocabulary().words()).containsExactly("a", "b");
    assertThat(Matrices.raw(converted)).containsExactly(1, 0, 0, 2);
    assertThat(converted.vocabulary().counts()).containsExactly(2, 1);
  }

  @Test
  void aHeaderThatPromisesMoreThanTheFileHoldsIsRejectedBeforeReading() throws IOException {
    Path bin = dir.resolve("lying.bin");
    Files.write(bin, binary("100000000 300\n", "a", new float[300]));
    assertThatThrownBy(() -> Word2VecFormat.readBinary(bin))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageStartingWith(bin.toString())
        .hasMessageContaining(
            "truncated: the header declares 100000000 words of 300 floats, more than the file's "
                + Files.size(bin)
                + " bytes can hold (at most 1)");
    assertThatThrownBy(() -> ModelFiles.convert(bin, dir.resolve("x.wvm"), VectorFormat.NATIVE, 0))
        .hasMessageContaining("more than the file's");
    assertThat(dir.resolve("x.wvm")).doesNotExist();
    // A text file's size bounds its lines loosely: it is read, and found short, without an
    // allocation of the header's 2 billion rows.
    Path txt =
        Files.writeString(dir.resolve("lying.txt"), "2000000000 1000\na" + " 1".repeat(1000));
    assertThatThrownBy(() -> Word2VecFormat.readText(txt))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining("header declares 2000000000 words but the file ends after 1");
    Path wide = Files.writeString(dir.resolve("wide.txt"), "1 100000000\na 1\n");
    assertThatThrownBy(() -> Word2VecFormat.readText(wide))
        .hasMessageContaining("dimension 100000000 is more than the 65536 this program reads");
  }

  @Test
  void aLineWithoutEndIsRejectedAtTheBoundOfARecordNotBufferedWhole() throws IOException {
    // 64 MB of one "word" compressed to a few hundred KB: the reader must stop at the longest
    // line a word and 100 values can take, not inflate the line into memory.
    Path gz = dir.resolve("bomb.txt.gz");
    byte[] chunk = new byte[1 << 20];
    Arrays.fill(chunk, (byte) 'a');
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("1 100\n".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 64; i++) {
        out.write(chunk);
      }
    }
    assertThat(Files.size(gz)).isLessThan(1 << 20);
    assertThatThrownBy(() -> Word2VecFormat.readText(gz))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining(
            "line 2 is longer than the 71936 characters a word and 100 values can take");
    Path plain = dir.resolve("noline.txt");
    Files.write(plain, Arrays.copyOf(chunk, 1 << 18));
    assertThatThrownBy(() -> Word2VecFormat.readText(plain))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageContaining("no header line '<count> <dimension>' within the first 256");
  }

  @Test
  void aTruncatedCompressedFileIsRejectedNamingTheFile() throws IOException {
    Path gz = dir.resolve("cut.bin.gz");
    Word2VecFormat.writeBinary(MappedModelTests.random(2_000, 50, 4, false), gz);
    byte[] bytes = Files.readAllBytes(gz);
    Files.write(gz, Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> ModelFiles.load(gz))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageStartingWith(gz.toString())
        .hasMessageContaining("truncated or corrupt compressed data");
    assertThatThrownBy(() -> ModelFiles.convert(gz, dir.resolve("cut.wvm"), VectorFormat.NATIVE, 0))
        .isInstanceOf(InvalidModelFileException.class);
    try (var files = Files.list(dir)) {
      assertThat(files).as("no model and no temporary file is left").containsExactly(gz);
    }
  }

  @Test
  void aFileFarBiggerThanTheHeapIsRefusedBeforeItsRowsAreAllocated() throws IOException {
    // A sparse file whose header and size are consistent with vectors that need about twice the
    // heap once loaded: it takes no disk, and a load must refuse it from its size alone.
    int dim = 1_000;
    long maxHeap = Runtime.getRuntime().maxMemory();
    long rows = Math.max(1_000, 2 * maxHeap / (9L * dim));
    assumeTrue(rows * dim < Integer.MAX_VALUE - 8, "the test JVM's heap is too big for this test");
    String header = rows + " " + dim + "\n";
    Path bin = dir.resolve("huge.bin");
    try (RandomAccessFile file = new RandomAccessFile(bin.toFile(), "rw")) {
      file.write(header.getBytes(StandardCharsets.US_ASCII));
      file.setLength(header.length() + rows * (4L * dim + 4));
    }
    for (var load :
        java.util.List.<Loader>of(
            () -> ModelFiles.load(bin), () -> ModelFiles.loadForServing(bin))) {
      assertThatThrownBy(load::run)
          .isInstanceOf(InvalidModelFileException.class)
          .hasMessageStartingWith(bin.toString())
          .hasMessageContaining("too big for the heap")
          .hasMessageContaining("wordvec convert");
    }
  }

  /** A load that may throw. */
  private interface Loader {
    void run() throws IOException;
  }

  private static byte[] binary(String header, String word, float[] row) {
    java.nio.ByteBuffer buf =
        java.nio.ByteBuffer.allocate(header.length() + word.length() + 2 + 4 * row.length)
            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    buf.put(header.getBytes(StandardCharsets.US_ASCII));
    buf.put(word.getBytes(StandardCharsets.UTF_8)).put((byte) ' ');
    for (float f : row) {
      buf.putFloat(f);
    }
    buf.put((byte) '\n');
    return buf.array();
  }
}
