package io.wordvec.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How training jobs with {@code "engine": "spark"} run ({@code wordvec.spark.*}): the service
 * starts the driver of {@code wordvec-spark.jar} as a child process. Spark stays off the service's
 * classpath; the service only needs the jar's path.
 *
 * @param jar {@code wordvec-spark.jar} (with its {@code lib/} folder beside it); unset: Spark jobs
 *     are refused with a 400 that says how to enable them
 * @param master the Spark master the driver connects to: {@code local[*]} (in the driver's own
 *     JVM), {@code spark://host:port}, ...
 * @param java the {@code java} executable of the driver; unset: the service's own
 * @param jvmOptions further options of the driver's JVM (e.g. {@code -Xmx8g}), before Spark's
 *     module flags
 * @param conf Spark properties passed to the driver ({@code --conf key=value}), e.g. {@code
 *     spark.driver.host} for a cluster that must reach the driver by a given name
 * @param stopTimeout how long a cancelled or stopping driver gets to end by itself before it and
 *     its child processes are killed
 * @param logLines lines of the driver's own output (Spark's warnings, errors) copied to the service
 *     log per job; the rest is counted, not logged
 */
@ConfigurationProperties("wordvec.spark")
public record SparkProperties(
    Path jar,
    @DefaultValue("local[*]") String master,
    String java,
    @DefaultValue List<String> jvmOptions,
    @DefaultValue Map<String, String> conf,
    @DefaultValue("5s") Duration stopTimeout,
    @DefaultValue("200") int logLines) {

  /** The property that enables Spark jobs, named in messages. */
  static final String JAR_PROPERTY = "wordvec.spark.jar";

  public SparkProperties {
    jvmOptions = jvmOptions == null ? List.of() : List.copyOf(jvmOptions);
    conf = conf == null ? Map.of() : Map.copyOf(conf);
    if (master == null || master.isBlank()) {
      throw new IllegalArgumentException("wordvec.spark.master must not be empty, e.g. local[*]");
    }
    if (stopTimeout == null || stopTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "wordvec.spark.stop-timeout must be 0s or more, was " + stopTimeout);
    }
    if (logLines < 0) {
      throw new IllegalArgumentException("wordvec.spark.log-lines must be >= 0, was " + logLines);
    }
  }

  /** Spark jobs refused: no jar configured (tests, and services that never run Spark). */
  static SparkProperties disabled() {
    return new SparkProperties(
        null, "local[*]", null, List.of(), Map.of(), Duration.ofSeconds(5), 200);
  }

  /**
   * Why Spark jobs cannot run, or null when they can. Says how to enable them and names no path
   * (the answer goes to clients).
   */
  String unavailableReason() {
    if (jar == null) {
      return "the Spark engine is not enabled on this service: set "
          + JAR_PROPERTY
          + " (environment WORDVEC_SPARK_JAR) to the path of wordvec-spark.jar, built by"
          + " `./mvnw -f spark/pom.xml package`";
    }
    if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
      return "the Spark engine is not available: "
          + JAR_PROPERTY
          + " names no readable file on the service's machine (build wordvec-spark.jar, or fix"
          + " the path)";
    }
    return null;
  }

  /** The driver's {@code java}: the configured one, or the service's own. */
  String javaExecutable() {
    if (java != null && !java.isBlank()) {
      return java;
    }
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
