package io.wordvec.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.system.DataProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a crash leaves in the jobs directory is cleaned at startup; records are read as written. */
class JobStoreTests {

  @TempDir Path data;

  @Test
  void loadingRemovesTheTemporaryFilesOfInterruptedRecordWritesAndSkipsBrokenRecords()
      throws Exception {
    JobStore store = new JobStore(new DataProperties(data));
    Path jobs = data.resolve("jobs");
    Files.writeString(jobs.resolve(".0123456789abcdef.json.987.tmp"), "{\"id\": \"0123");
    Files.writeString(jobs.resolve("0123456789abcdef.json.tmp"), "{}");
    Files.writeString(jobs.resolve("fedcba9876543210.json"), "{\"id\": \"fedcba98");

    assertThat(store.loadAll()).isEmpty();

    try (Stream<Path> files = Files.list(jobs)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactly("fedcba9876543210.json");
    }
  }

  @Test
  void workDirectoriesOfJobsThatWillNotRunAgainGoAndResumedOnesKeepOnlyTheirCheckpoint()
      throws Exception {
    JobStore store = new JobStore(new DataProperties(data));
    Path stale = store.workDirectory("0000000000000001");
    Path resumed = store.workDirectory("0000000000000002");
    Path running = store.workDirectory("0000000000000003");
    for (Path dir : new Path[] {stale, resumed, running}) {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("checkpoint.bin"), "c");
      Files.writeString(dir.resolve(".checkpoint.bin.5.tmp"), "half");
    }

    store.removeStaleWorkDirectories(
        Set.of("0000000000000002", "0000000000000003"), Set.of("0000000000000002"));

    assertThat(stale).doesNotExist();
    try (Stream<Path> files = Files.list(resumed)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("checkpoint.bin");
    }
    assertThat(running.resolve(".checkpoint.bin.5.tmp")).as("a live run's own file").exists();
    assertThat(store.hasCheckpoint("0000000000000002")).isTrue();
  }
}
