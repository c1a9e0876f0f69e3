package io.wordvec.jobs;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** Where a training job runs. */
enum JobEngine {
  /** In the service's JVM, on the local multi-threaded trainer. */
  LOCAL("local"),
  /**
   * On Apache Spark: the service starts {@code wordvec-spark.jar}'s driver as a child process
   * against {@code wordvec.spark.master} ({@link SparkDriverEngine}).
   */
  SPARK("spark");

  private final String apiName;

  JobEngine(String apiName) {
    this.apiName = apiName;
  }

  @JsonValue
  String apiName() {
    return apiName;
  }

  /** The API names, for messages that list them. */
  static List<String> apiNames() {
    return Arrays.stream(values()).map(JobEngine::apiName).toList();
  }

  /** The engine of this API name, or null. */
  static JobEngine fromApiName(String name) {
    for (JobEngine e : values()) {
      if (e.apiName.equals(name)) {
        return e;
      }
    }
    return null;
  }
}
