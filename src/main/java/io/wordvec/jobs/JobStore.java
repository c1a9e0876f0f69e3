package io.wordvec.jobs;

import io.wordvec.system.DataProperties;
import io.wordvec.system.JsonRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps each job's {@link JobRecord} as a small JSON file {@code <data>/jobs/<id>.json}, rewritten
 * atomically whenever the job changes state or finishes an epoch, so a restart can list past jobs.
 */
@Component
class JobStore {

  private static final Logger log = LoggerFactory.getLogger(JobStore.class);
  static final Pattern ID = Pattern.compile("[a-f0-9]{16}");
  static final String INTERRUPTED = "the service stopped before the job finished";

  private final Path dir;

  JobStore(DataProperties data) throws IOException {
    this.dir = data.jobs();
    Files.createDirectories(dir);
  }

  void save(JobRecord job) {
    try {
      JsonRecords.writeAtomically(dir.resolve(job.id() + ".json"), job);
    } catch (IOException | RuntimeException e) {
      // the job itself goes on; only its record after a restart is affected
      log.warn("Could not write the record of job {}: {}", job.id(), e.getMessage());
    }
  }

  /** Deletes a job's record; a failure is logged, as the record then only lingers on disk. */
  void delete(String id) {
    try {
      Files.deleteIfExists(dir.resolve(id + ".json"));
    } catch (IOException e) {
      log.warn("Could not delete the record of job {}: {}", id, e.getMessage());
    }
  }

  /**
   * Reads every job record. Jobs that were queued or running when the service stopped are marked
   * FAILED with the reason, and their records rewritten.
   */
  List<JobRecord> loadAll() throws IOException {
    List<JobRecord> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
        JobRecord record;
        try {
          record = JsonRecords.read(p, JobRecord.class);
        } catch (IOException | RuntimeException e) {
          log.warn("Skipping unreadable job record {}: {}", p.getFileName(), e.getMessage());
          continue;
        }
        if (record.id() == null || !ID.matcher(record.id()).matches() || record.state() == null) {
          log.warn("Skipping job record {} without a valid id or state", p.getFileName());
          continue;
        }
        if (!record.state().isFinal()) {
          record = record.failed(INTERRUPTED + " (it was " + record.state() + ")", Instant.now());
          save(record);
        }
        out.add(record);
      }
    }
    return out;
  }
}
