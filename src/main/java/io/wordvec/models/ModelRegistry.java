package io.wordvec.models;

import io.wordvec.io.InvalidModelFileException;
import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.io.VectorFormat;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingInfo;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The models the service answers from, by name, and which one answers for {@code default}.
 *
 * <p>All state is one immutable {@link Snapshot} behind an {@link AtomicReference}: registering or
 * activating a model swaps the whole snapshot, so a request that {@linkplain #select selects} its
 * model once works on that one model to the end, even while a new default is activated. There are
 * no listeners and no locks on the read path.
 *
 * <p>At startup every model file in the models directory is loaded ({@link #loadAll}); until that
 * ends the registry is not {@linkplain #isReady ready} and queries answer 503. A file that fails to
 * load is recorded in {@link #failures} (by file name, never by path) and the others still serve.
 *
 * <p>A native model file is served memory-mapped as soon as its header, vocabulary and a sample of
 * rows check out; the checksum of the whole file, a pass over gigabytes for a big model, is then
 * verified on a background thread ({@link #verification()}), and a model whose file turns out
 * corrupt is withdrawn and recorded as failed.
 *
 * <p>Why this class is long: loading, activation and withdrawal of served models share one lock and
 * one view of which model is active, so they stay together; a third of its length is the
 * documentation of those rules.
 */
@Service
public class ModelRegistry implements ApplicationRunner {

  /** The name that stands for the default model in URLs. */
  public static final String DEFAULT = ModelStore.DEFAULT;

  private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

  /**
   * One consistent view: the models by name, when each was loaded, and the default's name (null
   * when none).
   */
  private record Snapshot(
      Map<String, LoadedModel> models, Map<String, Instant> loadedAt, String defaultName) {

    Snapshot with(Map<String, LoadedModel> added, String newDefault) {
      Map<String, LoadedModel> allModels = new TreeMap<>(models);
      allModels.putAll(added);
      Map<String, Instant> times = new TreeMap<>(loadedAt);
      Instant now = Instant.now();
      added.keySet().forEach(name -> times.put(name, now));
      return new Snapshot(
          Collections.unmodifiableMap(allModels), Collections.unmodifiableMap(times), newDefault);
    }
  }

  /**
   * A model picked from one snapshot.
   *
   * @param name the model's real name (never {@code default})
   * @param model the model
   * @param isDefault whether it was the default when selected
   * @param loadedAt when the registry loaded or registered it
   */
  public record Selection(String name, LoadedModel model, boolean isDefault, Instant loadedAt) {}

  private final ModelsProperties properties;
  private final ModelStore store;
  private final IndexProperties index;
  private final ApplicationEventPublisher events;
  private final Executor verifier;

  /** Held by every change of the snapshot, so that activation orders memory and file alike. */
  private final Object activation = new Object();

  private final AtomicReference<Snapshot> current =
      new AtomicReference<>(new Snapshot(Map.of(), Map.of(), null));
  private volatile Map<String, String> failures = Map.of();
  private volatile boolean ready;
  private volatile CompletableFuture<Void> verification = CompletableFuture.completedFuture(null);

  /**
   * A registry that tells no one of its changes and opens indexes with the default settings (for
   * tests and tools).
   */
  public ModelRegistry(ModelsProperties properties, ModelStore store) {
    this(properties, store, IndexProperties.defaults());
  }

  /** A registry that tells no one of its changes (for tests and tools). */
  public ModelRegistry(ModelsProperties properties, ModelStore store, IndexProperties index) {
    this(properties, store, index, event -> {});
  }

  /**
   * @param index how the models' indexes search by default
   * @param events where a {@link ModelsChangedEvent} goes after every change
   */
  @Autowired
  public ModelRegistry(
      ModelsProperties properties,
      ModelStore store,
      IndexProperties index,
      ApplicationEventPublisher events) {
    this(properties, store, index, events, ModelRegistry::startVerifier);
  }

  /**
   * @param verifier runs the background verification of mapped models (tests run it when they
   *     choose)
   */
  ModelRegistry(
      ModelsProperties properties,
      ModelStore store,
      IndexProperties index,
      ApplicationEventPublisher events,
      Executor verifier) {
    this.properties = properties;
    this.store = store;
    this.index = index;
    this.events = events;
    this.verifier = verifier;
  }

  /** Runs a verification on a daemon thread of its own. */
  private static void startVerifier(Runnable task) {
    Thread thread = new Thread(task, "wordvec-verify");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run(ApplicationArguments args) {
    if (properties.loadOnStartup()) {
      loadAll();
    }
  }

  /** Whether startup loading has finished. */
  public boolean isReady() {
    return ready;
  }

  /**
   * Loads every model file of the models directory, records the ones that fail, picks the default
   * and marks the registry ready. Models registered before are kept unless a file has their name.
   */
  public synchronized void loadAll() {
    Map<String, String> failed = new TreeMap<>();
    Map<String, LoadedModel> loaded = new TreeMap<>();
    if (!Files.isDirectory(store.directory())) {
      LOG.warn("Models directory {} does not exist: no models loaded", store.directory());
    } else {
      store.removeLeftovers();
      for (Path file : store.modelFiles()) {
        String name = store.nameOf(file);
        if (!ModelStore.isValidName(name)) {
          failed.put(file.getFileName().toString(), "model names are " + ModelStore.NAME_RULE);
          continue;
        }
        if (loaded.containsKey(name) || failed.containsKey(name)) {
          failed.put(
              file.getFileName().toString(), "another file already provides model '" + name + "'");
          continue;
        }
        long start = System.nanoTime();
        try {
          Optional<String> refused = ModelFileGuard.refusal(store.directory(), file);
          if (refused.isPresent()) {
            failed.put(name, file.getFileName() + ": " + refused.get());
            LOG.warn("Model file {} {}", file.getFileName(), refused.get());
            continue;
          }
          LoadedModel model = store.withIndexIfPresent(name, store.read(file), index.efSearch());
          loaded.put(name, model);
          LOG.info(
              "Loaded model '{}' from {}: {} words x {} dimensions, {} search, in {} ms",
              name,
              file.getFileName(),
              model.vectors().size(),
              model.vectors().dimension(),
              model.vectors().search().name(),
              (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
          String message = failureMessage(file, e);
          failed.put(name, message);
          LOG.error("Could not load model '{}': {} ({})", name, message, e.toString());
        } catch (OutOfMemoryError e) {
          failed.put(
              name,
              file.getFileName()
                  + ": not enough memory to load it (convert it to .wvm to serve it"
                  + " memory-mapped, or raise -Xmx)");
          LOG.error("Could not load model '{}' from {}: out of memory", name, file.getFileName());
        }
      }
    }
    // Read before the lock: no file I/O while the snapshot changes.
    Optional<String> remembered = store.rememberedDefault();
    remembered
        .filter(name -> !loaded.containsKey(name) && !current.get().models().containsKey(name))
        .ifPresent(
            name ->
                LOG.warn(
                    "{} names model '{}', which is not loaded: another model is the default",
                    ModelStore.DEFAULT_FILE,
                    name));
    synchronized (activation) {
      Snapshot old = current.get();
      Snapshot updated = old.with(loaded, null);
      current.set(
          updated.with(Map.of(), chooseDefault(updated.models(), old.defaultName(), remembered)));
    }
    synchronized (activation) {
      failures = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
    }
    ready = true;
    events.publishEvent(new ModelsChangedEvent());
    LOG.info(
        "Models ready: {} loaded, {} failed, default '{}'",
        loaded.size(),
        failed.size(),
        current.get().defaultName());
    verifyInBackground(loaded);
  }

  /**
   * What a failure to load {@code file} shows in health and in the API: the file's name and the
   * problem, never its path (a path in a message is replaced by the name).
   */
  static String failureMessage(Path file, Exception e) {
    String name = String.valueOf(file.getFileName());
    if (e instanceof InvalidModelFileException invalid) {
      return name + ": " + invalid.problem();
    }
    if (e instanceof FileSystemException denied) {
      return name
          + ": cannot be read"
          + (denied.getReason() == null ? "" : ": " + denied.getReason());
    }
    // Any other message may quote what the file holds or where it is: say only what kind of
    // failure it was (the log has the rest).
    return name + ": cannot be loaded (" + kindOf(e) + ")";
  }

  private static String kindOf(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "it disappeared while loading";
    }
    if (e instanceof IOException) {
      return "an input/output error";
    }
    return "not a model file this service reads";
  }

  /**
   * The background verification of the memory-mapped models that the last {@link #loadAll} loaded:
   * completes once every one's file checksum was checked, and the corrupt ones withdrawn.
   */
  public CompletableFuture<Void> verification() {
    return verification;
  }

  /** Starts verifying the files of the mapped models among {@code loaded}, one after another. */
  private void verifyInBackground(Map<String, LoadedModel> loaded) {
    Map<String, LoadedModel> mapped = new TreeMap<>();
    loaded.forEach(
        (name, model) -> {
          if (model.vectors().isMapped()) {
            mapped.put(name, model);
          }
        });
    if (mapped.isEmpty()) {
      return;
    }
    verification = CompletableFuture.runAsync(() -> mapped.forEach(this::verify), verifier);
  }

  /** Verifies one mapped model's file; withdraws the model if the file is corrupt. */
  private void verify(String name, LoadedModel model) {
    long start = System.nanoTime();
    try {
      ModelFiles.verify(model);
      LOG.info(
          "Verified the file of model '{}' ({}) in {} ms",
          name,
          model.file().getFileName(),
          (System.nanoTime() - start) / 1_000_000);
    } catch (InvalidModelFileException e) {
      String message = failureMessage(model.file(), e);
      LOG.error("Model '{}' withdrawn: {}", name, message);
      withdraw(name, model, message);
    } catch (IOException | RuntimeException e) {
      // The mapping still serves what was checked at load; only the full check is missing.
      LOG.warn(
          "Could not verify the file of model '{}': {}", name, failureMessage(model.file(), e));
    }
  }

  /**
   * Takes {@code model} out of service under {@code name}, unless another model replaced it since,
   * and records why; a new default is chosen if it was the default.
   */
  private void withdraw(String name, LoadedModel model, String reason) {
    Optional<String> remembered = store.rememberedDefault();
    synchronized (activation) {
      Snapshot old = current.get();
      LoadedModel serving = old.models().get(name);
      // The same model with an index attached since still reads the corrupt file's rows.
      if (serving == null || !serving.vectors().sharesRowsWith(model.vectors())) {
        return;
      }
      Map<String, LoadedModel> models = new TreeMap<>(old.models());
      models.remove(name);
      Map<String, Instant> times = new TreeMap<>(old.loadedAt());
      times.remove(name);
      String newDefault =
          name.equals(old.defaultName())
              ? chooseDefault(models, null, remembered)
              : old.defaultName();
      current.set(
          new Snapshot(
              Collections.unmodifiableMap(models), Collections.unmodifiableMap(times), newDefault));
      Map<String, String> failed = new LinkedHashMap<>(failures);
      failed.put(name, reason);
      failures = Collections.unmodifiableMap(failed);
    }
    events.publishEvent(new ModelsChangedEvent());
  }

  private String chooseDefault(
      Map<String, LoadedModel> models, String previous, Optional<String> remembered) {
    String configured = properties.defaultModel();
    if (configured != null && !configured.isBlank()) {
      if (models.containsKey(configured)) {
        return configured;
      }
      LOG.warn("Configured default model '{}' is not loaded", configured);
    }
    if (previous != null && models.containsKey(previous)) {
      return previous;
    }
    if (remembered.isPresent() && models.containsKey(remembered.get())) {
      return remembered.get();
    }
    return models.isEmpty() ? null : models.keySet().iterator().next();
  }

  /**
   * Adds a model, or replaces the one with the same name in one atomic step (requests already
   * running keep the model they selected). Becomes the default if there was none.
   *
   * <p>Only what serving needs is kept: a trained model's output matrix is dropped ({@link
   * LoadedModel#withoutOutput()}); fine-tuning reads it from the model's file.
   *
   * @throws IllegalArgumentException if the name is not letters, digits, '-' and '_', or is {@code
   *     default}
   */
  public void register(String name, LoadedModel model) {
    ModelStore.requireValidName(name);
    LoadedModel served = model.withoutOutput();
    synchronized (activation) {
      Snapshot old = current.get();
      current.set(
          old.with(Map.of(name, served), old.defaultName() == null ? name : old.defaultName()));
    }
    events.publishEvent(new ModelsChangedEvent());
    LOG.info(
        "Registered model '{}' ({} words x {} dimensions)",
        name,
        model.vectors().size(),
        model.vectors().dimension());
  }

  /**
   * Makes a loaded model the default, atomically, and remembers the choice in the models directory
   * so that a restart keeps it (unless {@code wordvec.models.default-model} is set). Memory and the
   * file are updated in that order under one lock: two concurrent activations reach both in the
   * same order, so the file always names the model that serves.
   *
   * @throws ModelNotFoundException if no model has that name
   */
  public void activate(String name) {
    synchronized (activation) {
      Snapshot old = current.get();
      if (!old.models().containsKey(name)) {
        throw notFound(name, old);
      }
      current.set(new Snapshot(old.models(), old.loadedAt(), name));
      store.rememberDefault(name);
    }
    events.publishEvent(new ModelsChangedEvent());
    LOG.info("Model '{}' is now the default", name);
  }

  /**
   * Saves {@code model} into the models directory ({@link ModelStore#publish}) and serves it under
   * {@code name}, replacing a model of that name in one atomic swap; with {@code activate} it then
   * becomes the default.
   *
   * @param vectors {@code model.wordVectors()}, already built by the caller
   */
  public void publish(String name, TrainedModel model, WordVectors vectors, boolean activate)
      throws IOException {
    // Served without the output matrix, like a model loaded from the directory: the caller's
    // TrainedModel (and with it the output array) is garbage once the caller drops it.
    register(name, store.publish(name, model, vectors));
    if (activate) {
      activate(name);
    }
  }

  /**
   * Makes a served model answer from its index file (just built), in one atomic swap; requests
   * already running keep the search they started with. The model keeps its load time.
   *
   * @throws ModelNotFoundException if no model has that name
   * @throws io.wordvec.index.IndexFileException if the file is not a complete index of the model
   * @throws IOException if the index cannot be read
   */
  public void attachIndex(String name) throws IOException {
    synchronized (activation) {
      Snapshot old = current.get();
      LoadedModel model = old.models().get(name);
      if (model == null) {
        throw notFound(name, old);
      }
      LoadedModel indexed = store.withIndex(model, index.efSearch());
      Map<String, LoadedModel> models = new TreeMap<>(old.models());
      models.put(name, indexed);
      current.set(
          new Snapshot(Collections.unmodifiableMap(models), old.loadedAt(), old.defaultName()));
    }
    LOG.info("Model '{}' now answers neighbour queries from its index", name);
  }

  /** The index file of a served model, present or not. */
  public Path indexFileOf(LoadedModel model) {
    return store.indexFileOf(model.file());
  }

  /**
   * The full state of a served model, read again from its file for fine-tuning (served models keep
   * no output matrix in memory).
   *
   * @throws IllegalArgumentException if the model is no longer served, or not with its training
   *     state
   * @throws IllegalStateException if its file vanished, changed since it was loaded, or can no
   *     longer be read
   */
  public TrainedModel loadTrained(String name) throws IOException {
    LoadedModel served =
        find(name)
            .orElseThrow(
                () -> new IllegalArgumentException("model '" + name + "' is no longer loaded"));
    TrainingInfo training =
        served
            .training()
            .filter(t -> served.format() == VectorFormat.NATIVE)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "model '" + name + "' is no longer loaded with its training state"));
    return store.readTrained(name, served, training);
  }

  /**
   * The model with this name, or the default for {@code default}, with its real name, from one
   * consistent snapshot.
   *
   * @throws ModelsNotReadyException while the models are loading
   * @throws ModelNotFoundException if there is no such model
   */
  public Selection select(String nameOrDefault) {
    if (!ready) {
      throw new ModelsNotReadyException();
    }
    Snapshot snapshot = current.get();
    String name = DEFAULT.equals(nameOrDefault) ? snapshot.defaultName() : nameOrDefault;
    LoadedModel model = name == null ? null : snapshot.models().get(name);
    if (model == null) {
      throw notFound(nameOrDefault, snapshot);
    }
    return new Selection(
        name, model, name.equals(snapshot.defaultName()), snapshot.loadedAt().get(name));
  }

  /** The model with this name, if loaded (never the default alias). */
  public Optional<LoadedModel> find(String name) {
    return Optional.ofNullable(current.get().models().get(name));
  }

  /** Whether a model with this name is loaded. */
  public boolean contains(String name) {
    return current.get().models().containsKey(name);
  }

  /** Every loaded model by name (sorted), from one snapshot. */
  public Map<String, LoadedModel> models() {
    return current.get().models();
  }

  /** Every loaded model as a selection (sorted by name), all from one snapshot. */
  public List<Selection> selections() {
    Snapshot snapshot = current.get();
    List<Selection> result = new ArrayList<>();
    snapshot
        .models()
        .forEach(
            (name, model) ->
                result.add(
                    new Selection(
                        name,
                        model,
                        name.equals(snapshot.defaultName()),
                        snapshot.loadedAt().get(name))));
    return result;
  }

  /** The name of the default model, if there is one. */
  public Optional<String> defaultName() {
    return Optional.ofNullable(current.get().defaultName());
  }

  /** Models that failed to load at startup: name (or file name) to error message. */
  public Map<String, String> failures() {
    return failures;
  }

  private static ModelNotFoundException notFound(String requested, Snapshot snapshot) {
    List<String> available = List.copyOf(snapshot.models().keySet());
    String message;
    if (DEFAULT.equals(requested)) {
      message = "There is no default model: no model is loaded.";
    } else {
      message =
          "No model named '"
              + requested
              + "'"
              + (available.isEmpty() ? "; no model is loaded." : "; available: " + available);
    }
    return new ModelNotFoundException(requested, available, message);
  }
}
