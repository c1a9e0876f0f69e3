package io.wordvec.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.train.CorpusStats;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingConfig;
import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a crash leaves in the models directory is cleaned at startup; published files are 0644. */
class ModelStoreDurabilityTests {

  @TempDir Path dir;

  private static TrainedModel model() {
    float[] input = {1, 0, 0, 1, 0.5f, 0.5f};
    float[] output = {0.1f, 0, 0, 0.1f, 0, 0};
    return new TrainedModel(
        new Vocabulary(new String[] {"a", "b", "c"}, new long[] {3, 2, 1}),
        2,
        input,
        output,
        TrainingConfig.builder().dimension(2).build(),
        new CorpusStats("test", 1, 6, 6, 3),
        Instant.now(),
        Map.of());
  }

  private ModelRegistry registry() {
    ModelsProperties properties = new ModelsProperties(dir, "", true);
    return new ModelRegistry(properties, new ModelStore(properties), IndexProperties.defaults());
  }

  @Test
  void startupRemovesTheTemporaryFilesOfInterruptedWritesAndNothingElse() throws IOException {
    Files.copy(Path.of("src/test/resources/models/tiny.txt"), dir.resolve("a.txt"));
    Files.write(dir.resolve(".big.wvm.123456789.tmp"), new byte[4096]);
    Files.write(dir.resolve("..default-model.42.tmp"), new byte[3]);
    Files.write(dir.resolve(".a.hnsw.7.tmp"), new byte[0]);
    Files.writeString(dir.resolve(".default-model"), "a\n");
    Files.writeString(dir.resolve(".notes"), "kept");
    Files.writeString(dir.resolve("readme.tmp"), "kept: not one of ours");

    ModelRegistry registry = registry();
    registry.loadAll();

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("a.txt", ".default-model", ".notes", "readme.tmp");
    }
    assertThat(registry.models()).containsOnlyKeys("a");
    assertThat(registry.failures()).isEmpty();
  }

  @Test
  void publishedModelsAndTheRememberedDefaultAreReadableByAll() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    ModelRegistry registry = registry();
    registry.loadAll();
    TrainedModel model = model();

    registry.publish("shared", model, model.wordVectors(), true);

    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("shared.wvm"))))
        .isEqualTo("rw-r--r--");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(ModelStore.DEFAULT_FILE))))
        .isEqualTo("rw-r--r--");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("shared.wvm", ".default-model");
    }
  }

  @Test
  void aRememberedDefaultThatIsGoneGivesWayToAnotherModel() throws IOException {
    Files.copy(Path.of("src/test/resources/models/tiny.txt"), dir.resolve("a.txt"));
    Files.writeString(dir.resolve(".default-model"), "vanished\n");

    ModelRegistry registry = registry();
    registry.loadAll();

    assertThat(registry.defaultName()).contains("a");
  }
}
