package io.wordvec.service.jobs;

import io.wordvec.train.TrainedModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Models in a map; remembers what was published and activated. */
final class FakeModelCatalog implements ModelCatalog {

  final Map<String, TrainedModel> models = new ConcurrentHashMap<>();
  final List<String> activated = new CopyOnWriteArrayList<>();

  @Override
  public boolean exists(String name) {
    return models.containsKey(name);
  }

  @Override
  public boolean canFineTune(String name) {
    return models.containsKey(name);
  }

  @Override
  public java.util.Optional<String> defaultName() {
    return activated.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(activated.get(activated.size() - 1));
  }

  @Override
  public TrainedModel load(String name) {
    TrainedModel model = models.get(name);
    if (model == null) {
      throw new IllegalArgumentException("no model '" + name + "'");
    }
    return model;
  }

  @Override
  public void publish(
      String name, TrainedModel model, io.wordvec.vectors.WordVectors vectors, boolean activate) {
    models.put(name, model);
    if (activate) {
      activated.add(name);
    }
  }
}
