package io.wordvec.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.vocab.CorpusReader;
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
}
