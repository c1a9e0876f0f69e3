package io.wordvec.alignments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.io.VectorFormat;
import io.wordvec.models.ModelRegistry;
import io.wordvec.testing.HttpTestClient;
import io.wordvec.testing.HttpTestClient.Response;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The alignments API and translate over the test models: {@code tiny} (20 words x 8), {@code small}
 * (3 dimensions) and models registered here, {@code tiny} turned by an orthogonal map. Every error
 * is a 4xx problem.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "wordvec.models.dir=src/test/resources/models",
      "wordvec.models.default-model=tiny"
    })
class AlignmentsApiIntegrationTests {

  @TempDir static Path dir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("wordvec.data.dir", () -> dir.resolve("data").toString());
  }

  @LocalServerPort int port;

  @Autowired ModelRegistry registry;

  private HttpTestClient http;

  @BeforeEach
  void setUp() throws IOException {
    http = new HttpTestClient(port);
    registry.register("rotated", model("rotated", turned(tiny())));
  }

  private static WordVectors tiny() throws IOException {
    return ModelFiles.loadForServing(Path.of("src/test/resources/models/tiny.txt")).vectors();
  }

  /** Tiny's raw rows with their coordinates reversed and every other one negated: orthogonal. */
  private static WordVectors turned(WordVectors tiny) {
    int dim = tiny.dimension();
    float[] rows = new float[tiny.size() * dim];
    float[] row = new float[dim];
    for (int w = 0; w < tiny.size(); w++) {
      tiny.rawRow(w, row, 0);
      for (int j = 0; j < dim; j++) {
        rows[w * dim + j] = (j % 2 == 0 ? -1 : 1) * row[dim - 1 - j];
      }
    }
    return new WordVectors(tiny.vocabulary(), dim, rows);
  }

  private static LoadedModel model(String name, WordVectors vectors) {
    return new LoadedModel(Path.of(name + ".txt"), VectorFormat.WORD2VEC_TEXT, vectors, null);
  }

  private Response create(String json) {
    return http.postJson("/api/v1/alignments", json);
  }

  private static void assertProblem(Response response, int status, String type) {
    assertThat(response.status()).as(response.text()).isEqualTo(status);
    assertThat(response.isProblem()).as(response.contentType()).isTrue();
    assertThat(response.json().get("type").asString()).isEqualTo(type);
    assertThat(response.text()).doesNotContain("Exception").doesNotContain(dir.toString());
  }

  @Test
  void aWordOutsideASubwordSourceModelsVocabularyIsTranslatedByItsNgramVector() throws IOException {
    WordVectors subwords =
        ModelFiles.loadForServing(Path.of("src/test/resources/models/subwords.bin")).vectors();
    registry.register("subwords-turned", model("subwords-turned", turned(subwords)));
    Response created = create("{\"source\": \"subwords\", \"target\": \"subwords-turned\"}");
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.json().get("id").asString();
    try {
      String path = "/api/v1/models/subwords/translate?word=kingly&target=subwords-turned&topn=3";
      Response translated = http.get(path);
      assertThat(translated.status()).as(translated.text()).isEqualTo(200);
      assertThat(translated.json().get("oov").asBoolean()).isTrue();
      JsonNode words = translated.json().get("translations");
      assertThat(words).hasSize(3);
      assertThat(words.get(0).get("cosine").asDouble())
          .isGreaterThanOrEqualTo(words.get(2).get("cosine").asDouble());
      Response known =
          http.get("/api/v1/models/subwords/translate?word=king&target=subwords-turned&topn=3");
      assertThat(known.json().has("oov")).isFalse();
      assertThat(known.json().get("translations").get(0).get("cosine").asDouble())
          .as("an orthogonal copy holds the word's own mapped vector")
          .isCloseTo(1.0, within(1e-3));
      assertProblem(http.get(path + "&oov=error"), 404, "/problems/word-not-found");
      assertProblem(http.get(path + "&oov=maybe"), 400, "/problems/invalid-parameter");
    } finally {
      http.send("DELETE", "/api/v1/alignments/" + id, null, null);
    }
  }

  @Test
  void anAlignmentIsCreatedListedShownUsedAndDeleted() {
    Response created = create("{\"source\": \"tiny\", \"target\": \"rotated\"}");

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonNode body = created.json();
    String id = body.get("id").asString();
    assertThat(created.header("Location")).isEqualTo("/api/v1/alignments/" + id);
    assertThat(body.get("source").asString()).isEqualTo("tiny");
    assertThat(body.get("target").asString()).isEqualTo("rotated");
    assertThat(body.get("dictionary").asString()).isEqualTo("identical");
    assertThat(body.get("pairs").asInt()).isEqualTo(20);
    assertThat(body.get("meanCosine").asDouble()).isCloseTo(1.0, within(1e-4));
    assertThat(body.get("status").asString()).isEqualTo("ready");
    assertThat(body.has("matrix")).isFalse();
    assertThat(dir.resolve("data/alignments/" + id + ".json")).exists();

    JsonNode listed = http.get("/api/v1/alignments").json();
    assertThat(ids(listed)).contains(id);
    assertThat(http.get("/api/v1/alignments/" + id).json().get("pairs").asInt()).isEqualTo(20);

    for (String criterion : List.of("nn", "csls")) {
      Response translated =
          http.get(
              "/api/v1/models/tiny/translate?word=king&target=rotated&topn=3&criterion="
                  + criterion);
      assertThat(translated.status()).as(translated.text()).isEqualTo(200);
      JsonNode answer = translated.json();
      assertThat(answer.get("model").asString()).isEqualTo("tiny");
      assertThat(answer.get("target").asString()).isEqualTo("rotated");
      assertThat(answer.get("criterion").asString()).isEqualTo(criterion);
      assertThat(answer.get("alignment").asString()).isEqualTo(id);
      JsonNode translations = answer.get("translations");
      assertThat(translations.size()).isEqualTo(3);
      assertThat(translations.get(0).get("word").asString()).isEqualTo("king");
      assertThat(translations.get(0).get("cosine").floatValue()).isCloseTo(1f, within(1e-4f));
    }
    // the default model is tiny: "default" names it as source and as target
    assertThat(
            http.get("/api/v1/models/default/translate?word=queen&target=rotated")
                .json()
                .get("translations")
                .get(0)
                .get("word")
                .asString())
        .isEqualTo("queen");

    assertThat(http.send("DELETE", "/api/v1/alignments/" + id, null, null).status()).isEqualTo(204);
    assertThat(dir.resolve("data/alignments/" + id + ".json")).doesNotExist();
    assertProblem(http.get("/api/v1/alignments/" + id), 404, "/problems/alignment-not-found");
    assertProblem(
        http.send("DELETE", "/api/v1/alignments/" + id, null, null),
        404,
        "/problems/alignment-not-found");
    Response none = http.get("/api/v1/models/tiny/translate?word=king&target=rotated");
    assertProblem(none, 404, "/problems/alignment-not-found");
    assertThat(none.json().get("detail").asString()).contains("POST /api/v1/alignments");
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(a -> ids.add(a.get("id").asString()));
    return ids;
  }

  @Test
  void aGivenDictionaryReportsThePairsItHadToDrop() throws IOException {
    StringBuilder pairs = new StringBuilder("[");
    for (String word : tiny().vocabulary().words()) {
      pairs.append("[\"").append(word).append("\", \"").append(word).append("\"],");
    }
    pairs.append("[\"unknownsource\", \"king\"], [\"king\", \"unknowntarget\"]]");

    Response created =
        create("{\"source\": \"tiny\", \"target\": \"rotated\", \"dictionary\": " + pairs + "}");

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(body.get("dictionary").asString()).isEqualTo("given");
    assertThat(body.get("requestedPairs").asInt()).isEqualTo(22);
    assertThat(body.get("pairs").asInt()).isEqualTo(20);
    assertThat(body.get("missingInSource").asInt()).isEqualTo(1);
    assertThat(body.get("missingInTarget").asInt()).isEqualTo(1);
    assertThat(body.get("missingSourceWords").get(0).asString()).isEqualTo("unknownsource");
    assertThat(body.get("missingTargetWords").get(0).asString()).isEqualTo("unknowntarget");
  }

  @Test
  void aNewAlignmentOfTheSamePairReplacesTheOldOne() {
    String first =
        create("{\"source\": \"rotated\", \"target\": \"tiny\"}").json().get("id").asString();

    Response second =
        create("{\"source\": \"rotated\", \"target\": \"tiny\", \"identicalWords\": 10}");

    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().get("replaced").asString()).isEqualTo(first);
    assertThat(second.json().get("pairs").asInt()).isEqualTo(10);
    List<String> ids = ids(http.get("/api/v1/alignments").json());
    assertThat(ids).contains(second.json().get("id").asString()).doesNotContain(first);
  }

  @Test
  void aModelChangedSinceTheAlignmentMakesItStale() throws IOException {
    registry.register("changing", model("changing", tiny()));
    String id =
        create("{\"source\": \"tiny\", \"target\": \"changing\"}").json().get("id").asString();
    assertThat(http.get("/api/v1/models/tiny/translate?word=king&target=changing").status())
        .isEqualTo(200);

    registry.register("changing", model("changing", turned(tiny())));

    Response stale = http.get("/api/v1/models/tiny/translate?word=king&target=changing");
    assertProblem(stale, 409, "/problems/alignment-stale");
    assertThat(stale.json().get("changed").get(0).asString()).isEqualTo("changing");
    assertThat(http.get("/api/v1/alignments/" + id).json().get("status").asString())
        .isEqualTo("stale");
  }

  @Test
  void badCreationsAre4xxProblems() {
    String tooMany =
        "{\"source\": \"tiny\", \"target\": \"tiny\", \"dictionary\": ["
            + "[\"king\", \"king\"],".repeat(100_001)
            + "[\"king\", \"king\"]]}";
    assertProblem(create(""), 400, "/problems/malformed-request");
    assertProblem(create("{}"), 400, "/problems/invalid-parameter");
    assertProblem(create("{\"source\": \"tiny\"}"), 400, "/problems/invalid-parameter");
    assertProblem(
        create("{\"source\": \"tiny\", \"target\": \" \"}"), 400, "/problems/invalid-parameter");
    assertProblem(
        create("{\"source\": \"tiny\", \"target\": \"nope\"}"), 404, "/problems/model-not-found");
    assertProblem(
        create("{\"source\": \"nope\", \"target\": \"tiny\"}"), 404, "/problems/model-not-found");
    Response dimensions = create("{\"source\": \"tiny\", \"target\": \"small\"}");
    assertProblem(dimensions, 400, "/problems/dimension-mismatch");
    assertThat(dimensions.json().get("sourceDimension").asInt()).isEqualTo(8);
    assertThat(dimensions.json().get("targetDimension").asInt()).isEqualTo(3);
    assertProblem(
        create("{\"source\": \"tiny\", \"target\": \"tiny\", \"dictionary\": []}"),
        400,
        "/problems/invalid-parameter");
    assertProblem(
        create("{\"source\": \"tiny\", \"target\": \"tiny\", \"dictionary\": [[\"king\"]]}"),
        400,
        "/problems/invalid-parameter");
    assertProblem(
        create("{\"source\": \"tiny\", \"target\": \"tiny\", \"dictionary\": [[\"king\", null]]}"),
        400,
        "/problems/invalid-parameter");
    assertProblem(
        create("{\"source\": \"tiny\", \"target\": \"tiny\", \"dictionary\": [null]}"),
        400,
        "/problems/invalid-parameter");
    assertProblem(
        create("{\"source\": \"tiny\", \"target\": \"tiny\", \"dictionary\": \"king\"}"),
        400,
        "/problems/malformed-request");
    assertProblem(
        create(
            "{\"source\": \"tiny\", \"target\": \"tiny\", \"dictionary\": [[\"king\", \"king\"]],"
                + " \"identicalWords\": 10}"),
        400,
        "/problems/invalid-parameter");
    assertProblem(
        create("{\"source\": \"tiny\", \"target\": \"tiny\", \"identicalWords\": 0}"),
        400,
        "/problems/invalid-parameter");
    assertProblem(
        create("{\"source\": \"tiny\", \"target\": \"tiny\", \"identicalWords\": 2000000000}"),
        400,
        "/problems/invalid-parameter");
    assertProblem(
        create("{\"source\": \"tiny\", \"target\": \"tiny\", \"identicalWords\": \"x\"}"),
        400,
        "/problems/malformed-request");
    assertProblem(create(tooMany), 413, "/problems/payload-too-large");
  }

  @Test
  void tooFewUsablePairsIs400WithTheMinimumAndTheMissingWords() {
    Response few =
        create(
            "{\"source\": \"tiny\", \"target\": \"rotated\", \"dictionary\": [[\"king\","
                + " \"king\"], [\"queen\", \"queen\"], [\"kingg\", \"queen\"]]}");

    assertProblem(few, 400, "/problems/too-few-pairs");
    JsonNode problem = few.json();
    assertThat(problem.get("pairs").asInt()).isEqualTo(2);
    assertThat(problem.get("minimum").asInt()).isEqualTo(8);
    assertThat(problem.get("missingInSource").asInt()).isEqualTo(1);
    assertThat(problem.get("missingSourceWords").get(0).asString()).isEqualTo("kingg");
    assertProblem(
        create("{\"source\": \"tiny\", \"target\": \"rotated\", \"identicalWords\": 7}"),
        400,
        "/problems/too-few-pairs");
  }

  @Test
  void badTranslationsAre4xxProblems() {
    create("{\"source\": \"tiny\", \"target\": \"rotated\"}");
    String t = "/api/v1/models/tiny/translate?";

    assertProblem(http.get(t + "target=rotated"), 400, "/problems/missing-parameter");
    assertProblem(http.get(t + "word=king"), 400, "/problems/missing-parameter");
    assertProblem(http.get(t + "word=%20&target=rotated"), 400, "/problems/invalid-parameter");
    assertProblem(http.get(t + "word=king&target=%20"), 400, "/problems/invalid-parameter");
    assertProblem(
        http.get(t + "word=king&target=rotated&topn=0"), 400, "/problems/invalid-parameter");
    assertProblem(
        http.get(t + "word=king&target=rotated&topn=1001"), 400, "/problems/invalid-parameter");
    assertProblem(
        http.get(t + "word=king&target=rotated&topn=x"), 400, "/problems/invalid-parameter");
    assertProblem(
        http.get(t + "word=king&target=rotated&criterion=cosine"),
        400,
        "/problems/invalid-parameter");
    Response word = http.get(t + "word=kingg&target=rotated");
    assertProblem(word, 404, "/problems/word-not-found");
    assertThat(word.json().get("model").asString()).isEqualTo("tiny");
    assertProblem(http.get(t + "word=king&target=nope"), 404, "/problems/model-not-found");
    assertProblem(
        http.get("/api/v1/models/nope/translate?word=king&target=rotated"),
        404,
        "/problems/model-not-found");
    assertProblem(http.get(t + "word=king&target=small"), 404, "/problems/alignment-not-found");
  }
}
