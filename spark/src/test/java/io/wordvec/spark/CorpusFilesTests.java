package io.wordvec.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusFilesTests {

  @TempDir Path dir;

  private final Configuration conf = new Configuration();

  private static org.apache.hadoop.fs.Path hadoop(Path p) {
    return SparkTrainingEngine.hadoopPath(p);
  }

  /** Every partition's text, in partition order, as one string. */
  private String readAll(List<List<TextSplit>> partitions) throws Exception {
    StringBuilder all = new StringBuilder();
    for (List<TextSplit> splits : partitions) {
      try (InputStream in = SplitStream.concat(splits, conf)) {
        all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return all.toString();
  }

  /** The non-empty lines, which is what the reader makes sentences of. */
  private static List<String> lines(String text) {
    return text.lines().filter(l -> !l.isEmpty()).toList();
  }

  @Test
  void everyLineIsReadOnceWhereverTheCutsFall() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      // lines of varying length, one empty, and one far longer than the others
      text.append(i == 50 ? "" : "line " + i + " " + "w".repeat(i % 13));
      text.append(i == 120 ? " " + "long ".repeat(400) : "").append('\n');
    }
    text.append("last line without a line feed");
    Path file = Files.writeString(dir.resolve("c.txt"), text);
    for (int k = 1; k <= 40; k++) {
      List<List<TextSplit>> plan = CorpusFiles.plan(hadoop(file), k, conf);
      assertEquals(k, plan.size());
      assertEquals(lines(text.toString()), lines(readAll(plan)), "k=" + k);
    }
  }

  @Test
  void aDirectoryIsItsVisibleFilesInNameOrder() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("b.txt"), "b1\nb2 b2\n");
    Files.writeString(corpus.resolve("a.txt"), "a1\na2 no line feed");
    Files.writeString(corpus.resolve("_SUCCESS"), "");
    Files.writeString(corpus.resolve(".a.txt.crc"), "not text");
    for (int k = 1; k <= 6; k++) {
      assertEquals(
          List.of("a1", "a2 no line feed", "b1", "b2 b2"),
          lines(readAll(CorpusFiles.plan(hadoop(corpus), k, conf))),
          "k=" + k);
    }
  }

  @Test
  void compressedFilesAreNotCut() throws Exception {
    Path gz = dir.resolve("c.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("a b c\n".getBytes(StandardCharsets.UTF_8));
    }
    assertNull(CorpusFiles.plan(hadoop(gz), 2, conf));
    // the same bytes under a name that does not say so
    Path hidden = Files.copy(gz, dir.resolve("c.txt"));
    assertNull(CorpusFiles.plan(hadoop(hidden), 2, conf));
  }

  @Test
  void aMissingCorpusIsNamed() {
    FileNotFoundException e =
        assertThrows(
            FileNotFoundException.class,
            () -> CorpusFiles.plan(hadoop(dir.resolve("none.txt")), 2, conf));
    assertTrue(e.getMessage().contains("Input path does not exist"), e.getMessage());
    assertTrue(e.getMessage().contains("none.txt"), e.getMessage());
  }
}
