package io.wordvec.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options {@code wordvec-spark train} adds to {@code wordvec train}'s. */
final class SparkOptions {

  @Option(
      names = "--master",
      defaultValue = "local[*]",
      paramLabel = "URL",
      description =
          "Spark master: local[*], local[N], spark://host:port... (default: ${DEFAULT-VALUE}).")
  String master;

  @Option(
      names = "--partitions",
      defaultValue = "1",
      paramLabel = "K",
      description =
          "Corpus partitions trained in parallel, each from the same model, merged at every sync"
              + " (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--words-per-sync",
      defaultValue = "" + SparkSettings.DEFAULT_WORDS_PER_SYNC,
      paramLabel = "N",
      description =
          "Corpus words all partitions train together between two syncs (default:"
              + " ${DEFAULT-VALUE}).")
  long wordsPerSync;

  @Option(
      names = "--task-threads",
      defaultValue = "1",
      paramLabel = "T",
      description =
          "Hogwild training threads inside each Spark task, also its spark.task.cpus (default:"
              + " ${DEFAULT-VALUE}).")
  int taskThreads;

  @Option(
      names = "--merge",
      defaultValue = "adasum",
      paramLabel = "RULE",
      description =
          "How a sync merges the partitions' changes to a row: adasum (changes that point"
              + " different ways add up, repeated ones count once) or mean (their update-weighted"
              + " mean; frequent rows then learn about K times slower) (default: ${DEFAULT-VALUE}).")
  String merge;

  @Option(
      names = "--exit-when-stdin-closes",
      hidden = true,
      description =
          "Stop (exit code 130, nothing written) once standard input closes: for programs that"
              + " start the driver as a child process and keep its input open while they live.")
  boolean exitWhenStdinCloses;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "A Spark property, applied last; repeatable.")
  Map<String, String> conf = new LinkedHashMap<>();

  /**
   * @throws IllegalArgumentException naming the first bad option value
   */
  SparkSettings settings() {
    return new SparkSettings(
        master, partitions, wordsPerSync, taskThreads, MergeRule.of(merge), conf);
  }
}
