package io.wordvec.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.io.LoadedModel;
import io.wordvec.io.VectorFormat;
import io.wordvec.models.ModelRegistry;
import io.wordvec.testing.ApiIntegrationTest;
import io.wordvec.testing.HttpTestClient;
import io.wordvec.train.TrainingConfig;
import io.wordvec.train.TrainingInfo;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A model trained with phrases ({@code phrasal}, which knows {@code new_york}) joins the phrases of
 * query text before it looks tokens up, through every route that takes text: "New York" is the one
 * token {@code new_york}, as its training corpus spelled it. The same vectors without phrase
 * training ({@code unphrased}) take the two words as they come.
 */
@ApiIntegrationTest
class PhraseQueriesIntegrationTests {

  /** One axis per word, so that each embedding says exactly which tokens it was made of. */
  private static final String[] WORDS = {"new_york", "new", "york", "city", "is", "big"};

  private static final int DIM = WORDS.length;

  @LocalServerPort int port;

  @Autowired ModelRegistry registry;

  private HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
    register("phrasal", 1);
    register("unphrased", 0);
  }

  private void register(String name, int phrases) {
    long[] counts = new long[DIM];
    float[] rows = new float[DIM * DIM];
    for (int i = 0; i < DIM; i++) {
      counts[i] = 100 - i;
      rows[i * DIM + i] = 2f;
    }
    WordVectors vectors = new WordVectors(new Vocabulary(WORDS, counts), DIM, rows);
    TrainingConfig config = TrainingConfig.builder().dimension(DIM).phrases(phrases).build();
    TrainingInfo info = new TrainingInfo(config, null, Instant.now(), Map.of());
    registry.register(
        name, new LoadedModel(Path.of(name + ".wvm"), VectorFormat.NATIVE, vectors, null, info));
  }

  /** A unit vector with equal weight on each of these words' axes. */
  private static float[] axes(String... words) {
    float[] v = new float[DIM];
    for (String w : words) {
      v[java.util.Arrays.asList(WORDS).indexOf(w)] = (float) (1 / Math.sqrt(words.length));
    }
    return v;
  }

  private static void assertVector(JsonNode actual, float[] expected) {
    assertThat(actual).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual.get(i).asDouble())
          .as("component " + i)
          .isCloseTo(expected[i], within(1e-6));
    }
  }

  @Test
  void embedJoinsAKnownPhraseIntoOneToken() {
    JsonNode phrasal =
        http.postJson(
                "/api/v1/models/phrasal/embed",
                "{\"texts\": [\"New York is big\", \"york new\"], \"normalize\": true}")
            .json()
            .get("embeddings");
    assertThat(phrasal.get(0).get("tokens").asInt()).isEqualTo(3);
    assertThat(phrasal.get(0).get("known").asInt()).isEqualTo(3);
    assertVector(phrasal.get(0).get("vector"), axes("new_york", "is", "big"));
    // the other order is no phrase
    assertThat(phrasal.get(1).get("tokens").asInt()).isEqualTo(2);
    assertVector(phrasal.get(1).get("vector"), axes("new", "york"));

    JsonNode unphrased =
        http.postJson(
                "/api/v1/models/unphrased/embed",
                "{\"texts\": [\"New York is big\"], \"normalize\": true}")
            .json()
            .get("embeddings")
            .get(0);
    assertThat(unphrased.get("tokens").asInt()).isEqualTo(4);
    assertVector(unphrased.get("vector"), axes("new", "york", "is", "big"));
  }

  @Test
  void openAiEmbeddingsJoinThePhraseToo() {
    JsonNode body =
        http.postJson("/v1/embeddings", "{\"model\": \"phrasal\", \"input\": [\"New York\"]}")
            .json();
    assertVector(body.get("data").get(0).get("embedding"), axes("new_york"));
    assertThat(body.get("usage").get("prompt_tokens").asInt()).isEqualTo(1);
    JsonNode plain =
        http.postJson("/v1/embeddings", "{\"model\": \"unphrased\", \"input\": [\"New York\"]}")
            .json();
    assertVector(plain.get("data").get(0).get("embedding"), axes("new", "york"));
  }

  @Test
  void textSimilarityComparesTheJoinedPhrase() {
    JsonNode mean =
        http.postJson(
                "/api/v1/models/phrasal/similarity/texts",
                "{\"source\": \"New York\", \"texts\": [\"new_york\", \"new\", \"the new york"
                    + " city\"]}")
            .json();
    assertThat(mean.get("source").get("tokens").asInt()).isEqualTo(1);
    JsonNode results = mean.get("results");
    assertThat(results.get(0).get("similarity").asDouble()).isCloseTo(1.0, within(1e-6));
    assertThat(results.get(1).get("similarity").asDouble()).isCloseTo(0.0, within(1e-6));
    // "the" is unknown; "new york" joins; "city" is its own axis: cosine 1/sqrt(2)
    assertThat(results.get(2).get("unknown").get(0).asString()).isEqualTo("the");
    assertThat(results.get(2).get("similarity").asDouble())
        .isCloseTo(1 / Math.sqrt(2), within(1e-6));

    JsonNode wmd =
        http.postJson(
                "/api/v1/models/phrasal/similarity/texts",
                "{\"source\": \"New York\", \"texts\": [\"new_york\", \"new york\"],"
                    + " \"weighting\": \"wmd\"}")
            .json();
    assertThat(wmd.get("results").get(0).get("distance").asDouble()).isCloseTo(0, within(1e-9));
    assertThat(wmd.get("results").get(1).get("distance").asDouble()).isCloseTo(0, within(1e-9));

    JsonNode unphrased =
        http.postJson(
                "/api/v1/models/unphrased/similarity/texts",
                "{\"source\": \"New York\", \"texts\": [\"new\"]}")
            .json();
    assertThat(unphrased.get("source").get("tokens").asInt()).isEqualTo(2);
    assertThat(unphrased.get("results").get(0).get("similarity").asDouble())
        .isCloseTo(1 / Math.sqrt(2), within(1e-6));
  }

  @Test
  void wordQueriesTakeAPhraseAskedAsSeparateWords() {
    JsonNode vector = http.get("/api/v1/models/phrasal/vectors/New%20York?normalized=true").json();
    assertThat(vector.get("word").asString()).isEqualTo("New York");
    assertThat(vector.get("rank").asInt()).isEqualTo(1);
    assertVector(vector.get("vector"), axes("new_york"));
    assertThat(http.get("/api/v1/models/unphrased/vectors/New%20York").status()).isEqualTo(404);

    JsonNode batch =
        http.postJson(
                "/api/v1/models/phrasal/vectors",
                "{\"words\": [\"new york\", \"york new\"], \"normalized\": true}")
            .json();
    assertThat(batch.get("results").get(0).get("known").asBoolean()).isTrue();
    assertVector(batch.get("results").get(0).get("vector"), axes("new_york"));
    assertThat(batch.get("unknown").get(0).asString()).isEqualTo("york new");

    assertThat(
            http.get("/api/v1/models/phrasal/similarity?a=new%20york&b=new_york")
                .json()
                .get("similarity")
                .asDouble())
        .isCloseTo(1.0, within(1e-6));
    JsonNode neighbours =
        http.get("/api/v1/models/phrasal/neighbors?word=New%20York&topn=5").json();
    assertThat(neighbours.get("neighbors").valueStream().map(n -> n.get("word").asString()))
        .as("the phrase's own row is left out, as for any query word")
        .doesNotContain("new_york")
        .hasSize(5);
    JsonNode odd =
        http.postJson(
                "/api/v1/models/phrasal/doesnt-match",
                "{\"words\": [\"New York\", \"new_york\", \"city\"]}")
            .json();
    assertThat(odd.get("doesntMatch").asString()).isEqualTo("city");
  }
}
