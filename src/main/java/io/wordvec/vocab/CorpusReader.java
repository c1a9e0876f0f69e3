package io.wordvec.vocab;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Streams the tokens of a corpus file: plain or gzip text (detected from its first bytes), one
 * sentence per line, each line split by a {@link Tokenizer}.
 *
 * <p>Every token reaches the {@link TokenSink} as valid UTF-8 bytes: invalid input fails with an
 * {@link IOException} that names the line. Sentences longer than {@code maxSentenceLength} tokens
 * are cut into chunks of that many tokens (counted before any vocabulary cut, as gensim does), and
 * empty lines make no sentence.
 *
 * <p>With {@link Tokenizer#whitespace()} the bytes are split directly, without decoding the text
 * into strings: that is most of the speed of a vocabulary pass. Any other tokenizer sees decoded
 * lines.
 *
 * <p>Immutable: each {@link #read} is an independent pass, and its sink and progress callbacks run
 * on the calling thread.
 */
public final class CorpusReader implements TokenSource {

  /** Receives the tokens and sentence ends of a pass, in corpus order, on the reading thread. */
  public interface TokenSink {

    /** One token: the valid UTF-8 bytes {@code utf8[off..off+len)}, only valid during the call. */
    void token(byte[] utf8, int off, int len) throws IOException;

    /** Ends the current sentence; never called for an empty one. */
    void endSentence() throws IOException;
  }

  /**
   * Receives the number of tokens read so far and a rough estimate of the total, about once per
   * million tokens. It may throw an unchecked exception to stop the pass.
   */
  public interface Progress {
    void onTokens(long tokens, long estimatedTotal);
  }

  /**
   * What one pass read.
   *
   * @param sentences sentences passed to the sink (after long-sentence splitting)
   * @param tokens tokens passed to the sink
   */
  public record Totals(long sentences, long tokens) {}

  private static final int REPORT_EVERY_TOKENS = 1 << 20;

  private final Path file;
  private final Tokenizer tokenizer;
  private final int maxSentenceLength;

  /**
   * @param file the corpus, plain text or gzip
   * @param tokenizer how to split a line
   * @param maxSentenceLength longer sentences are cut into chunks of this many tokens
   * @throws IllegalArgumentException if {@code maxSentenceLength < 1}
   */
  public CorpusReader(Path file, Tokenizer tokenizer, int maxSentenceLength) {
    this.file = Objects.requireNonNull(file, "file");
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    if (maxSentenceLength < 1) {
      throw new IllegalArgumentException("maxSentenceLength must be > 0, was " + maxSentenceLength);
    }
    this.maxSentenceLength = maxSentenceLength;
  }

  /** The corpus' name for messages and statistics: its file name, never a full path. */
  @Override
  public String source() {
    return file.getFileName() == null ? file.toString() : file.getFileName().toString();
  }

  /**
   * Reads the whole corpus once into {@code sink}.
   *
   * @throws NoSuchFileException if the corpus is missing or not a regular file
   * @throws AccessDeniedException if it is not readable
   * @throws IOException if it cannot be read or is not valid UTF-8
   */
  @Override
  public Totals read(TokenSink sink, Progress progress) throws IOException {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(progress, "progress");
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(
          file.toString(), null, "corpus file does not exist or is not a regular file");
    }
    if (!Files.isReadable(file)) {
      throw new AccessDeniedException(file.toString(), null, "corpus file is not readable");
    }
    long fileSize = Files.size(file);
    try (CountingInputStream counting = new CountingInputStream(Files.newInputStream(file));
        InputStream in = maybeGunzip(counting)) {
      Pass pass = new Pass(sink, progress, counting, fileSize);
      if (tokenizer == Tokenizer.whitespace()) {
        pass.readWhitespace(in);
      } else {
        pass.readLines(in, tokenizer);
      }
      return new Totals(pass.sentences, pass.tokens);
    }
  }

  private static InputStream maybeGunzip(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }

  /** The state of one pass: position for error messages, sentence length, counts. */
  private final class Pass {
    private final TokenSink sink;
    private final Progress progress;
    private final CountingInputStream counting;
    private final long fileSize;
    long sentences;
    long tokens;
    private long line = 1;
    private int sentenceLength;
    private long nextReport = REPORT_EVERY_TOKENS;

    Pass(TokenSink sink, Progress progress, CountingInputStream counting, long fileSize) {
      this.sink = sink;
      this.progress = progress;
      this.counting = counting;
      this.fileSize = fileSize;
    }

    /** Whitespace-separated tokens, one sentence per line, parsed as bytes. */
    void readWhitespace(InputStream in) throws IOException {
      byte[] buf = new byte[1 << 20];
      int len = 0;
      int tokenStart = -1;
      // OR of the current token's bytes: negative when it has a non-ASCII byte to validate.
      int high = 0;
      while (true) {
        if (tokenStart > 0) {
          // Keep the unfinished token at the start of the buffer.
          len -= tokenStart;
          System.arraycopy(buf, tokenStart, buf, 0, len);
          tokenStart = 0;
        } else if (tokenStart < 0) {
          len = 0;
        } else if (len == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, len, buf.length - len);
        if (n < 0) {
          break;
        }
        int i = len;
        len += n;
        for (; i < len; i++) {
          byte b = buf[i];
          if (b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B) {
            if (tokenStart >= 0) {
              token(buf, tokenStart, i - tokenStart, high < 0);
              tokenStart = -1;
              high = 0;
            }
            if (b == '\n') {
              endSentence();
              line++;
            }
          } else {
            if (tokenStart < 0) {
              tokenStart = i;
            }
            high |= b;
          }
        }
        report();
      }
      if (tokenStart >= 0) {
        token(buf, tokenStart, len - tokenStart, high < 0);
      }
      endSentence();
    }

    /** Decoded lines split by a normalising (or any other) tokenizer. */
    void readLines(InputStream in, Tokenizer lines) throws IOException {
      var decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
      String text;
      while (true) {
        try {
          text = reader.readLine();
        } catch (CharacterCodingException e) {
          throw invalidUtf8();
        }
        if (text == null) {
          break;
        }
        for (String t : lines.tokenize(text)) {
          // Encoding a decoded string always gives valid UTF-8.
          byte[] bytes = t.getBytes(StandardCharsets.UTF_8);
          token(bytes, 0, bytes.length, false);
        }
        endSentence();
        line++;
        if ((line & 1023) == 0) {
          report();
        }
      }
    }

    private void report() {
      if (tokens < nextReport) {
        return;
      }
      nextReport = tokens + REPORT_EVERY_TOKENS;
      long read = Math.max(1, counting.count());
      long estimate = fileSize <= read ? tokens : (long) (tokens * ((double) fileSize / read));
      progress.onTokens(tokens, estimate);
    }

    private void token(byte[] buf, int off, int len, boolean validate) throws IOException {
      if (validate && !Utf8.isValid(buf, off, len)) {
        throw invalidUtf8();
      }
      sink.token(buf, off, len);
      tokens++;
      if (++sentenceLength >= maxSentenceLength) {
        endSentence();
      }
    }

    private IOException invalidUtf8() {
      return new IOException("corpus " + source() + " is not valid UTF-8 (line " + line + ")");
    }

    private void endSentence() throws IOException {
      if (sentenceLength > 0) {
        sink.endSentence();
        sentences++;
        sentenceLength = 0;
      }
    }
  }

  /** Counts the compressed bytes read, for progress on gzip input. */
  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
