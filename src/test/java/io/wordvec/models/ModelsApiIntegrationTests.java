package io.wordvec.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.io.LoadedModel;
import io.wordvec.io.VectorFormat;
import io.wordvec.testing.ApiIntegrationTest;
import io.wordvec.testing.HttpTestClient;
import io.wordvec.testing.HttpTestClient.Response;
import io.wordvec.train.CorpusStats;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingConfig;
import io.wordvec.vocab.Vocabulary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiIntegrationTest
class ModelsApiIntegrationTests {

  @LocalServerPort int port;

  @Autowired ModelRegistry registry;

  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port);
  }

  @Test
  void listsTheLoadedModelsWithTheDefaultMarked() {
    Response response = http.get("/api/v1/models");

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("defaultModel").asString()).isEqualTo("tiny");
    JsonNode tiny = null;
    JsonNode small = null;
    for (JsonNode model : body.get("models")) {
      if (model.get("name").asString().equals("tiny")) {
        tiny = model;
      } else if (model.get("name").asString().equals("small")) {
        small = model;
      }
    }
    assertThat(tiny).isNotNull();
    assertThat(tiny.get("default").asBoolean()).isTrue();
    assertThat(tiny.get("format").asString()).isEqualTo("word2vec-text");
    assertThat(tiny.get("source").asString()).isEqualTo("tiny.txt");
    assertThat(tiny.get("dimension").asInt()).isEqualTo(8);
    assertThat(tiny.get("vocabularySize").asInt()).isEqualTo(20);
    assertThat(tiny.has("training")).as("a text file carries no provenance").isFalse();
    assertThat(small).isNotNull();
    assertThat(small.get("default").asBoolean()).isFalse();
    assertThat(small.get("format").asString()).isEqualTo("fasttext-vec");
  }

  @Test
  void describesTheDefaultModelByItsRealName() {
    JsonNode model = http.get("/api/v1/models/default").json();

    assertThat(model.get("name").asString()).isEqualTo("tiny");
    assertThat(model.get("default").asBoolean()).isTrue();
  }

  @Test
  void describesAModelByName() {
    JsonNode model = http.get("/api/v1/models/small").json();

    assertThat(model.get("name").asString()).isEqualTo("small");
    assertThat(model.get("vocabularySize").asInt()).isEqualTo(3);
    assertThat(model.get("dimension").asInt()).isEqualTo(3);
  }

  @Test
  void unknownModelIs404ListingTheAvailableOnes() {
    Response response = http.get("/api/v1/models/nope");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.isProblem()).isTrue();
    JsonNode problem = response.json();
    assertThat(problem.get("type").asString()).isEqualTo("/problems/model-not-found");
    assertThat(problem.get("available").toString()).contains("\"small\"").contains("\"tiny\"");
    assertThat(problem.get("detail").asString()).contains("nope");
  }

  @Test
  void trainedModelShowsItsProvenance() {
    Vocabulary vocabulary = new Vocabulary(new String[] {"a", "b"}, new long[] {7, 3});
    TrainedModel trained =
        new TrainedModel(
            vocabulary,
            2,
            new float[] {1, 0, 0, 1},
            new float[] {0, 0, 0, 0},
            TrainingConfig.builder().dimension(2).epochs(3).build(),
            new CorpusStats("tiny-corpus.txt", 2, 10, 10, 2),
            Instant.parse("2026-01-02T03:04:05Z"),
            Map.of("wordsim353", 0.5));
    registry.register(
        "provenance-test",
        new LoadedModel(
            Path.of("provenance-test.wvm"), VectorFormat.NATIVE, trained.wordVectors(), trained));

    assertThat(registry.find("provenance-test").orElseThrow().trained())
        .as("the registry drops the output matrix; the provenance stays")
        .isEmpty();
    JsonNode model = http.get("/api/v1/models/provenance-test").json();

    assertThat(model.get("training").get("dimension").asInt()).isEqualTo(2);
    assertThat(model.get("training").get("epochs").asInt()).isEqualTo(3);
    assertThat(model.get("training").get("architecture").asString()).isEqualTo("SKIP_GRAM");
    assertThat(model.get("training").get("dim").asInt())
        .as("the job API's names, as the summary now says them")
        .isEqualTo(2);
    assertThat(model.get("training").get("sg").asBoolean()).isTrue();
    assertThat(model.get("corpus").get("source").asString()).isEqualTo("tiny-corpus.txt");
    assertThat(model.get("corpus").get("tokens").asLong()).isEqualTo(10);
    assertThat(model.get("format").asString()).isEqualTo("native");
    assertThat(model.get("source").asString()).isEqualTo("provenance-test.wvm");
    assertThat(model.get("createdAt").asString()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(model.get("evaluation").get("wordsim353").asDouble()).isEqualTo(0.5);

    JsonNode vector = http.get("/api/v1/models/provenance-test/vectors/a").json();
    assertThat(vector.get("count").asLong()).as("a trained model knows its counts").isEqualTo(7);
    assertThat(vector.get("rank").asInt()).isEqualTo(1);
  }
}
