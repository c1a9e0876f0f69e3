package io.wordvec.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.ChildJvm;
import io.wordvec.vectors.WordVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Converting a fastText {@code .bin} to {@code .wvm} streams: it writes the file the heap path
 * would, and a model whose vectors do not fit in the heap converts all the same.
 */
class FastTextConversionTests {

  @TempDir Path dir;

  @Test
  void theStreamedFileIsTheOneTheHeapPathWrites() throws Exception {
    Path bin = FastTextBinaryTests.fixture("fasttext/tiny.bin");
    for (int limit : new int[] {0, 5}) {
      Path expected = dir.resolve("expected-" + limit + ".wvm");
      NativeFormat.write(FastTextBinary.read(bin, limit), expected);
      Path streamed = dir.resolve("streamed-" + limit + ".wvm");
      ModelFiles.Conversion done = ModelFiles.convert(bin, streamed, VectorFormat.NATIVE, limit);
      assertThat(done.from()).isEqualTo(VectorFormat.FASTTEXT_BIN);
      assertThat(done.dimension()).isEqualTo(10);
      assertThat(Files.readAllBytes(streamed))
          .as("limit " + limit)
          .isEqualTo(Files.readAllBytes(expected));
    }
  }

  @Test
  void aGeneratedModelFarBiggerThanTheHeapConvertsInAChildJvmWithASmallHeap() throws Exception {
    // 24,000 words x 500 dimensions: 48 MB of word rows, which the heap path would hold twice
    // (raw and unit rows), in a JVM of 64 MB of heap; plus 4,000 n-gram rows.
    int words = 24_000;
    int dim = 500;
    Path bin = dir.resolve("big.bin");
    FastTextFiles.write(bin, words, 4_000, dim, 3, 5, 7);
    Path wvm = dir.resolve("big.wvm");
    Path log = dir.resolve("child.log");
    try (ChildJvm child =
        ChildJvm.startWithHeap(
            log,
            "-Xmx64m",
            "io.wordvec.WordvecApplication",
            "convert",
            "--input",
            bin.toString(),
            "--output",
            wvm.toString())) {
      int exit = child.awaitExit(120);
      assertThat(exit).as(Files.readString(log)).isZero();
    }
    assertThat(2L * Float.BYTES * words * dim)
        .as("the vectors alone exceed the child's heap")
        .isGreaterThan(64L << 20);
    WordVectors converted = ModelFiles.loadForServing(wvm).vectors();
    WordVectors read = FastTextBinary.read(bin, 0);
    assertThat(converted.size()).isEqualTo(words);
    assertThat(converted.subwords()).isPresent();
    for (String word : List.of("w0", "w1234", "w23999")) {
      float[] expected = read.vector(word, true);
      float[] actual = converted.vector(word, true);
      for (int j = 0; j < dim; j++) {
        assertThat(actual[j]).isCloseTo(expected[j], org.assertj.core.api.Assertions.within(1e-6f));
      }
    }
    assertThat(converted.ngramVector("unseen").orElseThrow())
        .containsExactly(read.ngramVector("unseen").orElseThrow());
  }
}
