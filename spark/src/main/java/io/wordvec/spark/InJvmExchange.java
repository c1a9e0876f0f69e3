package io.wordvec.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands a sync round's model to its tasks, and their changes back, by reference, when the tasks run
 * in the driver's own JVM (Spark's {@code local} and {@code local[N]} masters, the engine's
 * embedded default).
 *
 * <p>Why: Spark serializes a broadcast into pieces and every task result into bytes whatever the
 * master, although in local mode nobody fetches the pieces (tasks read the driver's own value) and
 * the result's bytes are read back in the same JVM. On gutenberg-17m at K=1 those two copies were
 * about 100 ms of a 1.6 s round: most of what a round spent outside training (BENCHMARKS.md,
 * "Training on Apache Spark"). Here the driver publishes the model under a key that the task
 * closure carries, and each task deposits its trained copy under a key it returns as its result;
 * the driver takes the copies back in partition order and reads their changes from them ({@link
 * TrainedCopy#changes}), so the merge, and the model, are exactly those of the serialized path
 * ({@code SparkTrainingEngineTests}).
 *
 * <p>The engine only uses it when {@code sc.isLocal()} (not {@code local-cluster}, whose executors
 * are other JVMs), unless {@link #PROPERTY} is {@code false}. A task that finds no value under its
 * key is not in the driver's JVM, and fails with that reason rather than training on nothing.
 *
 * <p>Thread-safe: tasks deposit concurrently; the map's put and remove order the driver's reads
 * after the tasks' writes. The driver removes what it published and took at the end of each round,
 * and everything under its run's prefix when the run ends, however it ends ({@link #clear}).
 */
final class InJvmExchange {

  /** {@code false} makes a local run broadcast and serialize as on a cluster (default true). */
  static final String PROPERTY = "spark.wordvec.inJvmExchange";

  private static final Map<String, Object> VALUES = new ConcurrentHashMap<>();

  private InJvmExchange() {}

  /** Publishes {@code value} under {@code key}, replacing any earlier value; returns the key. */
  static String put(String key, Object value) {
    VALUES.put(key, value);
    return key;
  }

  /**
   * The value published under {@code key}, left in place for the round's other tasks.
   *
   * @throws IllegalStateException if there is none: the caller is not in the publisher's JVM
   */
  static <T> T get(String key, Class<T> type) {
    return type.cast(present(key, VALUES.get(key)));
  }

  /**
   * Removes and returns the value published under {@code key}.
   *
   * @throws IllegalStateException if there is none
   */
  static <T> T take(String key, Class<T> type) {
    return type.cast(present(key, VALUES.remove(key)));
  }

  /** Forgets every value whose key starts with {@code prefix}. */
  static void clear(String prefix) {
    VALUES.keySet().removeIf(key -> key.startsWith(prefix));
  }

  /** How many values are held, for tests that check a run leaves nothing behind. */
  static int size() {
    return VALUES.size();
  }

  private static Object present(String key, Object value) {
    if (value == null) {
      throw new IllegalStateException(
          "nothing under '"
              + key
              + "' in this JVM: the in-JVM exchange only works in Spark's local mode (set "
              + PROPERTY
              + "=false otherwise)");
    }
    return value;
  }
}
