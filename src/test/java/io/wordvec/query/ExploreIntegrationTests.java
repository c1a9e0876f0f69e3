package io.wordvec.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.browser.TestModels;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The endpoints behind the web page: projection and prefix search, with their errors. */
@SpringBootTest(properties = "wordvec.explore.max-projection-words=8")
@AutoConfigureMockMvc
class ExploreIntegrationTests {

  @Autowired private MockMvcTester mvc;

  private static final Path MODELS = TestModels.directoryWith("toy.txt");

  @DynamicPropertySource
  static void models(DynamicPropertyRegistry registry) {
    registry.add("wordvec.models.dir", MODELS::toString);
    registry.add("wordvec.data.dir", () -> MODELS.resolveSibling(MODELS.getFileName() + "-data"));
  }

  private MvcTestResult project(String model, String body) {
    return mvc.post()
        .uri("/api/v1/models/{model}/projection", model)
        .contentType(MediaType.APPLICATION_JSON)
        .content(body)
        .exchange();
  }

  @Test
  void projectionMapsTheKnownWordsOnceAndListsTheUnknownOnes() {
    MvcTestResult result =
        project("toy", "{\"words\": [\"king\", \"zebra\", \"queen\", \"apple\", \"king\"]}");

    assertThat(result).hasStatusOk();
    assertThat(result).bodyJson().extractingPath("$.model").isEqualTo("toy");
    assertThat(result)
        .bodyJson()
        .extractingPath("$.points[*].word")
        .asArray()
        .containsExactly("king", "queen", "apple");
    assertThat(result).bodyJson().extractingPath("$.unknown").asArray().containsExactly("zebra");
    assertThat(result).bodyJson().extractingPath("$.explainedVariance").asArray().hasSize(2);
    assertThat(result).bodyJson().extractingPath("$.points[0].x").isInstanceOf(Number.class);
  }

  @Test
  void projectionOfTheDefaultModelIsTheSameEveryTime() throws Exception {
    String body = "{\"words\": [\"king\", \"queen\", \"man\", \"woman\", \"apple\", \"dog\"]}";

    String first = project("default", body).getResponse().getContentAsString();
    String second = project("default", body).getResponse().getContentAsString();

    assertThat(first).contains("\"model\":\"toy\"").isEqualTo(second);
  }

  @Test
  void projectionWithoutWordsIsABadRequestProblem() {
    MvcTestResult result = project("toy", "{\"words\": []}");

    assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
    assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result).bodyJson().extractingPath("$.parameter").isEqualTo("words");
  }

  @Test
  void projectionOfTooManyWordsNamesTheLimit() {
    MvcTestResult result =
        project(
            "toy",
            "{\"words\": [\"one\", \"two\", \"three\", \"four\", \"five\", \"six\", \"seven\","
                + " \"eight\", \"nine\"]}");

    assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
    assertThat(result).bodyJson().extractingPath("$.limit").isEqualTo(8);
  }

  @Test
  void projectionOfAnUnknownModelIsNotFound() {
    MvcTestResult result = project("nosuch", "{\"words\": [\"king\"]}");

    assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
    assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void prefixSearchListsTheMostFrequentMatchesFirst() {
    MvcTestResult result = mvc.get().uri("/api/v1/models/toy/words?prefix=p&limit=4").exchange();

    assertThat(result).hasStatusOk();
    assertThat(result)
        .bodyJson()
        .extractingPath("$.words[*].word")
        .asArray()
        .containsExactly("prince", "princess", "pear", "plum");
    assertThat(result).bodyJson().extractingPath("$.words[0].rank").isEqualTo(7);
  }

  @Test
  void prefixSearchIgnoresCase() {
    MvcTestResult result = mvc.get().uri("/api/v1/models/default/words?prefix=PRI").exchange();

    assertThat(result)
        .bodyJson()
        .extractingPath("$.words[*].word")
        .asArray()
        .containsExactly("prince", "princess");
  }

  @Test
  void prefixSearchLimitOutOfRangeNamesTheLimit() {
    MvcTestResult result = mvc.get().uri("/api/v1/models/toy/words?prefix=a&limit=101").exchange();

    assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
    assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result).bodyJson().extractingPath("$.parameter").isEqualTo("limit");
    assertThat(result).bodyJson().extractingPath("$.limit").isEqualTo(100);
  }
}
