package io.wordvec.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The {@code storage} health component: free space where the service writes, the data directory
 * (corpora, job records, checkpoints) and the models directory, rather than the working directory
 * that Spring's own disk check watches (turned off). DOWN when either has less than {@code
 * wordvec.data.min-free-space} left: uploads and jobs would then fail with 507. The directories are
 * named by role, never by path, since health answers without authentication.
 */
@Component
class StorageHealthIndicator implements HealthIndicator {

  private static final Logger LOG = LoggerFactory.getLogger(StorageHealthIndicator.class);

  /** Usable bytes of the file system that holds a directory. */
  @FunctionalInterface
  interface SpaceProbe {
    long usableBytes(Path dir) throws IOException;
  }

  private final Map<String, Path> directories;
  private final long threshold;
  private final SpaceProbe probe;

  @Autowired
  StorageHealthIndicator(
      DataProperties data,
      @Value("${wordvec.models.dir:models}") Path models,
      @Value("${wordvec.data.min-free-space:100MB}") DataSize threshold) {
    this(data.dir(), models, threshold, StorageHealthIndicator::usableBytes);
  }

  StorageHealthIndicator(Path data, Path models, DataSize threshold, SpaceProbe probe) {
    this.directories = new LinkedHashMap<>();
    directories.put("data", data);
    directories.put("models", models);
    this.threshold = threshold.toBytes();
    this.probe = probe;
  }

  @Override
  public Health health() {
    boolean up = true;
    Map<String, Object> details = new LinkedHashMap<>();
    for (Map.Entry<String, Path> entry : directories.entrySet()) {
      Map<String, Object> detail = new LinkedHashMap<>();
      try {
        long free = probe.usableBytes(entry.getValue());
        boolean enough = free >= threshold;
        up &= enough;
        detail.put("free", free);
        detail.put("threshold", threshold);
        detail.put("status", enough ? "UP" : "DOWN");
      } catch (IOException | RuntimeException e) {
        up = false;
        detail.put("status", "DOWN");
        detail.put("error", "free space cannot be read");
        LOG.warn(
            "Cannot read the free space of the {} directory: {}", entry.getKey(), e.toString());
      }
      details.put(entry.getKey(), detail);
    }
    return (up ? Health.up() : Health.down()).withDetails(details).build();
  }

  /** The usable space where {@code dir} is, or would be (its nearest existing ancestor). */
  private static long usableBytes(Path dir) throws IOException {
    Path existing = dir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new IOException("no existing directory on the path");
    }
    return Files.getFileStore(existing).getUsableSpace();
  }
}
