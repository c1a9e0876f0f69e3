package io.wordvec.jobs;

import io.wordvec.index.HnswIndex;
import io.wordvec.index.HnswParameters;
import io.wordvec.index.IndexBuildListener;
import io.wordvec.io.LoadedModel;
import io.wordvec.io.VectorFormat;
import io.wordvec.models.ModelRegistry;
import io.wordvec.models.ModelStore;
import io.wordvec.train.TrainedModel;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Jobs' view of the served models: the {@link ModelRegistry} for what serves, the {@link
 * ModelStore} for names that a file in the models directory already takes.
 */
@Component
class RegistryModelCatalog implements ModelCatalog {

  private final ModelRegistry registry;
  private final ModelStore store;

  RegistryModelCatalog(ModelRegistry registry, ModelStore store) {
    this.registry = registry;
    this.store = store;
  }

  @Override
  public boolean exists(String name) {
    // a file that failed to load still owns its name
    return registry.contains(name) || store.hasFile(name);
  }

  @Override
  public boolean isServed(String name) {
    return registry.contains(name);
  }

  @Override
  public void buildIndex(String name, HnswParameters parameters, IndexBuildListener listener)
      throws IOException {
    LoadedModel model =
        registry
            .find(name)
            .orElseThrow(
                () -> new IllegalArgumentException("model '" + name + "' is no longer served"));
    HnswIndex.build(model.vectors(), parameters, registry.indexFileOf(model), listener);
    registry.attachIndex(name);
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
  public Optional<Trained> trained(String name) {
    return registry
        .find(name)
        .flatMap(
            model ->
                model
                    .training()
                    .map(
                        t ->
                            new Trained(
                                t.createdAt(),
                                model.vectors().size(),
                                t.evaluation(),
                                t.corpus())));
  }

  @Override
  public void activate(String name) {
    registry.activate(name);
  }

  @Override
  public Optional<String> defaultName() {
    return registry.defaultName();
  }

  @Override
  public TrainedModel load(String name) throws IOException {
    return registry.loadTrained(name);
  }

  @Override
  public void publish(String name, TrainedModel model, WordVectors vectors, boolean activate)
      throws IOException {
    registry.publish(name, model, vectors, activate);
  }
}
