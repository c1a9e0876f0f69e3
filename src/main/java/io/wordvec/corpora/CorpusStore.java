package io.wordvec.corpora;

import io.wordvec.system.DataProperties;
import io.wordvec.system.JsonRecords;
import io.wordvec.vocab.Utf8Validator;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stores uploaded corpora as {@code <data>/corpora/<id>.txt} with a {@code <id>.json} record beside
 * it. Uploads are streamed to disk in small buffers (never held in memory), gzip is detected by its
 * magic bytes and unpacked on the way, and lines and tokens are counted and the text checked to be
 * UTF-8 in the same pass. A refused upload leaves nothing on disk.
 */
@Component
public class CorpusStore {

  private static final Logger log = LoggerFactory.getLogger(CorpusStore.class);
  private static final Pattern ID = Pattern.compile("[a-f0-9]{12}");

  private final Path dir;
  private final long maxBytes;

  /** Open leases: corpus id to the holders (job ids). Guarded by this store's lock. */
  private final Map<String, Set<String>> leases = new HashMap<>();

  public CorpusStore(DataProperties data, CorporaProperties corpora) throws IOException {
    this.dir = data.corpora();
    this.maxBytes = corpora.maxSize().toBytes();
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(dir)) {
      // leftovers of uploads (.part) and record writes (.<id>.json.<random>.tmp) a crash
      // interrupted
      for (Path p : files.filter(CorpusStore::isLeftover).toList()) {
        Files.deleteIfExists(p);
        log.info("Removed {}, left behind by an interrupted upload or write", p.getFileName());
      }
    }
  }

  private static boolean isLeftover(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".part") || (name.startsWith(".") && name.endsWith(".tmp"));
  }

  long maxBytes() {
    return maxBytes;
  }

  /**
   * Streams {@code body} into a new corpus.
   *
   * @param name the client's file name, or null
   * @throws io.wordvec.system.ApiException 413 beyond the size limit, 400 for an empty or broken
   *     upload
   */
  public Corpus store(InputStream body, String name) throws IOException {
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path part = dir.resolve(id + ".part");
    Counts counts = new Counts();
    try {
      InputStream raw = new BufferedInputStream(new LimitedInputStream(body, maxBytes), 1 << 16);
      InputStream text = isGzip(raw) ? new GZIPInputStream(raw, 1 << 16) : raw;
      try (InputStream in = new LimitedInputStream(text, maxBytes);
          OutputStream out = Files.newOutputStream(part)) {
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
          counts.add(buf, n);
          if (counts.invalidUtf8At != Utf8Validator.VALID) {
            throw CorpusProblems.notUtf8(counts.invalidUtf8At);
          }
          out.write(buf, 0, n);
        }
      }
      long unfinished = counts.utf8.finish();
      if (unfinished != Utf8Validator.VALID) {
        throw CorpusProblems.notUtf8(unfinished);
      }
      if (counts.tokens == 0) {
        throw CorpusProblems.empty();
      }
      Corpus corpus =
          new Corpus(
              id, cleanName(name), counts.bytes, counts.lines(), counts.tokens, Instant.now());
      Files.move(part, textFile(id), StandardCopyOption.ATOMIC_MOVE);
      JsonRecords.writeAtomically(recordFile(id), corpus);
      log.info(
          "Stored corpus {} ({} bytes, {} lines, {} tokens)",
          id,
          corpus.bytes(),
          corpus.lines(),
          corpus.tokens());
      return corpus;
    } catch (TooLargeException e) {
      throw CorpusProblems.tooLarge(maxBytes);
    } catch (ZipException | java.io.EOFException e) {
      throw CorpusProblems.unreadable("broken gzip data");
    } finally {
      Files.deleteIfExists(part);
    }
  }

  List<Corpus> list() throws IOException {
    List<Corpus> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
        try {
          out.add(JsonRecords.read(p, Corpus.class));
        } catch (IOException | RuntimeException e) {
          log.warn("Skipping unreadable corpus record {}: {}", p.getFileName(), e.getMessage());
        }
      }
    }
    out.sort(Comparator.comparing(Corpus::uploadedAt).reversed());
    return out;
  }

  Optional<Corpus> find(String id) {
    if (id == null || !ID.matcher(id).matches() || !Files.exists(recordFile(id))) {
      return Optional.empty();
    }
    try {
      return Optional.of(JsonRecords.read(recordFile(id), Corpus.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a stored corpus has this id. */
  public boolean exists(String id) {
    return id != null && ID.matcher(id).matches() && Files.exists(recordFile(id));
  }

  /** The text file of an existing corpus. */
  public Path path(String id) {
    return textFile(id);
  }

  /**
   * Holds corpus {@code id} for {@code holder} until the lease is closed: meanwhile it cannot be
   * deleted.
   *
   * @throws io.wordvec.system.ApiException 404 corpus-not-found if there is no such corpus
   */
  public synchronized CorpusLease acquire(String id, String holder) {
    if (!exists(id)) {
      throw CorpusProblems.notFound(id);
    }
    leases.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(holder);
    return new CorpusLease(this, id, holder);
  }

  synchronized void release(String id, String holder) {
    Set<String> holders = leases.get(id);
    if (holders != null && holders.remove(holder) && holders.isEmpty()) {
      leases.remove(id);
    }
  }

  /**
   * Deletes a corpus, unless a lease holds it.
   *
   * @return false if there was none
   * @throws io.wordvec.system.ApiException 409 corpus-in-use while a lease holds it
   */
  synchronized boolean delete(String id) throws IOException {
    if (!exists(id)) {
      return false;
    }
    Set<String> holders = leases.get(id);
    if (holders != null && !holders.isEmpty()) {
      throw CorpusProblems.inUse(id, holders.iterator().next());
    }
    Files.deleteIfExists(recordFile(id));
    Files.deleteIfExists(textFile(id));
    log.info("Deleted corpus {}", id);
    return true;
  }

  private Path textFile(String id) {
    return dir.resolve(id + ".txt");
  }

  private Path recordFile(String id) {
    return dir.resolve(id + ".json");
  }

  private static boolean isGzip(InputStream in) throws IOException {
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    return b1 == 0x1f && b2 == 0x8b;
  }

  private static String cleanName(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    // keep the base name only; a client path says nothing useful here
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    return base.length() > 200 ? base.substring(0, 200) : base;
  }

  /**
   * Counts bytes, newlines and whitespace-separated tokens of a byte stream, and checks that it is
   * UTF-8 as it streams in (a corpus that is not is refused at upload, not when a job reads it).
   */
  static final class Counts {
    long bytes;
    long newlines;
    long tokens;
    final Utf8Validator utf8 = new Utf8Validator();

    /** Where the first invalid UTF-8 sequence starts, or {@link Utf8Validator#VALID}. */
    long invalidUtf8At = Utf8Validator.VALID;

    private boolean inToken;
    private int last = '\n';

    void add(byte[] buf, int n) {
      if (invalidUtf8At == Utf8Validator.VALID) {
        invalidUtf8At = utf8.feed(buf, 0, n);
      }
      for (int i = 0; i < n; i++) {
        int b = buf[i];
        boolean space = b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == 0x0b;
        if (b == '\n') {
          newlines++;
        }
        if (!space && !inToken) {
          tokens++;
        }
        inToken = !space;
      }
      if (n > 0) {
        last = buf[n - 1];
      }
      bytes += n;
    }

    /** Newlines, plus a last line without one. */
    long lines() {
      return newlines + (bytes > 0 && last != '\n' ? 1 : 0);
    }
  }

  private static final class TooLargeException extends IOException {
    TooLargeException() {
      super("upload too large");
    }
  }

  /** Fails with {@link TooLargeException} once more than {@code limit} bytes were read. */
  private static final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      count += n;
      if (count > limit) {
        throw new TooLargeException();
      }
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
