package io.wordvec.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReaderTests {

  @TempDir Path tmp;

  /** Records the pass as sentences of tokens. */
  private static final class Sentences implements CorpusReader.TokenSink {
    final List<List<String>> sentences = new ArrayList<>();
    private List<String> current = new ArrayList<>();

    @Override
    public void token(byte[] utf8, int off, int len) {
      current.add(new String(utf8, off, len, StandardCharsets.UTF_8));
    }

    @Override
    public void endSentence() {
      sentences.add(current);
      current = new ArrayList<>();
    }
  }

  private static final CorpusReader.Progress NO_PROGRESS = (tokens, estimate) -> {};

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = tmp.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void splitsLinesIntoSentencesOnWhitespaceAndSkipsEmptyLines() throws IOException {
    Path corpus = write("c.txt", "the cat\tsat\r\n\n  \nété  au\u000Blac");
    Sentences sink = new Sentences();

    CorpusReader.Totals totals =
        new CorpusReader(corpus, Tokenizer.whitespace(), 100).read(sink, NO_PROGRESS);

    assertThat(sink.sentences)
        .containsExactly(List.of("the", "cat", "sat"), List.of("été", "au", "lac"));
    assertThat(totals).isEqualTo(new CorpusReader.Totals(2, 6));
  }

  @Test
  void aNormalizingTokenizerSeesDecodedLines() throws IOException {
    Path corpus = write("raw.txt", "The Cat, sat.\nÉTÉ!\n");
    Sentences sink = new Sentences();

    new CorpusReader(corpus, Tokenizer.normalizing(), 100).read(sink, NO_PROGRESS);

    assertThat(sink.sentences).containsExactly(List.of("the", "cat", "sat"), List.of("été"));
  }

  @Test
  void cutsLongSentencesIntoChunks() throws IOException {
    Path corpus = write("long.txt", "a b c d e f g\nh\n");
    Sentences sink = new Sentences();

    CorpusReader.Totals totals =
        new CorpusReader(corpus, Tokenizer.whitespace(), 3).read(sink, NO_PROGRESS);

    assertThat(sink.sentences)
        .containsExactly(
            List.of("a", "b", "c"), List.of("d", "e", "f"), List.of("g"), List.of("h"));
    assertThat(totals.sentences()).isEqualTo(4);
  }

  @Test
  void readsGzipLikePlainText() throws IOException {
    String text = "one two\nthree\n";
    Path gz = tmp.resolve("c.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    Sentences fromGzip = new Sentences();
    Sentences fromPlain = new Sentences();

    new CorpusReader(gz, Tokenizer.whitespace(), 100).read(fromGzip, NO_PROGRESS);
    new CorpusReader(write("c.txt", text), Tokenizer.whitespace(), 100)
        .read(fromPlain, NO_PROGRESS);

    assertThat(fromGzip.sentences).isEqualTo(fromPlain.sentences).hasSize(2);
  }

  @Test
  void rejectsInvalidUtf8NamingTheLineEvenInAWordSeenBefore() throws IOException {
    byte[] latin1 = "caf\u00e9 ok\nok caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Path corpus = write("latin1.txt", latin1);

    assertThatThrownBy(
            () ->
                new CorpusReader(corpus, Tokenizer.whitespace(), 100)
                    .read(new Sentences(), NO_PROGRESS))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("latin1.txt is not valid UTF-8 (line 1)");
    assertThatThrownBy(
            () ->
                new CorpusReader(corpus, Tokenizer.normalizing(), 100)
                    .read(new Sentences(), NO_PROGRESS))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void reportsProgressAboutEveryMillionTokensAndStopsWhenTheCallbackThrows() throws IOException {
    Path corpus = write("big.txt", "a b c d\n".repeat(600_000));
    List<Long> reported = new ArrayList<>();

    new CorpusReader(corpus, Tokenizer.whitespace(), 100)
        .read(new Sentences(), (tokens, estimate) -> reported.add(tokens));

    assertThat(reported).isNotEmpty().isSorted();
    assertThat(reported.get(0)).isGreaterThanOrEqualTo(1 << 20);
    for (int i = 1; i < reported.size(); i++) {
      assertThat(reported.get(i) - reported.get(i - 1)).isGreaterThanOrEqualTo(1 << 20);
    }
    assertThat(reported.get(reported.size() - 1)).isLessThanOrEqualTo(2_400_000);
    assertThatThrownBy(
            () ->
                new CorpusReader(corpus, Tokenizer.whitespace(), 100)
                    .read(
                        new Sentences(),
                        (tokens, estimate) -> {
                          throw new IllegalStateException("stop at " + tokens);
                        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("stop at");
  }

  @Test
  void aMissingCorpusIsNamedWithoutReadingAnything() {
    Path missing = tmp.resolve("missing.txt");
    CorpusReader reader = new CorpusReader(missing, Tokenizer.whitespace(), 100);

    assertThat(reader.source()).isEqualTo("missing.txt");
    assertThatThrownBy(() -> reader.read(new Sentences(), NO_PROGRESS))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("missing.txt");
  }

  @Test
  void cutsTokensLongerThanTheLimitAtACharacterBoundaryAndCountsThem() throws IOException {
    // 9 x "é" is 18 bytes: a limit of 7 keeps 3 whole characters (6 bytes), never half of one.
    String accents = "é".repeat(9);
    Path corpus =
        write("long.txt", "ab " + "x".repeat(12) + " cd\n" + accents + " " + "y".repeat(8));
    for (Tokenizer tokenizer : List.of(Tokenizer.whitespace(), Tokenizer.normalizing())) {
      Sentences sink = new Sentences();

      CorpusReader.Totals totals =
          new CorpusReader(corpus, tokenizer, 100, 7).read(sink, NO_PROGRESS);

      assertThat(sink.sentences)
          .as(tokenizer.toString())
          .containsExactly(List.of("ab", "x".repeat(7), "cd"), List.of("ééé", "y".repeat(7)));
      assertThat(totals).isEqualTo(new CorpusReader.Totals(2, 5, 3));
    }
  }

  @Test
  void aCorpusWithoutBlanksIsReadInBoundedMemoryAsOneCutWord() throws IOException {
    // 64 MB without a blank, compressed: before the limit the reader grew one buffer to hold it.
    Path gz = tmp.resolve("one-word.txt.gz");
    byte[] chunk = new byte[1 << 20];
    java.util.Arrays.fill(chunk, (byte) 'z');
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      for (int i = 0; i < 64; i++) {
        out.write(chunk);
      }
    }
    for (Tokenizer tokenizer : List.of(Tokenizer.whitespace(), Tokenizer.normalizing())) {
      Sentences sink = new Sentences();

      CorpusReader.Totals totals = new CorpusReader(gz, tokenizer, 100).read(sink, NO_PROGRESS);

      assertThat(sink.sentences).as(tokenizer.toString()).containsExactly(List.of("z".repeat(100)));
      assertThat(totals.truncatedTokens()).isEqualTo(1);
    }
  }

  @Test
  void invalidUtf8InTheCutPartOfALongTokenIsStillRejected() throws IOException {
    byte[] bytes =
        ("ok " + "w".repeat(50) + "\u00ff" + "w\n").getBytes(StandardCharsets.ISO_8859_1);
    Path corpus = write("tail.txt", bytes);

    assertThatThrownBy(
            () ->
                new CorpusReader(corpus, Tokenizer.whitespace(), 100, 10)
                    .read(new Sentences(), NO_PROGRESS))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("tail.txt is not valid UTF-8 (line 1)");
  }

  @Test
  void theWordLimitHasBounds() {
    Path any = tmp.resolve("any.txt");
    assertThatThrownBy(() -> new CorpusReader(any, Tokenizer.whitespace(), 100, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxWordBytes must be between 4 and 65536, was 3");
  }

  @Test
  void aStreamIsTokenisedExactlyAsAFileWithTheSameText() throws IOException {
    String text =
        "Der   König\tist tot\n\nes lebe der König  \r\n" + "x".repeat(30) + " kurz\nDas Ende";
    Path file = Files.writeString(tmp.resolve("c.txt"), text);
    for (Tokenizer tokenizer : List.of(Tokenizer.whitespace(), Tokenizer.normalizing())) {
      CorpusReader reader = new CorpusReader(file, tokenizer, 3, 10);
      Sentences fromFile = new Sentences();
      CorpusReader.Totals fileTotals = reader.read(fromFile, NO_PROGRESS);
      Sentences fromStream = new Sentences();
      CorpusReader.Totals streamTotals =
          reader.read(
              new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), fromStream);
      assertThat(fromStream.sentences).isEqualTo(fromFile.sentences).isNotEmpty();
      assertThat(streamTotals).isEqualTo(fileTotals);
      assertThat(streamTotals.truncatedTokens()).isEqualTo(1);
    }
  }

  /** A corpus of {@code lines} lines of varied length, with a few non-ASCII words. */
  private static String lines(int lines) {
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < lines; s++) {
      text.append("w").append(s % 13);
      for (int t = 0; t < s % 9; t++) {
        text.append(t % 3 == 0 ? " caf\u00e9" : " x").append(t);
      }
      text.append(s % 5 == 0 ? "\r\n" : "\n");
    }
    return text.toString();
  }

  private static List<List<String>> readParts(List<TokenSource> parts) throws IOException {
    List<List<String>> sentences = new ArrayList<>();
    for (TokenSource part : parts) {
      Sentences sink = new Sentences();
      part.read(sink, NO_PROGRESS);
      sentences.addAll(sink.sentences);
    }
    return sentences;
  }

  @Test
  void partsReadInOrderGiveTheWholeFilesSentences() throws IOException {
    Path corpus = write("lines.txt", lines(300));
    for (Tokenizer tokenizer : List.of(Tokenizer.whitespace(), Tokenizer.normalizing())) {
      CorpusReader reader = new CorpusReader(corpus, tokenizer, 4);
      Sentences whole = new Sentences();
      reader.read(whole, NO_PROGRESS);

      for (int parts : new int[] {2, 3, 7}) {
        List<TokenSource> split = reader.split(parts, 64);
        assertThat(split).hasSize(parts);
        assertThat(readParts(split)).as("%d parts", parts).isEqualTo(whole.sentences);
      }
    }
  }

  @Test
  void staysWholeWhenItCannotBeCut() throws IOException {
    CorpusReader oneLine =
        new CorpusReader(write("one-line.txt", "a b c ".repeat(100)), Tokenizer.whitespace(), 10);
    Path gz = tmp.resolve("lines.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(lines(300).getBytes(StandardCharsets.UTF_8));
    }
    CorpusReader gzip = new CorpusReader(gz, Tokenizer.whitespace(), 10);
    CorpusReader small =
        new CorpusReader(write("small.txt", lines(300)), Tokenizer.whitespace(), 10);
    CorpusReader missing = new CorpusReader(tmp.resolve("missing.txt"), Tokenizer.whitespace(), 10);

    assertThat(oneLine.split(4, 16)).containsExactly(oneLine);
    assertThat(gzip.split(4, 16)).containsExactly(gzip);
    assertThat(small.split(4)).as("below MIN_PART_BYTES").containsExactly(small);
    assertThat(missing.split(4, 16)).containsExactly(missing);
    TokenSource part = small.split(2, 64).get(1);
    assertThat(part.split(2)).containsExactly(part);
  }

  @Test
  void invalidUtf8InALaterPartNamesTheLineOfTheWholeFile() throws IOException {
    byte[] good = lines(200).getBytes(StandardCharsets.UTF_8);
    byte[] bad = "ok caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] bytes = new byte[good.length + bad.length];
    System.arraycopy(good, 0, bytes, 0, good.length);
    System.arraycopy(bad, 0, bytes, good.length, bad.length);
    Path corpus = write("late.txt", bytes);
    List<TokenSource> parts = new CorpusReader(corpus, Tokenizer.whitespace(), 100).split(3, 64);

    assertThat(parts).hasSize(3);
    assertThatThrownBy(() -> parts.get(2).read(new Sentences(), NO_PROGRESS))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("late.txt is not valid UTF-8 (line 201)");
  }
}
