package io.wordvec.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.index.ClusteredVectors;
import io.wordvec.index.HnswIndex;
import io.wordvec.index.HnswParameters;
import io.wordvec.index.IndexBuildListener;
import io.wordvec.index.IndexFileException;
import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.io.NativeFormat;
import io.wordvec.io.VectorFormat;
import io.wordvec.io.Word2VecFormat;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTests {

  @TempDir Path dir;

  private ModelRegistry registry(String defaultModel) {
    ModelsProperties properties = new ModelsProperties(dir, defaultModel, true);
    return new ModelRegistry(properties, new ModelStore(properties), IndexProperties.defaults());
  }

  /** A one-word model whose single word is its own name, so answers reveal the model. */
  private static LoadedModel model(String word) {
    return new LoadedModel(
        Path.of(word + ".wvm"),
        VectorFormat.NATIVE,
        new WordVectors(new Vocabulary(new String[] {word}, new long[] {1}), 2, new float[] {1, 0}),
        null);
  }

  private void copyTiny(String name) throws IOException {
    Files.copy(Path.of("src/test/resources/models/tiny.txt"), dir.resolve(name));
  }

  @Test
  void aMappedModelWhoseFileFailsItsChecksumIsWithdrawnAndTheOthersServe() throws IOException {
    copyTiny("a.txt");
    Path file = dir.resolve("b.wvm");
    NativeFormat.write(ModelFiles.load(dir.resolve("a.txt")).vectors(), file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[NativeFormat.HEADER_BYTES + 5] ^= 0x01;
    Files.write(file, bytes);
    List<Runnable> verifications = new ArrayList<>();
    ModelsProperties properties = new ModelsProperties(dir, "b", true);
    ModelRegistry registry =
        new ModelRegistry(
            properties,
            new ModelStore(properties),
            IndexProperties.defaults(),
            event -> {},
            verifications::add);

    registry.loadAll();
    assertThat(registry.models().keySet())
        .as("served once its header, vocabulary and sample rows check out")
        .containsExactly("a", "b");
    assertThat(registry.find("b").orElseThrow().vectors().isMapped()).isTrue();
    assertThat(registry.select("default").name()).isEqualTo("b");
    assertThat(verifications).hasSize(1);
    verifications.get(0).run();
    assertThat(registry.verification()).isDone();

    assertThat(registry.models().keySet()).containsExactly("a");
    assertThat(registry.select("default").name()).isEqualTo("a");
    assertThat(registry.failures().get("b"))
        .startsWith("b.wvm: ")
        .contains("checksum mismatch")
        .doesNotContain(dir.toString());
  }

  @Test
  void aModelThatCannotLoadIsReportedByFileNameNeverByPath() throws IOException {
    copyTiny("a.txt");
    Files.writeString(dir.resolve("short.txt"), "3 4\nking 0.1 0.2 0.3 0.4\n");
    Files.write(dir.resolve("lying.bin"), "9000000 300\nx ".getBytes(StandardCharsets.US_ASCII));
    ModelRegistry registry = registry("");

    registry.loadAll();

    assertThat(registry.models().keySet()).containsExactly("a");
    assertThat(registry.failures().get("short"))
        .startsWith("short.txt: truncated")
        .doesNotContain(dir.toString());
    assertThat(registry.failures().get("lying"))
        .startsWith("lying.bin: truncated: the header declares 9000000 words")
        .doesNotContain(dir.toString());
    assertThat(registry.select("a").model().vectors().mostSimilar(List.of("the"), List.of(), 1, 0))
        .hasSize(1);
  }

  @Test
  void notReadyBeforeLoading() {
    ModelRegistry registry = registry("");

    assertThat(registry.isReady()).isFalse();
    assertThatThrownBy(() -> registry.select("default").model())
        .isInstanceOf(ModelsNotReadyException.class);
  }

  @Test
  void loadsEveryModelFileAndSkipsOtherFiles() throws IOException {
    copyTiny("a.txt");
    copyTiny("b.vec");
    Files.writeString(dir.resolve("README.md"), "hello");
    Files.writeString(dir.resolve(".hidden.txt"), "1 1\nx 1\n");
    ModelRegistry registry = registry("");

    registry.loadAll();

    assertThat(registry.isReady()).isTrue();
    assertThat(registry.models().keySet()).containsExactly("a", "b");
    assertThat(registry.failures()).isEmpty();
    assertThat(registry.defaultName()).contains("a");
  }

  @Test
  void configuredDefaultWins() throws IOException {
    copyTiny("a.txt");
    copyTiny("b.txt");
    ModelRegistry registry = registry("b");

    registry.loadAll();

    assertThat(registry.select("default").name()).isEqualTo("b");
    assertThat(registry.select("default").isDefault()).isTrue();
    assertThat(registry.select("a").isDefault()).isFalse();
  }

  @Test
  void emptyOrMissingDirectoryLoadsNothingButIsReady() {
    ModelsProperties absent = new ModelsProperties(dir.resolve("absent"), "", true);
    ModelRegistry registry =
        new ModelRegistry(absent, new ModelStore(absent), IndexProperties.defaults());

    registry.loadAll();

    assertThat(registry.isReady()).isTrue();
    assertThatThrownBy(() -> registry.select("default").model())
        .isInstanceOf(ModelNotFoundException.class)
        .hasMessageContaining("no model is loaded");
  }

  @Test
  void aFileThatFailsIsRecordedAndTheOthersLoad() throws IOException {
    copyTiny("good.txt");
    Files.writeString(dir.resolve("bad.txt"), "2 3\nx 1 2 3\n");

    ModelRegistry registry = registry("");
    registry.loadAll();

    assertThat(registry.models().keySet()).containsExactly("good");
    assertThat(registry.failures()).containsOnlyKeys("bad");
    assertThat(registry.failures().get("bad")).contains("bad.txt").contains("truncated");
  }

  /** A clustered model written as {@code <name>.txt}, with its index beside it when asked. */
  private WordVectors indexedModel(String name, boolean withIndex) throws IOException {
    Path file = dir.resolve(name + ".txt");
    Word2VecFormat.writeText(ClusteredVectors.clustered(600, 8, 12, 1.0f, 3), file);
    WordVectors vectors = Word2VecFormat.readText(file);
    if (withIndex) {
      HnswIndex.build(
          vectors, HnswParameters.DEFAULTS, dir.resolve(name + ".hnsw"), IndexBuildListener.NONE);
    }
    return vectors;
  }

  @Test
  void aModelWithAnIndexBesideItIsSearchedThroughTheIndex() throws IOException {
    indexedModel("indexed", true);
    indexedModel("plain", false);
    ModelRegistry registry = registry("");

    registry.loadAll();

    assertThat(registry.select("indexed").model().vectors().search().name()).isEqualTo("hnsw");
    assertThat(registry.select("plain").model().vectors().search().name()).isEqualTo("exact");
    assertThat(registry.models().keySet()).containsExactly("indexed", "plain");
    assertThat(registry.failures()).isEmpty();
  }

  @Test
  void anIndexThatCannotServeLeavesItsModelSearchedExactly() throws IOException {
    indexedModel("stale", false);
    Files.writeString(dir.resolve("stale.hnsw"), "not an index at all, just some text bytes");
    ModelRegistry registry = registry("");

    registry.loadAll();

    assertThat(registry.select("stale").model().vectors().search().name()).isEqualTo("exact");
    assertThat(registry.failures()).isEmpty();
  }

  @Test
  void anIndexFileLinkedFromOutsideTheDirectoryIsRefusedLikeAModelFile(@TempDir Path outside)
      throws IOException {
    WordVectors vectors = indexedModel("linked", false);
    // a valid index of this very model: only where it lives makes it unacceptable
    Path elsewhere = outside.resolve("linked.hnsw");
    HnswIndex.build(vectors, HnswParameters.DEFAULTS, elsewhere, IndexBuildListener.NONE);
    Files.createSymbolicLink(dir.resolve("linked.hnsw"), elsewhere);
    WordVectors inside = indexedModel("aliased", false);
    Path real = dir.resolve("real-index.bin.idx");
    HnswIndex.build(inside, HnswParameters.DEFAULTS, real, IndexBuildListener.NONE);
    Files.createSymbolicLink(dir.resolve("aliased.hnsw"), real);
    ModelRegistry registry = registry("");

    registry.loadAll();

    assertThat(registry.select("linked").model().vectors().search().name()).isEqualTo("exact");
    assertThat(registry.select("aliased").model().vectors().search().name()).isEqualTo("hnsw");
    assertThatThrownBy(() -> registry.attachIndex("linked"))
        .isInstanceOf(IOException.class)
        .hasMessage("linked.hnsw: " + ModelFileGuard.LEADS_OUT);
    assertThat(registry.select("linked").model().vectors().search().name()).isEqualTo("exact");
  }

  @Test
  void attachIndexSwapsTheSearchInAndKeepsTheLoadTime() throws IOException {
    WordVectors vectors = indexedModel("late", false);
    ModelRegistry registry = registry("");
    registry.loadAll();
    ModelRegistry.Selection before = registry.select("late");

    HnswIndex.build(
        vectors, HnswParameters.DEFAULTS, dir.resolve("late.hnsw"), IndexBuildListener.NONE);
    registry.attachIndex("late");

    ModelRegistry.Selection after = registry.select("late");
    assertThat(after.model().vectors().search().name()).isEqualTo("hnsw");
    assertThat(after.loadedAt()).isEqualTo(before.loadedAt());
    assertThat(after.isDefault()).isTrue();
    assertThat(before.model().vectors().search().name()).isEqualTo("exact");
    assertThat(registry.indexFileOf(after.model())).isEqualTo(dir.resolve("late.hnsw"));
    assertThatThrownBy(() -> registry.attachIndex("absent"))
        .isInstanceOf(ModelNotFoundException.class);
  }

  @Test
  void attachingAMissingOrForeignIndexFailsAndChangesNothing() throws IOException {
    indexedModel("one", false);
    ModelRegistry registry = registry("");
    registry.loadAll();

    assertThatThrownBy(() -> registry.attachIndex("one")).isInstanceOf(IOException.class);
    Files.writeString(dir.resolve("one.hnsw"), "garbage garbage garbage garbage garbage garbage");
    assertThatThrownBy(() -> registry.attachIndex("one"))
        .isInstanceOf(IndexFileException.class)
        .hasMessageStartingWith("one.hnsw: ");
    assertThat(registry.select("one").model().vectors().search().name()).isEqualTo("exact");
  }

  @Test
  void twoFilesWithTheSameNameKeepTheFirst() throws IOException {
    copyTiny("same.txt");
    copyTiny("same.vec");

    ModelRegistry registry = registry("");
    registry.loadAll();

    assertThat(registry.models().keySet()).containsExactly("same");
    assertThat(registry.failures()).containsOnlyKeys("same.vec");
  }

  @Test
  void unknownModelListsTheAvailableOnes() {
    ModelRegistry registry = registry("");
    registry.loadAll();
    registry.register("one", model("one"));

    assertThatThrownBy(() -> registry.select("two").model())
        .isInstanceOfSatisfying(
            ModelNotFoundException.class,
            e -> {
              assertThat(e.model()).isEqualTo("two");
              assertThat(e.available()).containsExactly("one");
            });
  }

  @Test
  void firstRegisteredModelBecomesTheDefault() {
    ModelRegistry registry = registry("");
    registry.loadAll();

    registry.register("one", model("one"));
    registry.register("two", model("two"));

    assertThat(registry.defaultName()).contains("one");
  }

  @Test
  void activateSwitchesTheDefaultAndIsRememberedAcrossRestarts() throws IOException {
    copyTiny("a.txt");
    copyTiny("b.txt");
    ModelRegistry registry = registry("");
    registry.loadAll();
    assertThat(registry.defaultName()).contains("a");

    registry.activate("b");

    assertThat(registry.select("default").name()).isEqualTo("b");
    ModelRegistry restarted = registry("");
    restarted.loadAll();
    assertThat(restarted.defaultName()).contains("b");
  }

  @Test
  void aRememberedDefaultThatIsTooLargeOrLinkedFromOutsideIsIgnored(@TempDir Path outside)
      throws IOException {
    copyTiny("a.txt");
    copyTiny("b.txt");
    Path remembered = dir.resolve(".default-model");
    Files.writeString(remembered, "b\n" + " ".repeat(4096));
    ModelRegistry oversized = registry("");
    oversized.loadAll();
    assertThat(oversized.defaultName()).contains("a");

    Files.delete(remembered);
    Files.writeString(outside.resolve("remembered"), "b\n");
    Files.createSymbolicLink(remembered, outside.resolve("remembered"));
    ModelRegistry linked = registry("");
    linked.loadAll();
    assertThat(linked.defaultName()).contains("a");
  }

  @Test
  void concurrentActivationsLeaveMemoryAndTheRememberedDefaultAgreeing() throws Exception {
    ModelsProperties properties = new ModelsProperties(dir, "", true);
    ModelStore store = new ModelStore(properties);
    ModelRegistry registry = new ModelRegistry(properties, store, IndexProperties.defaults());
    registry.loadAll();
    List<String> names = List.of("one", "two", "three", "four");
    names.forEach(name -> registry.register(name, model(name)));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 20; round++) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> activations = new ArrayList<>();
        for (String name : names) {
          activations.add(
              pool.submit(
                  () -> {
                    start.await();
                    for (int i = 0; i < 5; i++) {
                      registry.activate(name);
                    }
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> activation : activations) {
          activation.get(10, TimeUnit.SECONDS);
        }
        assertThat(store.rememberedDefault())
            .as("round %d", round)
            .isEqualTo(registry.defaultName());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void activatingAnUnknownModelFailsAndChangesNothing() {
    ModelRegistry registry = registry("");
    registry.loadAll();
    registry.register("one", model("one"));

    assertThatThrownBy(() -> registry.activate("nope")).isInstanceOf(ModelNotFoundException.class);
    assertThat(registry.defaultName()).contains("one");
  }

  @Test
  void registerReplacesAModelOfTheSameName() {
    ModelRegistry registry = registry("");
    registry.loadAll();
    LoadedModel first = model("x");
    LoadedModel second = model("x");

    registry.register("m", first);
    registry.register("m", second);

    assertThat(registry.select("m").model()).isSameAs(second);
    assertThat(registry.models().keySet()).containsExactly("m");
  }

  @Test
  void invalidNamesAreRejected() {
    ModelRegistry registry = registry("");

    for (String name : new String[] {"default", "", "a b", "../x", "x.txt", null}) {
      assertThatThrownBy(() -> registry.register(name, model("w")))
          .as(String.valueOf(name))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(ModelStore.isValidName("gutenberg_v2-100d")).isTrue();
  }

  @Test
  void aSelectionNeverMixesTwoModelsWhileTheDefaultFlips() throws Exception {
    ModelRegistry registry = registry("");
    registry.loadAll();
    registry.register("one", model("one"));
    registry.register("two", model("two"));
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch readersStarted = new CountDownLatch(4);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> readers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        readers.add(
            pool.submit(
                () -> {
                  readersStarted.countDown();
                  int mixed = 0;
                  while (!stop.get()) {
                    ModelRegistry.Selection selection = registry.select("default");
                    String onlyWord = selection.model().vectors().vocabulary().word(0);
                    if (!onlyWord.equals(selection.name())) {
                      mixed++;
                    }
                  }
                  return mixed;
                }));
      }
      assertThat(readersStarted.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 2_000; i++) {
        registry.activate(i % 2 == 0 ? "two" : "one");
      }
      stop.set(true);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(10, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
