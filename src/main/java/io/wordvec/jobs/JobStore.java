package io.wordvec.jobs;

import io.wordvec.io.AtomicFiles;
import io.wordvec.system.DataProperties;
import io.wordvec.system.JsonRecords;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps each job's {@link JobRecord} as a small JSON file {@code <data>/jobs/<id>.json}, rewritten
 * atomically whenever the job changes state or finishes an epoch, so a restart can list past jobs
 * and take up unfinished ones. A running training job also has a work directory {@code
 * <data>/jobs/<id>/} (its encoded corpus and its latest epoch checkpoint), deleted when the job
 * ends.
 */
@Component
class JobStore {

  private static final Logger log = LoggerFactory.getLogger(JobStore.class);
  static final Pattern ID = Pattern.compile("[a-f0-9]{16}");

  /** The training engine's checkpoint file in a work directory. */
  private static final String CHECKPOINT = "checkpoint.bin";

  /** Writes one record durably; replaced in tests by one that fails like a full disk. */
  @FunctionalInterface
  interface RecordWriter {
    void write(Path file, JobRecord record) throws IOException;
  }

  private final Path dir;
  private final RecordWriter writer;

  @Autowired
  JobStore(DataProperties data) throws IOException {
    this(data.jobs(), JsonRecords::writeAtomically);
  }

  JobStore(Path dir, RecordWriter writer) throws IOException {
    this.dir = dir;
    this.writer = writer;
    Files.createDirectories(dir);
  }

  /**
   * Writes the first record of a new job. Unlike {@link #save}, a failure is the caller's: a job
   * whose record cannot be written would be forgotten by a restart, so it is not accepted.
   *
   * @throws IOException if the record cannot be written (a full disk, say)
   */
  void create(JobRecord job) throws IOException {
    writer.write(file(job.id()), job);
  }

  /** Rewrites a job's record; a failure is logged, and the job itself goes on. */
  void save(JobRecord job) {
    try {
      writer.write(file(job.id()), job);
    } catch (IOException | RuntimeException e) {
      // the job itself goes on; only its record after a restart is affected
      log.warn("Could not write the record of job {}: {}", job.id(), e.getMessage());
    }
  }

  /** Deletes a job's record and work directory; a failure is logged, the files only linger. */
  void delete(String id) {
    try {
      Files.deleteIfExists(file(id));
    } catch (IOException e) {
      log.warn("Could not delete the record of job {}: {}", id, e.getMessage());
    }
    deleteWorkDirectory(id);
  }

  /** Where a job's training keeps its encoded corpus and checkpoints. */
  Path workDirectory(String id) {
    return dir.resolve(id);
  }

  /** Whether a job's work directory holds a checkpoint to resume from. */
  boolean hasCheckpoint(String id) {
    return Files.isRegularFile(workDirectory(id).resolve(CHECKPOINT));
  }

  /** Deletes a job's work directory, if it has one: the job will not resume. */
  void deleteWorkDirectory(String id) {
    Path work = workDirectory(id);
    if (!Files.isDirectory(work)) {
      return;
    }
    try {
      deleteTree(work);
    } catch (IOException e) {
      log.warn("Could not delete the work directory of job {}: {}", id, e.getMessage());
    }
  }

  /**
   * Reads every job record, as written: unfinished jobs stay QUEUED or RUNNING for startup recovery
   * to resume or finish. Temporary files of record writes a crash interrupted are deleted first.
   */
  List<JobRecord> loadAll() throws IOException {
    removeTemporaryFiles();
    List<JobRecord> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path p : files) {
        if (!Files.isRegularFile(p)) {
          continue;
        }
        JobRecord record;
        try {
          record = JsonRecords.read(p, JobRecord.class);
        } catch (IOException | RuntimeException e) {
          log.warn("Skipping unreadable job record {}: {}", p.getFileName(), e.getMessage());
          continue;
        }
        if (record.id() == null
            || !ID.matcher(record.id()).matches()
            || record.state() == null
            || record.type() == null
            || record.createdAt() == null
            || !p.getFileName().toString().equals(record.id() + ".json")) {
          log.warn(
              "Skipping job record {} without a valid id, type, state or date", p.getFileName());
          continue;
        }
        out.add(record);
      }
    }
    return out;
  }

  /**
   * Deletes the work directories of jobs that will not run again (any directory not named by {@code
   * live}), and the scratch files in those of the jobs about to {@code resume}; each decision
   * logged. Call it before the resumed jobs are queued: their runs own their directories.
   */
  void removeStaleWorkDirectories(Set<String> live, Set<String> resume) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        if (!live.contains(name)) {
          deleteTree(entry);
          log.info("Removed the work directory of job {}, which will not run again", name);
        } else if (resume.contains(name)) {
          removeScratch(name, entry);
        }
      }
    } catch (IOException e) {
      log.warn("Cannot clean the work directories of the jobs directory: {}", e.getMessage());
    }
  }

  /**
   * In the work directory of a job that resumes, everything but its checkpoint: the encoded corpus
   * and half-written checkpoints of the run that died (its next run encodes the corpus again).
   */
  private static void removeScratch(String id, Path work) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(work)) {
      for (Path file : files) {
        if (!file.getFileName().toString().equals(CHECKPOINT) && Files.isRegularFile(file)) {
          Files.deleteIfExists(file);
          log.info("Removed {} from the work directory of job {}", file.getFileName(), id);
        }
      }
    }
  }

  /** Temporary files of record writes ({@code .<id>.json.<random>.tmp}, or older {@code .tmp}). */
  private void removeTemporaryFiles() {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.tmp")) {
      for (Path file : entries) {
        if (Files.isRegularFile(file)) {
          Files.deleteIfExists(file);
          log.info(
              "Removed {}, left behind by an interrupted write of a job record",
              file.getFileName());
        }
      }
    } catch (IOException e) {
      log.warn("Cannot clean temporary files in the jobs directory: {}", e.getMessage());
    }
  }

  private Path file(String id) {
    return dir.resolve(id + ".json");
  }

  private static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.deleteIfExists(d);
            return FileVisitResult.CONTINUE;
          }
        });
    AtomicFiles.syncDirectory(root.getParent());
  }
}
