package io.wordvec.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.ChildJvm;
import io.wordvec.io.AtomicFiles;
import io.wordvec.system.JsonRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with {@code kill -9} while it publishes models and writes records, at random
 * moments, leaves a directory that the next start serves whole: every model file loads and
 * verifies, every record reads, the remembered default is a served model, and the temporary files
 * of the interrupted writes are removed.
 */
@Timeout(180)
class KillDuringPublishIntegrationTests {

  private static final int ROUNDS = 4;

  @TempDir Path dir;

  @Test
  void killsDuringSavesLoseNothingThatWasPublishedAndLeaveNoTemporaryFile() throws Exception {
    Path models = dir.resolve("models");
    Path records = dir.resolve("records");
    SplittableRandom random = new SplittableRandom(18);
    int leftovers = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Path log = dir.resolve("child-" + round + ".log");
      try (ChildJvm child =
          ChildJvm.start(
              log, PublishLoop.class.getName(), models.toString(), records.toString(), "40000")) {
        awaitReady(child);
        // a random moment of the loop: most land inside a model's write (the bulk of each round)
        Thread.sleep(random.nextInt(50, 700));
        child.kill();
      }
      leftovers += temporaryFiles(models);
    }

    ModelsProperties properties = new ModelsProperties(models, "", true);
    ModelRegistry registry =
        new ModelRegistry(
            properties,
            new ModelStore(properties),
            IndexProperties.defaults(),
            e -> {},
            Runnable::run);
    registry.loadAll();
    registry.verification().join();

    assertThat(temporaryFiles(models)).as("temporary files after the restart").isZero();
    assertThat(registry.failures()).isEmpty();
    assertThat(registry.models()).isNotEmpty();
    assertThat(registry.models().keySet()).allMatch(name -> name.matches("m[012]"));
    String remembered = Files.readString(models.resolve(ModelStore.DEFAULT_FILE)).trim();
    assertThat(registry.models()).containsKey(remembered);
    assertThat(registry.defaultName()).contains(remembered);
    // a record write interrupted leaves its temporary file (the records' owner removes those at
    // startup: JobStoreTests), never a broken record
    try (Stream<Path> files = Files.list(records)) {
      for (Path record :
          files.filter(f -> !AtomicFiles.isTemporary(f.getFileName().toString())).toList()) {
        assertThat(record.getFileName().toString()).matches("record-[01]\\.json");
        assertThat(JsonRecords.read(record, Map.class)).containsKeys("round", "model");
      }
    }
    // informative: how many kills landed inside a write
    System.out.println("kill rounds leaving temporary files: " + leftovers + " of " + ROUNDS);
  }

  private static void awaitReady(ChildJvm child) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Files.exists(child.log()) && Files.readString(child.log()).contains(PublishLoop.READY)) {
        return;
      }
      if (!child.isAlive()) {
        throw new AssertionError("child exited: " + Files.readString(child.log()));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("child never became ready");
  }

  private static int temporaryFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return (int) files.filter(f -> AtomicFiles.isTemporary(f.getFileName().toString())).count();
    }
  }
}
