package io.wordvec.service.jobs;

import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.io.NativeFormat;
import io.wordvec.io.VectorFormat;
import io.wordvec.service.models.ModelRegistry;
import io.wordvec.train.TrainedModel;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    return registry.find(name).flatMap(LoadedModel::trained).isPresent();
  }

  @Override
  public Optional<String> defaultName() {
    return registry.defaultName();
  }

  @Override
  public TrainedModel load(String name) {
    return registry
        .find(name)
        .flatMap(LoadedModel::trained)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "model '" + name + "' is no longer loaded with its training state"));
  }

  @Override
  public void publish(String name, TrainedModel model, WordVectors vectors, boolean activate)
      throws IOException {
    Path dir = registry.directory();
    Files.createDirectories(dir);
    Path file = dir.resolve(name + "." + NativeFormat.EXTENSION);
    ModelFiles.save(model, file);
    // an overwritten model may have come from a file of another format: it must not come back
    for (Path other : filesOf(name)) {
      if (!other.equals(file)) {
        Files.deleteIfExists(other);
        log.info("Removed {}, replaced by {}", other.getFileName(), file.getFileName());
      }
    }
    registry.register(name, new LoadedModel(file, VectorFormat.NATIVE, vectors, model));
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
