package io.wordvec.spark;

import java.io.Serializable;
import org.apache.spark.broadcast.Broadcast;

/**
 * Where a sync round's tasks find the round's model: a Spark broadcast, or, when the tasks run in
 * the driver's JVM, the driver's own object ({@link InJvmExchange}). Travels in the task closure.
 */
interface RoundModel extends Serializable {

  /** The round's model, read-only for the task. */
  ModelState value();

  /** Frees the round's model once every task is done with it (driver side). */
  void release();

  /** The model as a broadcast, fetched by each executor: the path of a cluster. */
  record Broadcasted(Broadcast<ModelState> model) implements RoundModel {

    @Override
    public ModelState value() {
      return model.value();
    }

    @Override
    public void release() {
      model.destroy();
    }
  }

  /** The driver's model by reference, published under {@code key} in the driver's JVM. */
  record Published(String key) implements RoundModel {

    static Published of(String key, ModelState state) {
      return new Published(InJvmExchange.put(key, state));
    }

    @Override
    public ModelState value() {
      return InJvmExchange.get(key, ModelState.class);
    }

    @Override
    public void release() {
      InJvmExchange.take(key, ModelState.class);
    }
  }
}
