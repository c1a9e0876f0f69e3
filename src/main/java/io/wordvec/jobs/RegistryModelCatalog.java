package io.wordvec.jobs;

import io.wordvec.io.InvalidModelFileException;
import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.io.NativeFormat;
import io.wordvec.io.VectorFormat;
import io.wordvec.models.ModelRegistry;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingInfo;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Jobs' view of the {@link ModelRegistry}: finished models are written in the native format into
 * the models directory (atomically: a temporary file renamed into place, so a crash or a cancel
 * never leaves a partial model) and then registered, and activated in one atomic swap.
 *
 * <p>The registry serves models without their output matrix (only fine-tuning needs it): a
 * fine-tuning job reads the whole model from the served model's file when it starts, and checks
 * that the file still holds the model being served.
 */
@Component
class RegistryModelCatalog implements ModelCatalog {

  private static final Logger log = LoggerFactory.getLogger(RegistryModelCatalog.class);
  private static final List<String> OTHER_EXTENSIONS = List.of("txt", "bin", "vec");

  private final ModelRegistry registry;

  RegistryModelCatalog(ModelRegistry registry) {
    this.registry = registry;
  }

  @Override
  public boolean exists(String name) {
    if (registry.contains(name)) {
      return true;
    }
    // a file that failed to load still owns its name
    return !filesOf(name).isEmpty();
  }

  @Override
  public boolean canFineTune(String name) {
    return registry
        .find(name)
        .filter(m -> m.format() == VectorFormat.NATIVE)
        .flatMap(LoadedModel::training)
        .isPresent();
  }

  @Override
  public Optional<String> defaultName() {
    return registry.defaultName();
  }

  /**
   * Reads the served model's file with its output matrix, and checks that it still holds the model
   * being served (same dimension, vocabulary size and training time).
   *
   * @throws IllegalArgumentException if the model is no longer served, or not with its training
   *     state
   * @throws IllegalStateException if its file vanished, changed since it was loaded, or can no
   *     longer be read, with a message that names the file and what changed
   */
  @Override
  public TrainedModel load(String name) throws IOException {
    LoadedModel served =
        registry
            .find(name)
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
    Path file = served.file();
    String fileName = String.valueOf(file.getFileName());
    LoadedModel read;
    try {
      read = ModelFiles.load(file);
    } catch (NoSuchFileException e) {
      throw new IllegalStateException(
          "cannot fine-tune model '"
              + name
              + "': its file "
              + fileName
              + " is no longer in the models directory; put the file back, or fine-tune another"
              + " model");
    } catch (InvalidModelFileException e) {
      throw new IllegalStateException(
          "cannot fine-tune model '"
              + name
              + "': its file "
              + fileName
              + " can no longer be read ("
              + e.problem()
              + "); put back a valid copy, or fine-tune another model");
    }
    TrainedModel model =
        read.trained()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "cannot fine-tune model '"
                            + name
                            + "': its file "
                            + fileName
                            + " was replaced by one that holds word vectors only (no training"
                            + " state); restart the service to serve the new file, or put back"
                            + " the trained model"));
    List<String> changes = new ArrayList<>();
    compare(changes, "dimension", served.vectors().dimension(), model.dimension());
    compare(changes, "vocabulary size", served.vectors().size(), model.vocabulary().size());
    compare(changes, "createdAt", training.createdAt(), model.createdAt());
    if (!changes.isEmpty()) {
      throw new IllegalStateException(
          "cannot fine-tune model '"
              + name
              + "': its file "
              + fileName
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

  @Override
  public void publish(String name, TrainedModel model, WordVectors vectors, boolean activate)
      throws IOException {
    Path dir = registry.directory();
    Files.createDirectories(dir);
    Path file = dir.resolve(name + "." + NativeFormat.EXTENSION);
    ModelFiles.save(model, vectors, file);
    // an overwritten model may have come from a file of another format: it must not come back
    for (Path other : filesOf(name)) {
      if (!other.equals(file)) {
        Files.deleteIfExists(other);
        log.info("Removed {}, replaced by {}", other.getFileName(), file.getFileName());
      }
    }
    // Served without the output matrix, like a model loaded from the directory: the job's
    // TrainedModel (and with it the output array) is garbage once the job ends.
    registry.register(
        name, new LoadedModel(file, VectorFormat.NATIVE, vectors, null, model.info()));
    if (activate) {
      registry.activate(name);
    }
  }

  private List<Path> filesOf(String name) {
    Path dir = registry.directory();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              f -> {
                String n = f.getFileName().toString();
                return n.equals(name + "." + NativeFormat.EXTENSION)
                    || OTHER_EXTENSIONS.stream().anyMatch(ext -> n.equals(name + "." + ext));
              })
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
