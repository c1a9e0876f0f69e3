package io.wordvec.jobs;

import io.wordvec.train.TrainedModel;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Models in a map; remembers what was published and activated. */
final class FakeModelCatalog implements ModelCatalog {

  final Map<String, TrainedModel> models = new ConcurrentHashMap<>();
  final List<String> activated = new CopyOnWriteArrayList<>();

  /** Counted down when a publish starts. */
  final CountDownLatch publishing = new CountDownLatch(1);

  /** A publish waits for this before it stores the model. */
  volatile CountDownLatch publishGate = new CountDownLatch(0);

  /** Models whose index was built, with the parameters each was built with. */
  final Map<String, io.wordvec.index.HnswParameters> indexed = new ConcurrentHashMap<>();

  /** Counted down when an index build starts. */
  final CountDownLatch indexing = new CountDownLatch(1);

  /** While set, an index build reports half its rows and then waits until it is cancelled. */
  volatile boolean indexUntilCancelled;

  @Override
  public boolean exists(String name) {
    return models.containsKey(name);
  }

  @Override
  public void buildIndex(
      String name,
      io.wordvec.index.HnswParameters parameters,
      io.wordvec.index.IndexBuildListener listener) {
    indexing.countDown();
    listener.onProgress(50, 100);
    if (indexUntilCancelled) {
      while (!listener.isCancelled()) {
        Thread.onSpinWait();
      }
      throw new java.util.concurrent.CancellationException("cancelled");
    }
    listener.onProgress(100, 100);
    indexed.put(name, parameters);
  }

  @Override
  public boolean canFineTune(String name) {
    return models.containsKey(name);
  }

  @Override
  public java.util.Optional<Trained> trained(String name) {
    TrainedModel model = models.get(name);
    return model == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(
            new Trained(
                model.createdAt(), model.vocabulary().size(), model.evaluation(), model.corpus()));
  }

  @Override
  public void activate(String name) {
    if (!models.containsKey(name)) {
      throw new IllegalArgumentException("no model '" + name + "'");
    }
    activated.add(name);
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
      String name, TrainedModel model, io.wordvec.vectors.WordVectors vectors, boolean activate)
      throws IOException {
    publishing.countDown();
    try {
      if (!publishGate.await(20, TimeUnit.SECONDS)) {
        throw new IOException("the test never let the model be saved");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while saving", e);
    }
    models.put(name, model);
    if (activate) {
      activated.add(name);
    }
  }
}
