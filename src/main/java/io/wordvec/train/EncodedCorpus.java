package io.wordvec.train;

import io.wordvec.vocab.CorpusReader;
import io.wordvec.vocab.TokenSource;
import io.wordvec.vocab.Vocabulary;
import io.wordvec.vocab.VocabularyBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A corpus stored as word ids, so that epochs never re-parse text.
 *
 * <p>The vocabulary pass ({@link CorpusReader}) counts words and, at the same time, writes the
 * handle of every token to a temporary file ({@code int}s in native byte order, {@link
 * #SENTENCE_END} between sentences). A corpus that {@linkplain TokenSource#split splits} is counted
 * in parts at once ({@link PartCounts}), whose counts are then merged. Once the vocabulary is known
 * the file is rewritten in place with final ids, dropping words outside the vocabulary, and the
 * other parts' handles are appended to it as ids. Memory stays bounded by the vocabulary; the
 * corpus itself lives on disk (and in the page cache) as 4 bytes per token. Workers read disjoint,
 * sentence-aligned ranges of the file ({@link #split}) with positional reads.
 *
 * <p>Thread-safe for reading once built; {@link #close()} deletes the file.
 */
final class EncodedCorpus implements SentenceIds, AutoCloseable {

  /** Marks the end of a sentence in the id file. */
  static final int SENTENCE_END = -1;

  private static final int IO_BUFFER_INTS = 1 << 16;

  private final Path file;
  private final FileChannel channel;
  private final long length;
  private final Vocabulary vocabulary;
  private final long[] counts;
  private final CorpusStats stats;

  private EncodedCorpus(
      Path file,
      FileChannel channel,
      long length,
      Vocabulary vocabulary,
      long[] counts,
      CorpusStats stats) {
    this.file = file;
    this.channel = channel;
    this.length = length;
    this.vocabulary = vocabulary;
    this.counts = counts;
    this.stats = stats;
  }

  /** Builds the final vocabulary from the counts of the pass (fine-tuning merges a base one). */
  interface VocabularyRule {
    /**
     * @param counts every word of the corpus with its count
     * @param source the corpus' name, for messages
     * @throws IllegalArgumentException if no word qualifies
     */
    Vocabulary build(VocabularyBuilder counts, String source);
  }

  /**
   * Reads the corpus once: builds the vocabulary and the id file.
   *
   * @throws IllegalArgumentException if the corpus has no token or {@code rule} finds no word
   * @throws IOException if the corpus cannot be read or is not valid UTF-8
   */
  static EncodedCorpus encode(
      TokenSource reader, VocabularyRule rule, CorpusReader.Progress progress) throws IOException {
    return encode(reader, rule, progress, null, 1);
  }

  /**
   * As {@link #encode(TokenSource, VocabularyRule, CorpusReader.Progress)}, with the id file in
   * {@code dir} (null: the system's temporary directory), so that a process that dies leaves it
   * where its owner cleans up, and the corpus read in up to {@code threads} parts at once.
   */
  static EncodedCorpus encode(
      TokenSource reader,
      VocabularyRule rule,
      CorpusReader.Progress progress,
      Path dir,
      int threads)
      throws IOException {
    String source = reader.source();
    Path file =
        dir == null
            ? Files.createTempFile("wordvec-corpus-", ".ids")
            : Files.createTempFile(dir, "corpus-", ".ids");
    FileChannel channel = null;
    boolean ok = false;
    try {
      channel =
          FileChannel.open(
              file,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              StandardOpenOption.DELETE_ON_CLOSE);
      EncodedCorpus corpus;
      try (PartCounts parts =
          PartCounts.count(reader.split(Math.max(1, threads)), channel, dir, progress)) {
        corpus = merge(parts.parts(), rule, source, file, channel);
      }
      ok = true;
      return corpus;
    } finally {
      if (!ok) {
        if (channel != null) {
          channel.close();
        }
        Files.deleteIfExists(file);
      }
    }
  }

  /** The vocabulary of the parts' merged counts, and their handles turned into ids in order. */
  private static EncodedCorpus merge(
      List<PartCounts.Part> parts,
      VocabularyRule rule,
      String source,
      Path file,
      FileChannel channel)
      throws IOException {
    // One part's counts are the corpus'; several are merged into a table of the full bound (each
    // part's holds its share of it).
    boolean one = parts.size() == 1;
    VocabularyBuilder builder = one ? parts.get(0).builder : new VocabularyBuilder();
    int[][] partHandles = new int[parts.size()][];
    long sentences = 0;
    long tokens = 0;
    long truncated = 0;
    for (int k = 0; k < parts.size(); k++) {
      PartCounts.Part part = parts.get(k);
      partHandles[k] = one ? null : builder.addAll(part.builder);
      sentences += part.totals.sentences();
      tokens += part.totals.tokens();
      truncated += part.totals.truncatedTokens();
    }
    if (tokens == 0) {
      throw new IllegalArgumentException("corpus " + source + " is empty: it has no token");
    }
    Vocabulary vocabulary = rule.build(builder, source);
    long[] counts = new long[vocabulary.size()];
    int[] handleToId = builder.handleToId(vocabulary);
    long kept = 0;
    for (int k = 0; k < parts.size(); k++) {
      PartCounts.Part part = parts.get(k);
      int[] toId = one ? handleToId : compose(partHandles[k], handleToId);
      kept = remap(part.channel, part.written, channel, kept, toId, counts);
    }
    channel.truncate(kept * 4);
    long retained = 0;
    for (long c : counts) {
      retained += c;
    }
    CorpusStats stats =
        new CorpusStats(
            source, sentences, tokens, retained, builder.distinctWordsSeen(), truncated);
    return new EncodedCorpus(file, channel, kept, vocabulary, counts, stats);
  }

  /** A part's handle to id map: through its handle in the merged counts (-1 stays -1). */
  private static int[] compose(int[] partToMerged, int[] mergedToId) {
    int[] map = new int[partToMerged.length];
    for (int h = 0; h < map.length; h++) {
      int merged = partToMerged[h];
      map[h] = merged < 0 ? -1 : mergedToId[merged];
    }
    return map;
  }

  Vocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * How often each vocabulary word occurs in this corpus, by id. Equal to the vocabulary's counts
   * when training from scratch; only this corpus' share when fine-tuning.
   */
  long[] counts() {
    return counts;
  }

  CorpusStats stats() {
    return stats;
  }

  /**
   * Reads up to {@code dst.capacity() / 4} ints of {@code [position, end)} into {@code dst} and
   * returns how many. Thread-safe: positional reads.
   */
  @Override
  public int read(ByteBuffer dst, long position, long end) throws IOException {
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
   * range {@code i} is {@code [bounds[i], bounds[i+1])}; the last one ends at the end of the file.
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

  /**
   * Rewrites the {@code count} handles of {@code source} as final ids into {@code target} from int
   * position {@code writePos} (in place when both are one file: ids are never ahead of handles),
   * dropping unknown words, and counts each id in {@code counts}.
   *
   * @return the position after the last id written
   */
  private static long remap(
      FileChannel source,
      long count,
      FileChannel target,
      long writePos,
      int[] handleToId,
      long[] counts)
      throws IOException {
    ByteBuffer in = ByteBuffer.allocateDirect(IO_BUFFER_INTS * 4).order(ByteOrder.nativeOrder());
    ByteBuffer out = ByteBuffer.allocateDirect(IO_BUFFER_INTS * 4).order(ByteOrder.nativeOrder());
    long readPos = 0;
    boolean sentenceOpen = false;
    while (readPos < count) {
      in.clear();
      in.limit((int) Math.min(in.capacity(), (count - readPos) * 4));
      long bytePos = readPos * 4;
      while (in.hasRemaining()) {
        int n = source.read(in, bytePos);
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
          counts[value]++;
        }
        out.putInt(value);
        if (!out.hasRemaining()) {
          writePos = writeFully(target, out, writePos);
        }
      }
    }
    if (sentenceOpen) {
      out.putInt(SENTENCE_END);
    }
    return writeFully(target, out, writePos);
  }

  /** Writes {@code out}'s content at int position {@code intPos}; returns the position after it. */
  static long writeFully(FileChannel channel, ByteBuffer out, long intPos) throws IOException {
    out.flip();
    long bytePos = intPos * 4;
    long written = out.remaining() / 4;
    while (out.hasRemaining()) {
      bytePos += channel.write(out, bytePos);
    }
    out.clear();
    return intPos + written;
  }
}
