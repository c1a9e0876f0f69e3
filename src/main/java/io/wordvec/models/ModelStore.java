package io.wordvec.models;

import io.wordvec.index.HnswIndex;
import io.wordvec.io.AtomicFiles;
import io.wordvec.io.InvalidModelFileException;
import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.io.NativeFormat;
import io.wordvec.io.VectorFormat;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingInfo;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one owner of the models directory: which files in it are models and what each is called, the
 * rule for model names, publishing a trained model into it (atomically, through a temporary file),
 * the {@code .default-model} file that remembers the last activated model, and the temporary files
 * an interrupted write leaves behind.
 *
 * <p>A model file has one of the known extensions ({@code .wvm}, {@code .bin}, {@code .txt}, {@code
 * .vec}, the last three optionally followed by {@code .gz}); its model name is the file name
 * without the extension. Hidden files are never models. A model may have an approximate neighbour
 * index beside it, named like it with the extension {@code .hnsw} ({@link #indexFileOf}); a model
 * without one is searched exactly.
 */
@Component
public class ModelStore {

  /** The name that stands for the default model in URLs; never a model's own name. */
  public static final String DEFAULT = "default";

  /** What a valid model name looks like, for error messages. */
  public static final String NAME_RULE = "1 to 100 letters, digits, '-' or '_', and not 'default'";

  /** The file that remembers the last activated model. */
  static final String DEFAULT_FILE = ".default-model";

  /** The most {@link #DEFAULT_FILE} may hold: a model name and a line end, with room to spare. */
  private static final int MAX_DEFAULT_FILE_BYTES = 1024;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");
  private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);

  private final Path dir;

  public ModelStore(ModelsProperties properties) {
    this.dir = properties.dir();
  }

  /** The models directory. */
  public Path directory() {
    return dir;
  }

  /** Whether {@code name} is acceptable as a model name (see {@link #NAME_RULE}). */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches() && !DEFAULT.equals(name);
  }

  /**
   * @throws IllegalArgumentException if {@code name} is not a valid model name
   */
  static void requireValidName(String name) {
    if (!isValidName(name)) {
      throw new IllegalArgumentException(
          "model name must be " + NAME_RULE + ", was '" + name + "'");
    }
  }

  /** The format a file's extension stands for, or empty when the file is not a model file. */
  Optional<VectorFormat> formatOf(Path file) {
    String name = file.getFileName().toString();
    if (name.startsWith(".")) {
      return Optional.empty();
    }
    return VectorFormat.fromExtension(file);
  }

  /**
   * The model name of a model file: its name without the extension ({@code .gz} included: {@code
   * news.bin.gz} is model {@code news}).
   */
  String nameOf(Path file) {
    return VectorFormat.baseName(file);
  }

  /** The model files of the directory, sorted; empty when the directory does not exist. */
  List<Path> modelFiles() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> result = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path file : stream) {
        if (Files.isRegularFile(file) && formatOf(file).isPresent()) {
          result.add(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the models directory", e);
    }
    Collections.sort(result);
    return result;
  }

  /** The files of the directory that provide model {@code name}, in any format. */
  List<Path> filesOf(String name) {
    return modelFiles().stream().filter(file -> nameOf(file).equals(name)).toList();
  }

  /** The index file of a model file, present or not: {@code X.wvm} → {@code X.hnsw}. */
  public Path indexFileOf(Path modelFile) {
    return HnswIndex.fileFor(modelFile);
  }

  /**
   * {@code model} answering neighbour queries from its index file, when it has one that can be
   * opened; otherwise {@code model} as it is, searched exactly (a file that cannot serve is logged,
   * and the model still serves).
   */
  LoadedModel withIndexIfPresent(String name, LoadedModel model, int efSearch) {
    Path index = indexFileOf(model.file());
    if (!Files.isRegularFile(index)) {
      return model;
    }
    try {
      return withIndex(model, efSearch);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "Model '{}' is searched exactly: its index {} cannot serve: {}",
          name,
          index.getFileName(),
          e.getMessage());
      return model;
    }
  }

  /**
   * {@code model} answering neighbour queries from its index file.
   *
   * @throws io.wordvec.index.IndexFileException if the file is not a complete index of the model's
   *     vectors
   * @throws IOException if it cannot be read (a missing file included), or is a symbolic link that
   *     leads out of the models directory (refused as a model file would be: {@link
   *     ModelFileGuard})
   */
  LoadedModel withIndex(LoadedModel model, int efSearch) throws IOException {
    WordVectors vectors = model.vectors();
    Path file = indexFileOf(model.file());
    Optional<String> refused = ModelFileGuard.refusal(dir, file);
    if (refused.isPresent()) {
      // named without its directory: the message can reach API clients through an index job
      throw new FileSystemException(String.valueOf(file.getFileName()), null, refused.get());
    }
    HnswIndex index = HnswIndex.open(file, vectors, efSearch);
    return new LoadedModel(
        model.file(),
        model.format(),
        vectors.withSearch(index),
        model.trained().orElse(null),
        model.training().orElse(null));
  }

  /** Whether a file of the directory provides model {@code name} (loaded or not). */
  public boolean hasFile(String name) {
    return !filesOf(name).isEmpty();
  }

  /**
   * Reads one model file for serving: a trained model's output matrix, which only fine-tuning
   * needs, stays in the file ({@link ModelFiles#loadForServing}).
   *
   * @throws IOException when the file cannot be read or is not a valid model, with a message that
   *     names the file and the problem
   */
  LoadedModel read(Path file) throws IOException {
    return ModelFiles.loadForServing(file);
  }

  /**
   * Writes {@code model} as {@code <name>.wvm}, atomically, and removes any file of another format
   * that provided the same name, so that it cannot come back at the next start.
   *
   * @param vectors {@code model.wordVectors()}, already built by the caller
   * @return the model as the registry serves it: without its output matrix
   */
  LoadedModel publish(String name, TrainedModel model, WordVectors vectors) throws IOException {
    requireValidName(name);
    Files.createDirectories(dir);
    Path file = dir.resolve(name + "." + NativeFormat.EXTENSION);
    ModelFiles.save(model, vectors, file);
    // An index of the previous model of this name would not match the new vectors.
    if (Files.deleteIfExists(indexFileOf(file))) {
      LOG.info("Removed the index of the replaced model '{}'", name);
    }
    for (Path other : filesOf(name)) {
      if (!other.equals(file)) {
        Files.deleteIfExists(other);
        LOG.info("Removed {}, replaced by {}", other.getFileName(), file.getFileName());
      }
    }
    // the deletions, like the rename (synced by the save), must survive a crash
    AtomicFiles.syncDirectory(dir);
    return new LoadedModel(file, VectorFormat.NATIVE, vectors, null, model.info());
  }

  /**
   * Reads a served model's file with its output matrix, for fine-tuning, and checks that it still
   * holds the model being served (same dimension, vocabulary size and training time).
   *
   * @throws IllegalStateException if the file vanished, changed since it was loaded, or can no
   *     longer be read, with a message that names the file and what changed
   */
  TrainedModel readTrained(String name, LoadedModel served, TrainingInfo training)
      throws IOException {
    String fileName = String.valueOf(served.file().getFileName());
    String cannot = "cannot fine-tune model '" + name + "': its file " + fileName;
    LoadedModel read;
    try {
      read = ModelFiles.load(served.file());
    } catch (NoSuchFileException e) {
      throw new IllegalStateException(
          cannot
              + " is no longer in the models directory; put the file back, or fine-tune another"
              + " model");
    } catch (InvalidModelFileException e) {
      throw new IllegalStateException(
          cannot
              + " can no longer be read ("
              + e.problem()
              + "); put back a valid copy, or fine-tune another model");
    }
    TrainedModel model =
        read.trained()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        cannot
                            + " was replaced by one that holds word vectors only (no training"
                            + " state); restart the service to serve the new file, or put back"
                            + " the trained model"));
    List<String> changes = new ArrayList<>();
    compare(changes, "dimension", served.vectors().dimension(), model.dimension());
    compare(changes, "vocabulary size", served.vectors().size(), model.vocabulary().size());
    compare(changes, "createdAt", training.createdAt(), model.createdAt());
    if (!changes.isEmpty()) {
      throw new IllegalStateException(
          cannot
              + " changed since the model was loaded ("
              + String.join(", ", changes)
              + "); restart the service to serve the new file and fine-tune that, or put back the"
              + " file of the served model");
    }
    return model;
  }

  private static void compare(List<String> changes, String what, Object served, Object inFile) {
    if (!served.equals(inFile)) {
      changes.add(what + " " + served + " served, " + inFile + " in the file");
    }
  }

  /** The model last activated through the API, if the directory remembers one. */
  Optional<String> rememberedDefault() {
    Path file = dir.resolve(DEFAULT_FILE);
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      // A planted file is read no more than a planted model: not through a link out of the
      // directory, and not beyond what a model name can take.
      Optional<String> refused = ModelFileGuard.refusal(dir, file);
      if (refused.isPresent()) {
        LOG.warn("{} is not read: {}", DEFAULT_FILE, refused.get());
        return Optional.empty();
      }
      byte[] head;
      try (InputStream in = Files.newInputStream(file)) {
        head = in.readNBytes(MAX_DEFAULT_FILE_BYTES + 1);
      }
      if (head.length > MAX_DEFAULT_FILE_BYTES) {
        LOG.warn(
            "{} is not read: it holds more than {} bytes, and a model name is {}",
            DEFAULT_FILE,
            MAX_DEFAULT_FILE_BYTES,
            NAME_RULE);
        return Optional.empty();
      }
      return Optional.of(new String(head, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      LOG.warn("Cannot read {}: {}", DEFAULT_FILE, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Remembers {@code name} as the default for the next start, atomically. A failure is logged and
   * otherwise ignored: the model serves as the default all the same, only a restart forgets it.
   */
  void rememberDefault(String name) {
    try {
      AtomicFiles.write(
          dir.resolve(DEFAULT_FILE),
          out -> out.write((name + "\n").getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      LOG.warn("Cannot remember the default model in {}: {}", DEFAULT_FILE, e.getMessage());
    }
  }

  /**
   * Deletes the temporary files that writes interrupted by a crash left in the directory: those of
   * {@link AtomicFiles} ({@code .<file>.<random>.tmp}: models, indexes, {@code .default-model});
   * nothing else in the directory is touched. Each removal is logged.
   *
   * @return how many were removed
   */
  int removeLeftovers() {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, ".*.tmp")) {
      for (Path file : stream) {
        if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
            && AtomicFiles.isTemporary(file.getFileName().toString())) {
          Files.deleteIfExists(file);
          removed++;
          LOG.info("Removed {}, left behind by an interrupted write", file.getFileName());
        }
      }
    } catch (IOException e) {
      LOG.warn("Cannot clean temporary files in the models directory: {}", e.getMessage());
    }
    if (removed > 0) {
      AtomicFiles.syncDirectory(dir);
    }
    return removed;
  }
}
