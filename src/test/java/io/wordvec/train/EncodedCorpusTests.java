package io.wordvec.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.vocab.CorpusReader;
import io.wordvec.vocab.TokenSource;
import io.wordvec.vocab.Tokenizer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodedCorpusTests {

  @TempDir Path tmp;

  private EncodedCorpus encode(String text, int minCount) throws IOException {
    Path file = tmp.resolve("c.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return EncodedCorpus.encode(
        new CorpusReader(file, Tokenizer.whitespace(), 100),
        (counts, source) -> counts.build(minCount, 0),
        (tokens, estimate) -> {});
  }

  /** Every int of {@code [start, end)}, read back in small pieces. */
  private static List<Integer> readRange(EncodedCorpus corpus, long start, long end)
      throws IOException {
    ByteBuffer buf = ByteBuffer.allocateDirect(3 * 4).order(ByteOrder.nativeOrder());
    List<Integer> ints = new ArrayList<>();
    long pos = start;
    while (pos < end) {
      int n = corpus.read(buf, pos, end);
      if (n == 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        ints.add(buf.getInt(i * 4));
      }
      pos += n;
    }
    return ints;
  }

  @Test
  void storesIdsWithSentenceEndsDroppingWordsOutsideTheVocabulary() throws IOException {
    try (EncodedCorpus corpus = encode("a b x\nx\nb a a b\n", 3)) {
      int a = corpus.vocabulary().id("a");
      int b = corpus.vocabulary().id("b");
      int end = EncodedCorpus.SENTENCE_END;

      // "x" is below minCount: dropped, and the sentence it filled alone disappears.
      assertThat(readRange(corpus, 0, Long.MAX_VALUE)).containsExactly(a, b, end, b, a, a, b, end);
      assertThat(corpus.counts()).containsExactly(3, 3);
      assertThat(corpus.stats()).isEqualTo(new CorpusStats("c.txt", 3, 8, 6, 3));
    }
  }

  @Test
  void splitsIntoSentenceAlignedRangesThatCoverTheFile() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < 40; s++) {
      text.append("w").append(" x".repeat(s % 7)).append('\n');
    }
    try (EncodedCorpus corpus = encode(text.toString(), 1)) {
      List<Integer> whole = readRange(corpus, 0, Long.MAX_VALUE);

      for (int parts : new int[] {1, 2, 3, 7, 40}) {
        long[] bounds = corpus.split(parts);
        assertThat(bounds).hasSize(parts + 1);
        assertThat(bounds[0]).isZero();
        assertThat(bounds[parts]).isEqualTo(whole.size());
        List<Integer> joined = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
          assertThat(bounds[p + 1]).isGreaterThanOrEqualTo(bounds[p]);
          if (bounds[p] > 0 && bounds[p] < whole.size()) {
            // A range starts just after a sentence end.
            assertThat(whole.get((int) bounds[p] - 1)).isEqualTo(EncodedCorpus.SENTENCE_END);
          }
          joined.addAll(readRange(corpus, bounds[p], bounds[p + 1]));
        }
        assertThat(joined).as("%d parts", parts).isEqualTo(whole);
      }
    }
  }

  /** {@code reader}, split into parts of at least {@code minPartBytes}: small files split too. */
  private static TokenSource splitting(CorpusReader reader, long minPartBytes) {
    return new TokenSource() {
      @Override
      public CorpusReader.Totals read(CorpusReader.TokenSink sink, CorpusReader.Progress progress)
          throws IOException {
        return reader.read(sink, progress);
      }

      @Override
      public List<TokenSource> split(int parts) throws IOException {
        return reader.split(parts, minPartBytes);
      }

      @Override
      public String source() {
        return reader.source();
      }
    };
  }

  private static String text(int lines) {
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < lines; s++) {
      // Zipf-like: low word numbers often, high ones rarely, some only in late lines.
      for (int t = 0; t <= s % 11; t++) {
        text.append(" w").append((s * 7 + t * 13) % (1 + s % 97));
      }
      text.append(s % 17 == 0 ? "\n\n" : "\n");
    }
    return text.toString();
  }

  @Test
  void aCorpusReadInPartsEncodesAsOnePassDoes() throws IOException {
    Path file = tmp.resolve("parts.txt");
    Files.writeString(file, text(2000), StandardCharsets.UTF_8);
    CorpusReader reader = new CorpusReader(file, Tokenizer.whitespace(), 5);
    EncodedCorpus.VocabularyRule rule = (counts, source) -> counts.build(3, 0);
    try (EncodedCorpus one = EncodedCorpus.encode(reader, rule, (t, e) -> {}, tmp, 1)) {
      List<Integer> ids = readRange(one, 0, Long.MAX_VALUE);
      for (int threads : new int[] {2, 3, 8}) {
        List<long[]> reports = new ArrayList<>();
        try (EncodedCorpus parts =
            EncodedCorpus.encode(
                splitting(reader, 256),
                rule,
                (t, e) -> reports.add(new long[] {t, e}),
                tmp,
                threads)) {
          assertThat(parts.vocabulary().words()).isEqualTo(one.vocabulary().words());
          assertThat(parts.counts()).isEqualTo(one.counts());
          assertThat(parts.stats()).isEqualTo(one.stats());
          assertThat(readRange(parts, 0, Long.MAX_VALUE)).as("%d threads", threads).isEqualTo(ids);
        }
      }
    }
    try (var left = Files.list(tmp)) {
      assertThat(left).as("no part file is left").containsExactly(file);
    }
  }

  @Test
  void aFailingPartFailsThePassWithTheEarliestErrorAndLeavesNoFile() throws IOException {
    byte[] good = text(2000).getBytes(StandardCharsets.UTF_8);
    byte[] bad = "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Path file = tmp.resolve("bad.txt");
    try (var out = Files.newOutputStream(file)) {
      out.write(good);
      out.write(bad);
      out.write(good);
      out.write(bad);
    }
    long firstBadLine = text(2000).lines().count() + 1;
    Path work = Files.createDirectory(tmp.resolve("work"));
    TokenSource parts = splitting(new CorpusReader(file, Tokenizer.whitespace(), 5), 256);

    assertThatThrownBy(
            () ->
                EncodedCorpus.encode(
                    parts, (counts, source) -> counts.build(1, 0), (t, e) -> {}, work, 4))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("bad.txt is not valid UTF-8 (line " + firstBadLine + ")");
    try (var left = Files.list(work)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aCancelledPassInPartsStopsEveryPartAndLeavesNoFile() throws IOException {
    // Progress comes about once per million tokens of a part: two parts of 1.5 million each.
    Path file = tmp.resolve("long.txt");
    Files.writeString(file, "a b c\n".repeat(1_000_000), StandardCharsets.UTF_8);
    Path work = Files.createDirectory(tmp.resolve("work"));
    TokenSource parts = splitting(new CorpusReader(file, Tokenizer.whitespace(), 5), 1 << 20);

    assertThatThrownBy(
            () ->
                EncodedCorpus.encode(
                    parts,
                    (counts, source) -> counts.build(1, 0),
                    (tokens, estimate) -> {
                      throw new TrainingCancelledException();
                    },
                    work,
                    2))
        .isInstanceOf(TrainingCancelledException.class);
    try (var left = Files.list(work)) {
      assertThat(left).isEmpty();
    }
  }
}
