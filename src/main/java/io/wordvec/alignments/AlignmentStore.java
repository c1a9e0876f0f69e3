package io.wordvec.alignments;

import io.wordvec.align.Alignment;
import io.wordvec.align.HubnessCache;
import io.wordvec.system.DataProperties;
import io.wordvec.system.JsonRecords;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The saved alignments: one JSON file each, {@code <data>/alignments/<id>.json}, written to a
 * temporary file and renamed over (a crash leaves the old file or the new one), all read at startup
 * and then held in memory with their matrices (a 300-dimensional one is 360 KB). At most one
 * alignment per (source, target) pair: saving one for a pair replaces the pair's previous one. A
 * file that cannot be read is logged and left alone, so that nothing is lost to a bad restart.
 */
@Component
class AlignmentStore {

  private static final Logger LOG = LoggerFactory.getLogger(AlignmentStore.class);
  private static final Pattern ID = Pattern.compile("[a-f0-9]{12}");

  /**
   * A saved alignment in memory, with its CSLS penalties once a query has needed some.
   *
   * @param record what the file holds
   * @param alignment the map
   */
  record Entry(AlignmentRecord record, Alignment alignment, AtomicReference<HubnessCache> hubness) {

    Entry(AlignmentRecord record, Alignment alignment) {
      this(record, alignment, new AtomicReference<>());
    }

    /** This alignment's penalties for a target model of {@code targetWords} words. */
    HubnessCache hubness(int targetWords, int k) {
      HubnessCache cache = hubness.get();
      if (cache == null || cache.size() != targetWords || cache.k() != k) {
        HubnessCache fresh = new HubnessCache(targetWords, k);
        cache = hubness.compareAndSet(cache, fresh) ? fresh : hubness.get();
      }
      return cache;
    }
  }

  private final Path dir;

  /** By id. Guarded by this store's lock. */
  private final Map<String, Entry> entries = new HashMap<>();

  AlignmentStore(DataProperties data) throws IOException {
    this.dir = data.alignments();
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".tmp")) {
          Files.deleteIfExists(file); // an interrupted save: the previous file is intact
        } else if (name.endsWith(".json")) {
          load(file);
        }
      }
    }
  }

  private void load(Path file) {
    try {
      AlignmentRecord record = JsonRecords.read(file, AlignmentRecord.class);
      if (record.id() == null
          || !ID.matcher(record.id()).matches()
          || !file.getFileName().toString().equals(record.id() + ".json")) {
        throw new IllegalArgumentException("the id does not match the file name");
      }
      Alignment alignment = Alignment.of(record.dimension(), decode(record.matrix()));
      entries.put(record.id(), new Entry(record, alignment));
    } catch (IOException | RuntimeException e) {
      LOG.warn("Skipping unreadable alignment file {}: {}", file.getFileName(), e.getMessage());
    }
  }

  /** A fresh id. */
  static String newId() {
    return java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  synchronized Optional<Entry> find(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  /** The alignment from model {@code source} to model {@code target}, if one is saved. */
  synchronized Optional<Entry> findPair(String source, String target) {
    return entries.values().stream()
        .filter(e -> e.record().source().equals(source) && e.record().target().equals(target))
        .findFirst();
  }

  /** Every saved alignment, oldest first. */
  synchronized List<Entry> list() {
    List<Entry> all = new ArrayList<>(entries.values());
    all.sort(
        Comparator.comparing((Entry e) -> e.record().createdAt())
            .thenComparing(e -> e.record().id()));
    return all;
  }

  /**
   * Saves an alignment, replacing the one saved for the same pair of models if any (its file is
   * deleted once the new one is in place).
   *
   * @param max the most alignments kept
   * @return the id of the alignment it replaced, or empty
   * @throws AlignmentProblem 409 if {@code max} alignments are saved and none is for this pair
   */
  synchronized Optional<String> save(AlignmentRecord record, Alignment alignment, int max)
      throws IOException {
    Optional<Entry> previous = findPair(record.source(), record.target());
    if (previous.isEmpty() && entries.size() >= max) {
      throw AlignmentProblem.tooMany(max);
    }
    JsonRecords.writeAtomically(file(record.id()), record);
    entries.put(record.id(), new Entry(record, alignment));
    if (previous.isPresent()) {
      String old = previous.get().record().id();
      entries.remove(old);
      Files.deleteIfExists(file(old));
      return Optional.of(old);
    }
    return Optional.empty();
  }

  /** Deletes an alignment; false if there is none with this id. */
  synchronized boolean delete(String id) throws IOException {
    if (entries.remove(id) == null) {
      return false;
    }
    Files.deleteIfExists(file(id));
    return true;
  }

  private Path file(String id) {
    return dir.resolve(id + ".json");
  }

  /** A matrix as base64 of little-endian float32 values. */
  static String encode(float[] matrix) {
    ByteBuffer bytes =
        ByteBuffer.allocate(matrix.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(matrix);
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  /** {@link #encode}'s inverse. */
  static float[] decode(String base64) {
    if (base64 == null) {
      throw new IllegalArgumentException("no matrix");
    }
    byte[] bytes = Base64.getDecoder().decode(base64);
    if (bytes.length % Float.BYTES != 0) {
      throw new IllegalArgumentException("the matrix is not a whole number of floats");
    }
    float[] matrix = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(matrix);
    return matrix;
  }
}
