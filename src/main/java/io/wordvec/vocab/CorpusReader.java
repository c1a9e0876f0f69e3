package io.wordvec.vocab;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
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
 * <p>Tokens longer than {@code maxWordBytes} UTF-8 bytes are cut to that length (at a character
 * boundary) and counted ({@link Totals#truncatedTokens}), as word2vec.c cuts words at 100 bytes.
 * Cutting rather than skipping keeps every position of the sentence, so the context windows of the
 * words around a long token stay as the text has them; such tokens (URLs, base64, text without
 * spaces) are rare enough in real text to fall under {@code minCount} either way. Memory stays
 * bounded whatever the input: a file without a single blank is read in fixed-size buffers, never
 * held whole.
 *
 * <p>With {@link Tokenizer#whitespace()} the bytes are split directly, without decoding the text
 * into strings: that is most of the speed of a vocabulary pass. Any other tokenizer sees decoded
 * text, split as it streams by the tokenizer's rule.
 *
 * <p>A plain-text file can be {@linkplain #split split} into parts at line ends, each a reader of
 * its own byte range, so that several threads read one corpus at once: the parts' tokens and
 * sentences, in order, are the whole file's.
 *
 * <p>Immutable: each {@link #read} is an independent pass, and its sink and progress callbacks run
 * on the calling thread.
 *
 * <p>Why this class is long: one streaming pass does the tokenising, the word-length cut, the UTF-8
 * check and the sentence splitting for both the vocabulary count and the encoding, on a reused
 * buffer, so that every consumer sees the same tokens; a part of a split file runs the same pass
 * over its byte range, for the same reason.
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
   * @param truncatedTokens tokens longer than the word-length limit, passed cut to it
   */
  public record Totals(long sentences, long tokens, long truncatedTokens) {

    /** Totals of a pass that cut no token. */
    public Totals(long sentences, long tokens) {
      this(sentences, tokens, 0);
    }
  }

  /** word2vec.c's limit on a word's length in bytes ({@code MAX_STRING}). */
  public static final int DEFAULT_MAX_WORD_BYTES = 100;

  /** The smallest word-length limit: the longest UTF-8 character must fit. */
  public static final int MIN_MAX_WORD_BYTES = 4;

  /** The largest word-length limit (well below the read buffer, so a token never outgrows it). */
  public static final int MAX_MAX_WORD_BYTES = 1 << 16;

  /** The smallest part {@link #split(int)} makes: below it a thread costs more than it saves. */
  public static final long MIN_PART_BYTES = 4L << 20;

  private static final int REPORT_EVERY_TOKENS = 1 << 20;

  private final Path file;
  private final Tokenizer tokenizer;
  private final int maxSentenceLength;
  private final int maxWordBytes;

  /** The byte range this reader reads: the whole file when {@code end < 0}, else a part of it. */
  private final long start;

  private final long end;

  /** A reader that cuts words at {@link #DEFAULT_MAX_WORD_BYTES}. */
  public CorpusReader(Path file, Tokenizer tokenizer, int maxSentenceLength) {
    this(file, tokenizer, maxSentenceLength, DEFAULT_MAX_WORD_BYTES);
  }

  /**
   * @param file the corpus, plain text or gzip
   * @param tokenizer how to split a line
   * @param maxSentenceLength longer sentences are cut into chunks of this many tokens
   * @param maxWordBytes longer tokens are cut to this many bytes
   * @throws IllegalArgumentException if {@code maxSentenceLength < 1} or {@code maxWordBytes} is
   *     outside [{@link #MIN_MAX_WORD_BYTES}, {@link #MAX_MAX_WORD_BYTES}]
   */
  public CorpusReader(Path file, Tokenizer tokenizer, int maxSentenceLength, int maxWordBytes) {
    this.file = Objects.requireNonNull(file, "file");
    this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
    if (maxSentenceLength < 1) {
      throw new IllegalArgumentException("maxSentenceLength must be > 0, was " + maxSentenceLength);
    }
    if (maxWordBytes < MIN_MAX_WORD_BYTES || maxWordBytes > MAX_MAX_WORD_BYTES) {
      throw new IllegalArgumentException(
          "maxWordBytes must be between "
              + MIN_MAX_WORD_BYTES
              + " and "
              + MAX_MAX_WORD_BYTES
              + ", was "
              + maxWordBytes);
    }
    this.maxSentenceLength = maxSentenceLength;
    this.maxWordBytes = maxWordBytes;
    this.start = 0;
    this.end = -1;
  }

  /** A part of {@code whole}'s file: the bytes {@code [start, end)}, which start a line. */
  private CorpusReader(CorpusReader whole, long start, long end) {
    this.file = whole.file;
    this.tokenizer = whole.tokenizer;
    this.maxSentenceLength = whole.maxSentenceLength;
    this.maxWordBytes = whole.maxWordBytes;
    this.start = start;
    this.end = end;
  }

  /** The corpus' name for messages and statistics: its file name, never a full path. */
  @Override
  public String source() {
    return file.getFileName() == null ? file.toString() : file.getFileName().toString();
  }

  /**
   * Up to {@code parts} parts of at least {@link #MIN_PART_BYTES} each; see {@link #split(int,
   * long)}.
   */
  @Override
  public List<TokenSource> split(int parts) throws IOException {
    return split(parts, MIN_PART_BYTES);
  }

  /**
   * Splits the file into up to {@code parts} readers of consecutive byte ranges, each starting just
   * after a line end and at least {@code minPartBytes} long (about), whose passes in order give the
   * whole file's tokens and sentences. A gzip file, a file too small for two parts, a file with no
   * line end to cut at, a part already, and a file that cannot be read (its {@link #read} says why)
   * stay whole: a list of this reader alone.
   *
   * @throws IllegalArgumentException if {@code parts < 1} or {@code minPartBytes < 1}
   * @throws IOException if the file cannot be read while looking for line ends
   */
  public List<TokenSource> split(int parts, long minPartBytes) throws IOException {
    if (parts < 1 || minPartBytes < 1) {
      throw new IllegalArgumentException(
          "parts and minPartBytes must be >= 1, were " + parts + " and " + minPartBytes);
    }
    if (end >= 0 || !Files.isRegularFile(file) || !Files.isReadable(file)) {
      return List.of(this);
    }
    long size = Files.size(file);
    int n = (int) Math.min(parts, size / minPartBytes);
    if (n < 2) {
      return List.of(this);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      if (FileBytes.isGzip(channel)) {
        return List.of(this);
      }
      List<TokenSource> split = new ArrayList<>(n);
      long from = 0;
      for (int k = 1; k <= n; k++) {
        long to =
            k == n ? size : FileBytes.afterLineEnd(channel, Math.max(from, size / n * k), size);
        if (to > from) {
          split.add(new CorpusReader(this, from, to));
          from = to;
        }
      }
      return split.size() < 2 ? List.of(this) : split;
    }
  }

  /**
   * Reads the whole corpus (or this part of it) once into {@code sink}.
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
    if (end >= 0) {
      return readPart(sink, progress);
    }
    long fileSize = Files.size(file);
    try (CountingInputStream counting =
            new CountingInputStream(Files.newInputStream(file), Long.MAX_VALUE);
        InputStream in = maybeGunzip(counting)) {
      Pass pass = new Pass(sink, progress, counting, fileSize);
      if (tokenizer == Tokenizer.whitespace()) {
        pass.readWhitespace(in);
      } else {
        pass.readLines(in, tokenizer);
      }
      return new Totals(pass.sentences, pass.tokens, pass.truncated);
    }
  }

  /** A part's pass: its byte range, plain text (a gzip file is never split). */
  private Totals readPart(TokenSink sink, Progress progress) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.position(start);
      CountingInputStream counting =
          new CountingInputStream(Channels.newInputStream(channel), end - start);
      Pass pass = new Pass(sink, progress, counting, end - start);
      if (tokenizer == Tokenizer.whitespace()) {
        pass.readWhitespace(counting);
      } else {
        pass.readLines(counting, tokenizer);
      }
      return new Totals(pass.sentences, pass.tokens, pass.truncated);
    }
  }

  /**
   * Tokenizes text that is not a file of its own (a partition of a distributed corpus, say) exactly
   * as {@link #read(TokenSink, Progress)} tokenizes the file: the same tokenizer, word cut, UTF-8
   * check and sentence splits, so that both see the same tokens. The text is plain (not gzip), one
   * sentence per line; the stream is read to its end and not closed; no progress is reported.
   *
   * @throws IOException if the text cannot be read or is not valid UTF-8
   */
  public Totals read(InputStream text, TokenSink sink) throws IOException {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(sink, "sink");
    CountingInputStream counting = new CountingInputStream(text, Long.MAX_VALUE);
    Pass pass = new Pass(sink, (tokens, estimate) -> {}, counting, 0);
    if (tokenizer == Tokenizer.whitespace()) {
      pass.readWhitespace(counting);
    } else {
      pass.readLines(counting, tokenizer);
    }
    return new Totals(pass.sentences, pass.tokens, pass.truncated);
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
    long truncated;
    private long line = 1;
    private int sentenceLength;
    private long nextReport = REPORT_EVERY_TOKENS;

    /** The kept head of a token longer than the limit, while the rest of it is skipped. */
    private final byte[] longHead = new byte[maxWordBytes];

    /** The length of {@link #longHead} while a long token is skipped, else -1. */
    private int longHeadLength = -1;

    /** Checks the skipped rest of a long token, which is never kept. */
    private Utf8Validator longTail;

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
          // Keep the unfinished token at the start of the buffer. It is at most maxWordBytes
          // long (a longer one leaves the buffer for longHead), so the buffer never grows.
          len -= tokenStart;
          System.arraycopy(buf, tokenStart, buf, 0, len);
          tokenStart = 0;
        } else if (tokenStart < 0) {
          len = 0;
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
            } else if (longHeadLength >= 0) {
              endLongToken();
            }
            if (b == '\n') {
              endSentence();
              line++;
            }
          } else if (longHeadLength >= 0) {
            i = skipLongToken(buf, i, len) - 1;
          } else {
            if (tokenStart < 0) {
              tokenStart = i;
            }
            high |= b;
            if (i - tokenStart == maxWordBytes) {
              startLongToken(buf, tokenStart);
              tokenStart = -1;
              high = 0;
            }
          }
        }
        report();
      }
      if (tokenStart >= 0) {
        token(buf, tokenStart, len - tokenStart, high < 0);
      } else if (longHeadLength >= 0) {
        endLongToken();
      }
      endSentence();
    }

    /**
     * A token reached {@code maxWordBytes + 1} bytes at {@code buf[from]}: keep the longest head of
     * whole characters within the limit, and check the rest as it is skipped.
     */
    private void startLongToken(byte[] buf, int from) throws IOException {
      int seen = maxWordBytes + 1;
      int head = Utf8.prefixLength(buf, from, seen, maxWordBytes);
      if (!Utf8.isValid(buf, from, head)) {
        throw invalidUtf8();
      }
      System.arraycopy(buf, from, longHead, 0, head);
      longHeadLength = head;
      // The check of the rest starts at the character that straddles the limit, to judge it whole.
      longTail = new Utf8Validator();
      if (longTail.feed(buf, from + head, seen - head) != Utf8Validator.VALID) {
        throw invalidUtf8();
      }
    }

    /** Checks and skips the long token's bytes from {@code at}; returns where they end. */
    private int skipLongToken(byte[] buf, int at, int len) throws IOException {
      int end = at;
      while (end < len && !Tokenizer.isAsciiWhitespace(buf[end])) {
        end++;
      }
      if (longTail.feed(buf, at, end - at) != Utf8Validator.VALID) {
        throw invalidUtf8();
      }
      return end;
    }

    private void endLongToken() throws IOException {
      if (longTail.finish() != Utf8Validator.VALID) {
        throw invalidUtf8();
      }
      int length = longHeadLength;
      longHeadLength = -1;
      truncated++;
      token(longHead, 0, length, false);
    }

    /**
     * Decoded text split as it streams by {@code tokenizer}'s rule; line ends (as {@link
     * BufferedReader#readLine} knows them) end sentences. A run of token characters longer than the
     * limit keeps only its head in memory.
     */
    void readLines(InputStream in, Tokenizer tokenizer) throws IOException {
      var decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      Reader reader = new InputStreamReader(in, decoder);
      char[] buf = new char[1 << 16];
      StringBuilder run = new StringBuilder();
      // More chars than maxWordBytes means more bytes too: the run will be cut, stop growing it.
      boolean overflow = false;
      char pendingHigh = 0;
      while (true) {
        int n;
        try {
          n = reader.read(buf);
        } catch (CharacterCodingException e) {
          throw invalidUtf8();
        }
        if (n < 0) {
          break;
        }
        for (int i = 0; i < n; i++) {
          char c = buf[i];
          int cp;
          if (pendingHigh != 0) {
            // A strict decoder yields surrogates only in pairs.
            cp = Character.toCodePoint(pendingHigh, c);
            pendingHigh = 0;
          } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
            continue;
          } else {
            cp = c;
          }
          if (tokenizer.isTokenCodePoint(cp)) {
            if (!overflow) {
              run.appendCodePoint(cp);
              overflow = run.length() > maxWordBytes;
            }
            continue;
          }
          if (run.length() > 0) {
            runToken(tokenizer, run, overflow);
            run.setLength(0);
            overflow = false;
          }
          if (cp == '\n' || cp == '\r') {
            endSentence();
            if (cp == '\n') {
              line++;
            }
          }
        }
        report();
      }
      if (run.length() > 0) {
        runToken(tokenizer, run, overflow);
      }
      endSentence();
    }

    private void runToken(Tokenizer tokenizer, CharSequence run, boolean overflow)
        throws IOException {
      // Encoding a decoded string always gives valid UTF-8.
      byte[] bytes = tokenizer.normalize(run.toString()).getBytes(StandardCharsets.UTF_8);
      if (bytes.length > maxWordBytes) {
        truncated++;
        token(bytes, 0, Utf8.prefixLength(bytes, 0, bytes.length, maxWordBytes), false);
      } else {
        token(bytes, 0, bytes.length, false);
      }
      if (overflow && bytes.length <= maxWordBytes) {
        // normalize() shrank a run that was cut; it was still longer than the limit.
        truncated++;
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
      long first = 0;
      if (start > 0) {
        try {
          first = FileBytes.lineEndsBefore(file, start);
        } catch (IOException e) {
          return new IOException(
              "corpus " + source() + " is not valid UTF-8 (in the lines after byte " + start + ")");
        }
      }
      return new IOException(
          "corpus " + source() + " is not valid UTF-8 (line " + (first + line) + ")");
    }

    private void endSentence() throws IOException {
      if (sentenceLength > 0) {
        sink.endSentence();
        sentences++;
        sentenceLength = 0;
      }
    }
  }

  /**
   * Counts the (compressed) bytes read, for progress on gzip input, and ends after {@code limit}
   * bytes: a part's range.
   */
  private static final class CountingInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    CountingInputStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      if (count >= limit) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (count >= limit) {
        return len == 0 ? 0 : -1;
      }
      int n = super.read(b, off, (int) Math.min(len, limit - count));
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
