package io.wordvec.jobs;

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
 * Keeps each job's {@link JobView} as a small JSON file {@code <data>/jobs/<id>.json}, rewritten
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

  void save(JobView job) {
    try {
      JobsJson.writeAtomically(dir.resolve(job.id() + ".json"), job);
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
  List<JobView> loadAll() throws IOException {
    List<JobView> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
        JobView view;
        try {
          view = JobsJson.read(p, JobView.class);
        } catch (IOException | RuntimeException e) {
          log.warn("Skipping unreadable job record {}: {}", p.getFileName(), e.getMessage());
          continue;
        }
        if (view.id() == null || !ID.matcher(view.id()).matches() || view.state() == null) {
          log.warn("Skipping job record {} without a valid id or state", p.getFileName());
          continue;
        }
        if (!view.state().isFinal()) {
          view = interrupted(view);
          save(view);
        }
        out.add(view);
      }
    }
    return out;
  }

  private static JobView interrupted(JobView v) {
    return new JobView(
        v.id(),
        v.type(),
        JobState.FAILED,
        null,
        v.corpus(),
        v.baseModel(),
        v.outputModel(),
        v.activate(),
        v.overwrite(),
        v.params(),
        v.epoch(),
        v.epochs(),
        v.wordsProcessed(),
        v.wordsExpected(),
        v.wordsPerSecond(),
        v.alpha(),
        v.progress(),
        null,
        v.losses(),
        v.createdAt(),
        v.startedAt(),
        Instant.now(),
        null,
        INTERRUPTED + " (it was " + v.state() + ")",
        null);
  }
}
