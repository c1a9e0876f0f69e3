package io.wordvec.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class SparkPropertiesTests {

  /** Binds as the application does, with {@code variables} as the process environment. */
  private static SparkProperties fromEnvironment(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
    environment
        .getPropertySources()
        .replace(name, new SystemEnvironmentPropertySource(name, variables));
    return Binder.get(environment).bindOrCreate("wordvec.spark", SparkProperties.class);
  }

  @Test
  void theComposeFilesVariablesBindIncludingASparkPropertyWithDots() {
    SparkProperties properties =
        fromEnvironment(
            Map.of(
                "WORDVEC_SPARK_JAR", "/app/spark/wordvec-spark.jar",
                "WORDVEC_SPARK_MASTER", "spark://spark-master:7077",
                "WORDVEC_SPARK_CONF_SPARK_DRIVER_HOST", "wordvec"));

    assertThat(properties.jar()).isEqualTo(Path.of("/app/spark/wordvec-spark.jar"));
    assertThat(properties.master()).isEqualTo("spark://spark-master:7077");
    assertThat(properties.conf()).containsEntry("spark.driver.host", "wordvec");
  }

  @Test
  void theDefaultsRefuseSparkJobsAndRunLocally() {
    SparkProperties properties = fromEnvironment(Map.of());

    assertThat(properties.jar()).isNull();
    assertThat(properties.master()).isEqualTo("local[*]");
    assertThat(properties.jvmOptions()).isEmpty();
    assertThat(properties.conf()).isEmpty();
    assertThat(properties.stopTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(properties.unavailableReason()).contains("wordvec.spark.jar");
  }

  @Test
  void anEmptyMasterIsRefusedAtStartup() {
    assertThatThrownBy(
            () ->
                new SparkProperties(
                    null, " ", null, List.of(), Map.of(), Duration.ofSeconds(5), 200))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wordvec.spark.master");
  }
}
