package io.wordvec.train;

import io.wordvec.vocab.Tokenizer;
import io.wordvec.vocab.Vocabulary;
import io.wordvec.vocab.VocabularyBuilder;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;

/**
 * A corpus read once and stored as word ids, so that epochs never re-parse text.
 *
 * <p>The vocabulary pass counts words and, at the same time, writes the handle of every token to a
 * temporary file ({@code int}s in native byte order, {@link #SENTENCE_END} between sentences). Once
 * the vocabulary is known the file is rewritten in place with final ids, dropping words below
 * {@code minCount}. Memory stays bounded by the vocabulary; the corpus itself lives on disk (and in
 * the page cache) as 4 bytes per token. Workers read disjoint, sentence-aligned ranges of the file
 * with positional reads.
 *
 * <p>Sentences longer than {@code maxSentenceLength} tokens (counted before the vocabulary cut, as
 * gensim does) are split into chunks.
 */
final class EncodedCorpus implements AutoCloseable {

  /** Marks the end of a sentence in the id file. */
  static final int SENTENCE_END = -1;

  private static final int IO_BUFFER_INTS = 1 << 16;

  private final Path file;
  private final FileChannel channel;
  private final long length;
  private final Vocabulary vocabulary;
  private final CorpusStats stats;

  private EncodedCorpus(
      Path file, FileChannel channel, long length, Vocabulary vocabulary, CorpusStats stats) {
    this.file = file;
    this.channel = channel;
    this.length = length;
    this.vocabulary = vocabulary;
    this.stats = stats;
  }

  /**
   * Receives the number of tokens read so far and a rough total during the vocabulary pass; may
   * throw {@link TrainingCancelledException} to stop reading.
   */
  interface ReadProgress {
    void onTokens(long tokens, long estimatedTotal);
  }

  /**
   * Reads {@code corpus} once: builds the vocabulary and the id file.
   *
   * @param initial a vocabulary whose words must keep their ids (fine-tuning) or null
   * @throws IllegalArgumentException if the corpus has no token or no word reaches {@code minCount}
   * @throws IOException if the corpus cannot be read or is not valid UTF-8
   */
  static EncodedCorpus encode(
      Path corpus,
      Tokenizer tokenizer,
      int minCount,
      int maxVocab,
      int maxSentenceLength,
      VocabularyMerger merger,
      ReadProgress progress)
      throws IOException {
    if (!Files.isRegularFile(corpus)) {
      throw new java.nio.file.NoSuchFileException(
          corpus.toString(), null, "corpus file does not exist or is not a regular file");
    }
    if (!Files.isReadable(corpus)) {
      throw new java.nio.file.AccessDeniedException(
          corpus.toString(), null, "corpus file is not readable");
    }
    String source =
        corpus.getFileName() == null ? corpus.toString() : corpus.getFileName().toString();
    long fileSize = Files.size(corpus);
    Path file = Files.createTempFile("wordvec-corpus-", ".ids");
    FileChannel channel = null;
    boolean ok = false;
    try {
      channel =
          FileChannel.open(
              file,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              StandardOpenOption.DELETE_ON_CLOSE);
      VocabularyBuilder builder = new VocabularyBuilder();
      IdWriter writer = new IdWriter(channel);
      long sentences;
      try (CountingInputStream counting = new CountingInputStream(Files.newInputStream(corpus));
          InputStream in = maybeGunzip(counting)) {
        Reader reader =
            new Reader(source, builder, writer, maxSentenceLength, counting, fileSize, progress);
        if (tokenizer == Tokenizer.whitespace()) {
          reader.readWhitespace(in);
        } else {
          reader.readLines(in, tokenizer);
        }
        sentences = reader.sentences;
        writer.flush();
      }
      if (builder.tokens() == 0) {
        throw new IllegalArgumentException("corpus " + source + " is empty: it has no token");
      }
      Vocabulary vocabulary = merger.merge(builder, minCount, maxVocab, source);
      int[] handleToId = builder.handleToId(vocabulary);
      long[] keptAndRetained = remap(channel, writer.written, handleToId);
      long kept = keptAndRetained[0];
      long retained = keptAndRetained[1];
      CorpusStats stats =
          new CorpusStats(
              source, sentences, builder.tokens(), retained, builder.distinctWordsSeen());
      ok = true;
      return new EncodedCorpus(file, channel, kept, vocabulary, stats);
    } finally {
      if (!ok) {
        if (channel != null) {
          channel.close();
        }
        Files.deleteIfExists(file);
      }
    }
  }

  /** Builds the final vocabulary from the counts (fine-tuning merges with a base vocabulary). */
  interface VocabularyMerger {
    Vocabulary merge(VocabularyBuilder counts, int minCount, int maxVocab, String source);
  }

  /** Plain training: the vocabulary of the corpus alone. */
  static Vocabulary fromScratch(
      VocabularyBuilder counts, int minCount, int maxVocab, String source) {
    Vocabulary vocabulary = counts.build(minCount, maxVocab);
    if (vocabulary.size() == 0) {
      throw new IllegalArgumentException(
          "no word of corpus "
              + source
              + " reaches minCount="
              + minCount
              + " ("
              + counts.size()
              + " distinct words, "
              + counts.tokens()
              + " tokens); lower minCount or use a larger corpus");
    }
    return vocabulary;
  }

  Vocabulary vocabulary() {
    return vocabulary;
  }

  CorpusStats stats() {
    return stats;
  }

  /** Number of ints in the file (ids and sentence markers). */
  long length() {
    return length;
  }

  /**
   * Reads up to {@code dst.capacity() / 4} ints of {@code [position, end)} into {@code dst} and
   * returns how many. Thread-safe: positional reads.
   */
  int read(ByteBuffer dst, long position, long end) throws IOException {
    dst.clear();
    long limitBytes = Math.min((long) dst.capacity(), (Math.min(end, length) - position) * 4);
    dst.limit((int) limitBytes);
    long pos = position * 4;
    while (dst.hasRemaining()) {
      int n = channel.read(dst, pos);
      if (n < 0) {
        break;
      }
      pos += n;
    }
    dst.flip();
    return dst.remaining() / 4;
  }

  /**
   * Splits the file into {@code parts} ranges that start at sentence starts, as int positions:
   * range {@code i} is {@code [bounds[i], bounds[i+1])}.
   */
  long[] split(int parts) throws IOException {
    long[] bounds = new long[parts + 1];
    bounds[parts] = length;
    ByteBuffer buf = ByteBuffer.allocateDirect(4096 * 4).order(ByteOrder.nativeOrder());
    for (int p = 1; p < parts; p++) {
      long pos = Math.max(bounds[p - 1], length * p / parts);
      // Move forward to just after the next sentence end.
      outer:
      while (pos < length) {
        int n = read(buf, pos, length);
        IntBuffer ints = buf.asIntBuffer();
        for (int i = 0; i < n; i++) {
          if (ints.get(i) == SENTENCE_END) {
            pos += i + 1;
            break outer;
          }
        }
        pos += n;
      }
      bounds[p] = Math.min(pos, length);
    }
    return bounds;
  }

  @Override
  public void close() throws IOException {
    channel.close();
    Files.deleteIfExists(file);
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

  /**
   * Rewrites handles as final ids in place, dropping unknown words.
   *
   * @return the new length in ints and the number of word ids in it
   */
  private static long[] remap(FileChannel channel, long count, int[] handleToId)
      throws IOException {
    ByteBuffer in = ByteBuffer.allocateDirect(IO_BUFFER_INTS * 4).order(ByteOrder.nativeOrder());
    ByteBuffer out = ByteBuffer.allocateDirect(IO_BUFFER_INTS * 4).order(ByteOrder.nativeOrder());
    long readPos = 0;
    long writePos = 0;
    long words = 0;
    boolean sentenceOpen = false;
    while (readPos < count) {
      in.clear();
      in.limit((int) Math.min(in.capacity(), (count - readPos) * 4));
      long bytePos = readPos * 4;
      while (in.hasRemaining()) {
        int n = channel.read(in, bytePos);
        if (n < 0) {
          throw new IOException("temporary id file ended early");
        }
        bytePos += n;
      }
      in.flip();
      int n = in.remaining() / 4;
      readPos += n;
      for (int i = 0; i < n; i++) {
        int handle = in.getInt(i * 4);
        int value;
        if (handle == SENTENCE_END) {
          if (!sentenceOpen) {
            continue;
          }
          sentenceOpen = false;
          value = SENTENCE_END;
        } else {
          value = handleToId[handle];
          if (value < 0) {
            continue;
          }
          sentenceOpen = true;
          words++;
        }
        out.putInt(value);
        if (!out.hasRemaining()) {
          writePos = writeFully(channel, out, writePos);
        }
      }
    }
    if (sentenceOpen) {
      out.putInt(SENTENCE_END);
    }
    writePos = writeFully(channel, out, writePos);
    channel.truncate(writePos * 4);
    return new long[] {writePos, words};
  }

  private static long writeFully(FileChannel channel, ByteBuffer out, long intPos)
      throws IOException {
    out.flip();
    long bytePos = intPos * 4;
    long written = out.remaining() / 4;
    while (out.hasRemaining()) {
      bytePos += channel.write(out, bytePos);
    }
    out.clear();
    return intPos + written;
  }

  /** Buffered sequential writer of ints to the id file. */
  private static final class IdWriter {
    private final FileChannel channel;
    private final ByteBuffer buffer =
        ByteBuffer.allocateDirect(IO_BUFFER_INTS * 4).order(ByteOrder.nativeOrder());
    long written;

    IdWriter(FileChannel channel) {
      this.channel = channel;
    }

    void put(int value) throws IOException {
      buffer.putInt(value);
      if (!buffer.hasRemaining()) {
        flush();
      }
    }

    void flush() throws IOException {
      written = writeFully(channel, buffer, written);
    }
  }

  /** Turns the corpus bytes into handles and sentence markers. */
  private static final class Reader {
    private final String source;
    private final VocabularyBuilder builder;
    private final IdWriter writer;
    private final int maxSentenceLength;
    private final CountingInputStream counting;
    private final long fileSize;
    private final ReadProgress progress;
    long sentences;
    private long line = 1;
    private int sentenceLength;
    private long nextReport = 1 << 20;

    Reader(
        String source,
        VocabularyBuilder builder,
        IdWriter writer,
        int maxSentenceLength,
        CountingInputStream counting,
        long fileSize,
        ReadProgress progress) {
      this.source = source;
      this.builder = builder;
      this.writer = writer;
      this.maxSentenceLength = maxSentenceLength;
      this.counting = counting;
      this.fileSize = fileSize;
      this.progress = progress;
    }

    /** Whitespace-separated tokens, one sentence per line, parsed as bytes. */
    void readWhitespace(InputStream in) throws IOException {
      byte[] buf = new byte[1 << 20];
      int len = 0;
      int tokenStart = -1;
      while (true) {
        if (tokenStart > 0) {
          // Keep the unfinished token at the start of the buffer.
          len -= tokenStart;
          System.arraycopy(buf, tokenStart, buf, 0, len);
          tokenStart = 0;
        } else if (tokenStart < 0) {
          len = 0;
        } else if (len == buf.length) {
          buf = java.util.Arrays.copyOf(buf, buf.length * 2);
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
              token(buf, tokenStart, i - tokenStart);
              tokenStart = -1;
            }
            if (b == '\n') {
              endSentence();
              line++;
            }
          } else if (tokenStart < 0) {
            tokenStart = i;
          }
        }
        report();
      }
      if (tokenStart >= 0) {
        token(buf, tokenStart, len - tokenStart);
      }
      endSentence();
    }

    /** Decoded lines split by a normalising (or any other) tokenizer. */
    void readLines(InputStream in, Tokenizer tokenizer) throws IOException {
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
        for (String t : tokenizer.tokenize(text)) {
          byte[] bytes = t.getBytes(StandardCharsets.UTF_8);
          token(bytes, 0, bytes.length);
        }
        endSentence();
        line++;
        if ((line & 1023) == 0) {
          report();
        }
      }
    }

    private void report() {
      long tokens = builder.tokens();
      if (tokens < nextReport) {
        return;
      }
      nextReport = tokens + (1 << 20);
      long read = Math.max(1, counting.count());
      long estimate = fileSize <= read ? tokens : (long) (tokens * ((double) fileSize / read));
      progress.onTokens(tokens, estimate);
    }

    private void token(byte[] buf, int off, int len) throws IOException {
      int handle;
      try {
        handle = builder.add(buf, off, len);
      } catch (IllegalArgumentException e) {
        throw invalidUtf8();
      }
      writer.put(handle);
      if (++sentenceLength >= maxSentenceLength) {
        endSentence();
      }
    }

    private IOException invalidUtf8() {
      return new IOException("corpus " + source + " is not valid UTF-8 (line " + line + ")");
    }

    private void endSentence() throws IOException {
      if (sentenceLength > 0) {
        writer.put(SENTENCE_END);
        sentences++;
        sentenceLength = 0;
      }
    }
  }

  /** Counts the compressed bytes read, for progress on gzip input. */
  private static final class CountingInputStream extends java.io.FilterInputStream {
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
