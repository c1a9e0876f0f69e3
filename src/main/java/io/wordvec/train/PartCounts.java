package io.wordvec.train;

import io.wordvec.vocab.CorpusReader;
import io.wordvec.vocab.TokenSource;
import io.wordvec.vocab.VocabularyBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The counting half of the vocabulary pass, over the parts of a corpus ({@link TokenSource#split})
 * at once, one thread per part: each part counts its words in its own {@link VocabularyBuilder} and
 * writes the handle of each of its tokens (or a sentence end) to its own id file. The first part
 * runs on the calling thread and writes to the corpus' id file, the others to temporary files
 * beside it, which {@link EncodedCorpus} appends to it once their handles are turned into ids.
 *
 * <p>Why: counting is most of a short training run's single-threaded time (BENCHMARKS.md, "Issue
 * 17's figures after the vector-tail change"), while the training threads wait for it.
 *
 * <p>Memory stays bounded: each part's table holds at most its share of {@link
 * VocabularyBuilder#DEFAULT_MAX_TABLE_SIZE}, so that the parts together hold no more than one
 * table, and the merged table (its own bound the full one) exists beside them only while they are
 * merged. A part that fails stops the others at their next progress report; the failure thrown is
 * that of the earliest part in corpus order, the one a single pass would have met first.
 */
final class PartCounts implements AutoCloseable {

  private static final int IO_BUFFER_INTS = 1 << 16;

  /** One part's counts and the handles of its tokens. */
  static final class Part {
    final FileChannel channel;
    final VocabularyBuilder builder;
    private final ByteBuffer buffer =
        ByteBuffer.allocateDirect(IO_BUFFER_INTS * 4).order(ByteOrder.nativeOrder());
    long written;
    CorpusReader.Totals totals;

    Part(FileChannel channel, VocabularyBuilder builder) {
      this.channel = channel;
      this.builder = builder;
    }

    private final CorpusReader.TokenSink sink =
        new CorpusReader.TokenSink() {
          @Override
          public void token(byte[] utf8, int off, int len) throws IOException {
            put(builder.add(utf8, off, len));
          }

          @Override
          public void endSentence() throws IOException {
            put(EncodedCorpus.SENTENCE_END);
          }
        };

    private void put(int value) throws IOException {
      buffer.putInt(value);
      if (!buffer.hasRemaining()) {
        flush();
      }
    }

    private void flush() throws IOException {
      written = EncodedCorpus.writeFully(channel, buffer, written);
    }
  }

  private final List<Part> parts = new ArrayList<>();
  private final List<Path> tempFiles = new ArrayList<>();

  private PartCounts() {}

  /**
   * Counts {@code sources} at once, the first into {@code first}, the others into temporary files
   * in {@code dir} (null: the system's temporary directory).
   *
   * @param progress receives the sum over the parts, from one thread at a time
   * @throws IOException if a part cannot be read or written
   */
  static PartCounts count(
      List<TokenSource> sources, FileChannel first, Path dir, CorpusReader.Progress progress)
      throws IOException {
    int n = sources.size();
    PartCounts counts = new PartCounts();
    boolean ok = false;
    try {
      int tableSize = Math.max(2, VocabularyBuilder.DEFAULT_MAX_TABLE_SIZE / n);
      for (int k = 0; k < n; k++) {
        FileChannel channel = k == 0 ? first : counts.openTemporary(dir);
        counts.parts.add(new Part(channel, new VocabularyBuilder(tableSize)));
      }
      SummedProgress summed = new SummedProgress(n, progress);
      Throwable[] failures = new Throwable[n];
      Thread[] threads = new Thread[n];
      for (int k = 1; k < n; k++) {
        int part = k;
        threads[k] =
            new Thread(
                () -> counts.read(part, sources.get(part), summed, failures),
                "wordvec-vocabulary-" + k);
        threads[k].setDaemon(true);
        threads[k].start();
      }
      counts.read(0, sources.get(0), summed, failures);
      joinAll(threads);
      throwFirst(failures);
      ok = true;
      return counts;
    } finally {
      if (!ok) {
        counts.close();
      }
    }
  }

  List<Part> parts() {
    return parts;
  }

  /** Closes and deletes the temporary files (the first part's file is its owner's). */
  @Override
  public void close() throws IOException {
    for (int k = 1; k < parts.size(); k++) {
      parts.get(k).channel.close();
    }
    for (Path file : tempFiles) {
      Files.deleteIfExists(file);
    }
  }

  private FileChannel openTemporary(Path dir) throws IOException {
    Path file =
        dir == null
            ? Files.createTempFile("wordvec-corpus-", ".part")
            : Files.createTempFile(dir, "corpus-", ".part");
    tempFiles.add(file);
    return FileChannel.open(
        file,
        StandardOpenOption.READ,
        StandardOpenOption.WRITE,
        StandardOpenOption.DELETE_ON_CLOSE);
  }

  private void read(int k, TokenSource source, SummedProgress summed, Throwable[] failures) {
    Part part = parts.get(k);
    try {
      part.totals = source.read(part.sink, summed.of(k));
      part.flush();
    } catch (Throwable e) {
      failures[k] = e;
      summed.stop();
    }
  }

  /** Waits for every thread, even when interrupted: no part outlives the pass. */
  private static void joinAll(Thread[] threads) {
    boolean interrupted = false;
    for (Thread thread : threads) {
      while (thread != null) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void throwFirst(Throwable[] failures) throws IOException {
    for (Throwable e : failures) {
      if (e != null && !(e instanceof Stopped)) {
        ThreadFailure.rethrow(e, "vocabulary pass");
      }
    }
  }

  /** Thrown into a part at its next report once another part failed. */
  private static final class Stopped extends RuntimeException {
    Stopped() {
      super("another part of the vocabulary pass failed", null, false, false);
    }
  }

  /** The parts' progress summed into one report, passed on one at a time. */
  private static final class SummedProgress {
    private final long[] tokens;
    private final long[] estimates;
    private final CorpusReader.Progress target;
    private volatile boolean stopped;

    SummedProgress(int parts, CorpusReader.Progress target) {
      this.tokens = new long[parts];
      this.estimates = new long[parts];
      this.target = target;
    }

    CorpusReader.Progress of(int part) {
      return (read, estimate) -> report(part, read, estimate);
    }

    void stop() {
      stopped = true;
    }

    private synchronized void report(int part, long read, long estimate) {
      if (stopped) {
        throw new Stopped();
      }
      tokens[part] = read;
      estimates[part] = estimate;
      long sumTokens = 0;
      long sumEstimates = 0;
      for (int k = 0; k < tokens.length; k++) {
        sumTokens += tokens[k];
        sumEstimates += Math.max(estimates[k], tokens[k]);
      }
      target.onTokens(sumTokens, sumEstimates);
    }
  }
}
