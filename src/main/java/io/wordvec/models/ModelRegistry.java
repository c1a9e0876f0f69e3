package io.wordvec.models;

import io.wordvec.io.LoadedModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
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
 * load is recorded in {@link #failures} and the others still serve.
 */
@Service
public class ModelRegistry implements ApplicationRunner {

  /** The name that stands for the default model in URLs. */
  public static final String DEFAULT = "default";

  /** The file (in the models directory) that remembers the last activated model. */
  static final String ACTIVE_FILE = ".default-model";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");
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
  private final ModelLoader files;
  private final AtomicReference<Snapshot> current =
      new AtomicReference<>(new Snapshot(Map.of(), Map.of(), null));
  private volatile Map<String, String> failures = Map.of();
  private volatile boolean ready;

  public ModelRegistry(ModelsProperties properties, ModelLoader files) {
    this.properties = properties;
    this.files = files;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (properties.loadOnStartup()) {
      loadAll();
    }
  }

  /** The models directory. */
  public Path directory() {
    return properties.dir();
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
    Path dir = properties.dir();
    Map<String, String> failed = new TreeMap<>();
    Map<String, LoadedModel> loaded = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      LOG.warn("Models directory {} does not exist: no models loaded", dir.toAbsolutePath());
    } else {
      for (Path file : modelFiles(dir)) {
        String name = files.nameOf(file);
        if (!NAME.matcher(name).matches() || DEFAULT.equals(name)) {
          failed.put(
              file.getFileName().toString(),
              "model names are letters, digits, '-' and '_' only, and not 'default'");
          continue;
        }
        if (loaded.containsKey(name) || failed.containsKey(name)) {
          failed.put(
              file.getFileName().toString(), "another file already provides model '" + name + "'");
          continue;
        }
        long start = System.nanoTime();
        try {
          LoadedModel model = files.read(file);
          loaded.put(name, model);
          LOG.info(
              "Loaded model '{}' from {}: {} words x {} dimensions in {} ms",
              name,
              file.getFileName(),
              model.vectors().size(),
              model.vectors().dimension(),
              (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
          String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
          failed.put(name, message);
          LOG.error("Could not load model '{}' from {}: {}", name, file.getFileName(), message);
        } catch (OutOfMemoryError e) {
          failed.put(name, "not enough memory to load it (raise -Xmx)");
          LOG.error("Could not load model '{}' from {}: out of memory", name, file.getFileName());
        }
      }
    }
    current.updateAndGet(
        old -> {
          Snapshot updated = old.with(loaded, null);
          return updated.with(Map.of(), chooseDefault(updated.models(), old.defaultName()));
        });
    failures = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
    ready = true;
    LOG.info(
        "Models ready: {} loaded, {} failed, default '{}'",
        loaded.size(),
        failed.size(),
        current.get().defaultName());
  }

  private List<Path> modelFiles(Path dir) {
    List<Path> result = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path file : stream) {
        if (Files.isRegularFile(file) && files.formatOf(file).isPresent()) {
          result.add(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the models directory " + dir, e);
    }
    Collections.sort(result);
    return result;
  }

  private String chooseDefault(Map<String, LoadedModel> models, String previous) {
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
    Optional<String> remembered = rememberedDefault();
    if (remembered.isPresent() && models.containsKey(remembered.get())) {
      return remembered.get();
    }
    return models.isEmpty() ? null : models.keySet().iterator().next();
  }

  private Optional<String> rememberedDefault() {
    Path file = properties.dir().resolve(ACTIVE_FILE);
    try {
      return Files.isRegularFile(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim())
          : Optional.empty();
    } catch (IOException e) {
      LOG.warn("Cannot read {}: {}", file, e.getMessage());
      return Optional.empty();
    }
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
    requireValidName(name);
    LoadedModel served = model.withoutOutput();
    current.updateAndGet(
        old ->
            old.with(Map.of(name, served), old.defaultName() == null ? name : old.defaultName()));
    LOG.info(
        "Registered model '{}' ({} words x {} dimensions)",
        name,
        model.vectors().size(),
        model.vectors().dimension());
  }

  /**
   * Makes a loaded model the default, atomically, and remembers the choice in the models directory
   * so that a restart keeps it (unless {@code wordvec.models.default-model} is set).
   *
   * @throws ModelNotFoundException if no model has that name
   */
  public void activate(String name) {
    Snapshot updated =
        current.updateAndGet(
            old -> {
              if (!old.models().containsKey(name)) {
                throw notFound(name, old);
              }
              return new Snapshot(old.models(), old.loadedAt(), name);
            });
    LOG.info("Model '{}' is now the default", updated.defaultName());
    rememberDefault(name);
  }

  private void rememberDefault(String name) {
    Path dir = properties.dir();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ACTIVE_FILE, ".tmp");
      Files.writeString(tmp, name + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(
            tmp,
            dir.resolve(ACTIVE_FILE),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, dir.resolve(ACTIVE_FILE), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      LOG.warn("Cannot remember the default model in {}: {}", dir, e.getMessage());
    }
  }

  /**
   * The model with this name, or the default for {@code default}.
   *
   * @throws ModelsNotReadyException while the models are loading
   * @throws ModelNotFoundException if there is no such model
   */
  public LoadedModel get(String nameOrDefault) {
    return select(nameOrDefault).model();
  }

  /**
   * Like {@link #get} but also says which model was picked, from one consistent snapshot.
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

  /** The names of the loaded models, sorted. */
  public List<String> names() {
    return List.copyOf(current.get().models().keySet());
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

  /** Whether {@code name} is acceptable as a model name. */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches() && !DEFAULT.equals(name);
  }

  private static void requireValidName(String name) {
    if (!isValidName(name)) {
      throw new IllegalArgumentException(
          "model name must be 1-100 letters, digits, '-' or '_' and not 'default', was '"
              + name
              + "'");
    }
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
