package io.wordvec.spark;

import java.util.Map;
import java.util.Objects;

/**
 * How a {@link SparkTrainingEngine} runs on Spark.
 *
 * @param master the Spark master URL: {@code local[*]}, {@code local[2]}, {@code
 *     spark://host:port}...
 * @param partitions K, the corpus partitions trained in parallel (the data-parallel width)
 * @param wordsPerSync corpus words all partitions train together between two synchronisations
 * @param taskThreads Hogwild worker threads inside each task ({@code spark.task.cpus})
 * @param merge how a sync merges the partitions' changes to a row ({@link MergeRule#DEFAULT} when
 *     null)
 * @param conf further Spark properties, applied last (they win over the engine's own)
 */
public record SparkSettings(
    String master,
    int partitions,
    long wordsPerSync,
    int taskThreads,
    MergeRule merge,
    Map<String, String> conf) {

  /** The default words per sync: about 17 syncs per epoch on a 17M-word corpus. */
  public static final long DEFAULT_WORDS_PER_SYNC = 1_000_000;

  /** The most partitions a run accepts: each holds a copy of the model in every round. */
  public static final int MAX_PARTITIONS = 4096;

  /** The fewest words per sync: fewer makes the syncs, not the training, the work. */
  public static final long MIN_WORDS_PER_SYNC = 1_000;

  /**
   * @throws IllegalArgumentException naming the first bad value
   */
  public SparkSettings {
    Objects.requireNonNull(master, "master");
    conf = conf == null ? Map.of() : Map.copyOf(conf);
    merge = merge == null ? MergeRule.DEFAULT : merge;
    if (master.isBlank()) {
      throw new IllegalArgumentException("--master must not be empty (e.g. local[*])");
    }
    if (partitions < 1 || partitions > MAX_PARTITIONS) {
      throw new IllegalArgumentException(
          "--partitions must be between 1 and " + MAX_PARTITIONS + ", was " + partitions);
    }
    if (wordsPerSync < MIN_WORDS_PER_SYNC) {
      throw new IllegalArgumentException(
          "--words-per-sync must be at least " + MIN_WORDS_PER_SYNC + ", was " + wordsPerSync);
    }
    if (taskThreads < 1 || taskThreads > 1024) {
      throw new IllegalArgumentException(
          "--task-threads must be between 1 and 1024, was " + taskThreads);
    }
  }

  /** {@code local[*]} with one partition, the default sync interval and merge. */
  public static SparkSettings local() {
    return new SparkSettings("local[*]", 1, DEFAULT_WORDS_PER_SYNC, 1, MergeRule.DEFAULT, Map.of());
  }
}
