package io.wordvec.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.index.HnswIndex;
import io.wordvec.index.HnswParameters;
import io.wordvec.index.IndexBuildListener;
import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.io.NativeFormat;
import io.wordvec.models.IndexProperties;
import io.wordvec.models.ModelRegistry;
import io.wordvec.models.ModelStore;
import io.wordvec.models.ModelsProperties;
import io.wordvec.testing.Matrices;
import io.wordvec.train.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Served models keep no output matrix; fine-tuning reads it from the model's file. */
class RegistryModelCatalogTests {

  private static final List<String> WORDS = List.of("the", "king", "queen", "castle", "ghost");

  @TempDir Path dir;

  private ModelRegistry registry;
  private RegistryModelCatalog catalog;

  @BeforeEach
  void catalog() {
    ModelsProperties properties = new ModelsProperties(dir, "", false);
    ModelStore store = new ModelStore(properties);
    registry = new ModelRegistry(properties, store, IndexProperties.defaults());
    catalog = new RegistryModelCatalog(registry, store);
  }

  private static TrainedModel model(List<String> words, int dim, long seed, Instant createdAt) {
    TrainedModel random = TestModels.random(words, dim, seed);
    return new TrainedModel(
        random.vocabulary(),
        dim,
        random.inputVectors(),
        random.outputVectors(),
        random.config(),
        random.corpus(),
        createdAt,
        Map.of("analogy", 0.25));
  }

  /** Writes a model into the models directory and registers it as a startup load would. */
  private TrainedModel served(String name, TrainedModel model) throws IOException {
    Path file = dir.resolve(name + "." + NativeFormat.EXTENSION);
    NativeFormat.write(model, file);
    registry.register(name, ModelFiles.loadForServing(file));
    return model;
  }

  @Test
  void aServedTrainedModelHasNoOutputMatrixButCanBeFineTunedFromItsFile() throws IOException {
    TrainedModel original =
        served("base", model(WORDS, 6, 1, Instant.parse("2026-01-01T00:00:00Z")));

    LoadedModel registered = registry.find("base").orElseThrow();
    assertThat(registered.trained()).as("the registry keeps no output matrix").isEmpty();
    assertThat(registered.training()).contains(original.info());
    assertThat(catalog.canFineTune("base")).isTrue();

    TrainedModel loaded = catalog.load("base");
    assertThat(loaded.outputVectors()).isEqualTo(original.outputVectors());
    // The file stores unit rows and norms: the input rows come back to float rounding.
    Matrices.assertWithinRounding(loaded.inputVectors(), original.inputVectors(), 6);
    assertThat(loaded.info()).isEqualTo(original.info());
  }

  @Test
  void aPublishedModelIsServedWithoutItsOutputMatrixAndCanBeFineTuned() throws IOException {
    TrainedModel trained = model(WORDS, 6, 2, Instant.parse("2026-02-03T04:05:06.789Z"));

    catalog.publish("published", trained, trained.wordVectors(), true);

    LoadedModel registered = registry.find("published").orElseThrow();
    assertThat(registered.trained()).isEmpty();
    assertThat(registered.training()).contains(trained.info());
    assertThat(Matrices.raw(registered.vectors())).isEqualTo(trained.inputVectors());
    assertThat(registry.defaultName()).contains("published");
    assertThat(catalog.canFineTune("published")).isTrue();
    assertThat(catalog.load("published").outputVectors()).isEqualTo(trained.outputVectors());
  }

  @Test
  void buildIndexWritesTheIndexBesideTheServedModelAndSwapsItIn() throws IOException {
    served("news", model(WORDS, 6, 6, Instant.parse("2026-05-01T00:00:00Z")));
    List<Integer> progress = new java.util.concurrent.CopyOnWriteArrayList<>();

    catalog.buildIndex(
        "news", new HnswParameters(8, 20, 1.2f, 1.2f, 1), (inserted, total) -> progress.add(total));

    assertThat(dir.resolve("news.hnsw")).isNotEmptyFile();
    assertThat(registry.find("news").orElseThrow().vectors().search().name()).isEqualTo("hnsw");
    assertThat(progress).isNotEmpty().allMatch(total -> total == WORDS.size());
    assertThat(catalog.isServed("news")).isTrue();
    assertThat(catalog.isServed("absent")).isFalse();
  }

  @Test
  void publishingOverAModelRemovesItsIndexWhichNoLongerFitsTheVectors() throws IOException {
    TrainedModel old = served("news", model(WORDS, 6, 4, Instant.parse("2026-04-01T00:00:00Z")));
    Path index = dir.resolve("news.hnsw");
    HnswIndex.build(old.wordVectors(), HnswParameters.DEFAULTS, index, IndexBuildListener.NONE);
    TrainedModel retrained = model(WORDS, 6, 5, Instant.parse("2026-04-02T00:00:00Z"));

    catalog.publish("news", retrained, retrained.wordVectors(), false);

    assertThat(index).doesNotExist();
    assertThat(registry.find("news").orElseThrow().vectors().search().name()).isEqualTo("exact");
  }

  @Test
  void registeringAFullModelKeepsOnlyWhatServingNeeds() throws IOException {
    TrainedModel trained = model(WORDS, 6, 3, Instant.parse("2026-03-01T00:00:00Z"));
    Path file = dir.resolve("full.wvm");
    NativeFormat.write(trained, file);
    LoadedModel full = ModelFiles.load(file);
    assertThat(full.trained()).isPresent();

    registry.register("full", full);

    assertThat(registry.find("full").orElseThrow().trained()).isEmpty();
    assertThat(registry.find("full").orElseThrow().training()).contains(trained.info());
    assertThat(catalog.canFineTune("full")).isTrue();
  }

  @Test
  void aFileReplacedByAnotherModelSinceItWasLoadedFailsNamingTheFileAndTheChanges()
      throws IOException {
    served("base", model(WORDS, 6, 1, Instant.parse("2026-01-01T00:00:00Z")));
    NativeFormat.write(
        model(WORDS.subList(0, 4), 6, 9, Instant.parse("2026-05-06T07:08:09Z")),
        dir.resolve("base.wvm"));

    assertThatThrownBy(() -> catalog.load("base"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot fine-tune model 'base'")
        .hasMessageContaining("its file base.wvm changed since the model was loaded")
        .hasMessageContaining("vocabulary size 5 served, 4 in the file")
        .hasMessageContaining(
            "createdAt 2026-01-01T00:00:00Z served, 2026-05-06T07:08:09Z in the file")
        .hasMessageNotContaining("dimension")
        .hasMessageNotContaining(dir.toString());
  }

  @Test
  void aVanishedFileFailsNamingIt() throws IOException {
    served("gone", model(WORDS, 6, 1, Instant.parse("2026-01-01T00:00:00Z")));
    Files.delete(dir.resolve("gone.wvm"));

    assertThat(catalog.canFineTune("gone")).as("still served, so still offered").isTrue();
    assertThatThrownBy(() -> catalog.load("gone"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "cannot fine-tune model 'gone': its file gone.wvm is no longer in the models"
                + " directory");
  }

  @Test
  void aFileReplacedByVectorsOnlyOrACorruptFileFailsNamingIt() throws IOException {
    TrainedModel original = served("m", model(WORDS, 6, 1, Instant.parse("2026-01-01T00:00:00Z")));
    Path file = dir.resolve("m.wvm");

    NativeFormat.write(original.wordVectors(), file);
    assertThatThrownBy(() -> catalog.load("m"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("its file m.wvm was replaced by one that holds word vectors only");

    NativeFormat.write(original, file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 3] ^= 0x01;
    Files.write(file, bytes);
    assertThatThrownBy(() -> catalog.load("m"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("its file m.wvm can no longer be read (checksum mismatch")
        .hasMessageNotContaining(dir.toString());
  }

  @Test
  void vectorFilesCannotBeFineTuned() throws IOException {
    Path file = dir.resolve("plain.txt");
    Files.copy(Path.of("src/test/resources/models/tiny.txt"), file);
    registry.register("plain", ModelFiles.loadForServing(file));

    assertThat(catalog.canFineTune("plain")).isFalse();
    assertThatThrownBy(() -> catalog.load("plain"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no longer loaded with its training state");
    assertThatThrownBy(() -> catalog.load("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model 'nope' is no longer loaded");
  }
}
