package io.wordvec.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no container engine on the build machines, so these tests read the Dockerfile and
 * docker-compose.yml and check that they name what the application needs.
 */
class ContainerFilesTests {

  private static final Path ROOT = Path.of("").toAbsolutePath();

  @Test
  void dockerfileBuildsWithTheWrapperAndRunsOnAJre() throws IOException {
    List<String> stages = fromLines();
    assertThat(stages).hasSize(2);
    assertThat(stages.get(0)).startsWith("eclipse-temurin:25-jdk").endsWith("AS build");
    assertThat(stages.get(1)).isEqualTo("eclipse-temurin:25-jre");
    String dockerfile = dockerfile();
    assertThat(dockerfile).contains("./mvnw").contains("COPY --from=build");
  }

  @Test
  void dockerfileRunsAsNonRootWithSimdHealthcheckAndVolumes() throws IOException {
    String dockerfile = dockerfile();
    Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
    assertThat(user.find()).as("USER instruction").isTrue();
    assertThat(user.group(1)).isNotIn("root", "0");
    assertThat(dockerfile).contains("--add-modules jdk.incubator.vector");
    assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*\\\\$");
    assertThat(dockerfile).contains("/actuator/health/readiness");
    assertThat(dockerfile).containsPattern("(?m)^VOLUME .*/app/models.*/app/data");
    assertThat(dockerfile).contains("COPY --chown=wordvec:wordvec models/ /app/models/");
  }

  @Test
  @SuppressWarnings("unchecked")
  void composeRunsTheServiceWithNamedVolumesConfigAndHealthcheck() throws IOException {
    Map<String, Object> compose;
    try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
      compose = new Yaml().load(in);
    }
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    Map<String, Object> wordvec = (Map<String, Object>) services.get("wordvec");
    assertThat(wordvec).containsKeys("build", "ports", "environment", "volumes", "healthcheck");
    assertThat((List<String>) wordvec.get("ports")).contains("8080:8080");

    List<String> volumes = (List<String>) wordvec.get("volumes");
    assertThat(volumes).contains("models:/app/models", "data:/app/data");
    assertThat((Map<String, Object>) compose.get("volumes")).containsKeys("models", "data");

    Map<String, Object> healthcheck = (Map<String, Object>) wordvec.get("healthcheck");
    assertThat(String.join(" ", (List<String>) healthcheck.get("test")))
        .contains("/actuator/health/readiness");
  }

  @Test
  @SuppressWarnings("unchecked")
  void composeEnvironmentNamesRealProperties() throws IOException {
    Map<String, Object> compose;
    try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
      compose = new Yaml().load(in);
    }
    Map<String, Object> wordvec =
        (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("wordvec");
    Map<String, Object> environment = (Map<String, Object>) wordvec.get("environment");
    // application.properties lists every wordvec property, optional ones commented out.
    Pattern declared = Pattern.compile("^#?\\s*(wordvec\\.[a-z0-9.-]+)=");
    List<String> relaxedKeys = new ArrayList<>();
    for (String line :
        Files.readAllLines(ROOT.resolve("src/main/resources/application.properties"))) {
      Matcher m = declared.matcher(line);
      if (m.find()) {
        relaxedKeys.add(m.group(1).replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT));
      }
    }
    // Spring's relaxed binding maps WORDVEC_MODELS_DIR to wordvec.models.dir: every variable the
    // compose file sets must correspond to a property the application declares.
    for (String variable : environment.keySet()) {
      if (variable.startsWith("WORDVEC_")) {
        assertThat(relaxedKeys).as("property behind %s", variable).contains(variable);
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void composesSparkProfileRunsTheModulesSparkVersionWithTheCorporaWhereTheServiceHasThem()
      throws IOException {
    Map<String, Object> compose;
    try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
      compose = new Yaml().load(in);
    }
    Matcher version =
        Pattern.compile("<spark.version>([^<]+)</spark.version>")
            .matcher(Files.readString(ROOT.resolve("spark/pom.xml")));
    assertThat(version.find()).isTrue();
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    for (String name : List.of("spark-master", "spark-worker")) {
      Map<String, Object> service = (Map<String, Object>) services.get(name);
      assertThat(service).as(name).isNotNull();
      assertThat(service.get("image")).as(name).isEqualTo("apache/spark:" + version.group(1));
      assertThat((List<String>) service.get("profiles")).as(name).containsExactly("spark");
    }
    Map<String, Object> worker = (Map<String, Object>) services.get("spark-worker");
    assertThat((List<String>) worker.get("volumes")).contains("data:/app/data:ro");
    assertThat(String.join(" ", (List<String>) worker.get("command")))
        .contains("org.apache.spark.deploy.worker.Worker")
        .contains("spark://spark-master:7077");
    Map<String, Object> wordvec = (Map<String, Object>) services.get("wordvec");
    assertThat(String.join(" ", (List<String>) wordvec.get("entrypoint")))
        .contains("WORDVEC_SPARK_MASTER=spark://spark-master:7077")
        .contains("--add-modules jdk.incubator.vector");
    assertThat(dockerfile())
        .contains("WORDVEC_SPARK_JAR=/app/spark/wordvec-spark.jar")
        .contains("-f spark/pom.xml package");
  }

  private static String dockerfile() throws IOException {
    return Files.readString(ROOT.resolve("Dockerfile"));
  }

  private static List<String> fromLines() throws IOException {
    List<String> stages = new ArrayList<>();
    for (String line : dockerfile().lines().toList()) {
      if (line.startsWith("FROM ")) {
        stages.add(line.substring(5).trim());
      }
    }
    return stages;
  }
}
