package io.wordvec.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.testing.ApiIntegrationTest;
import io.wordvec.testing.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The per-model metrics in /actuator/prometheus, labelled only with names from the registry. */
@ApiIntegrationTest
class QueryMetricsIntegrationTests {

  @LocalServerPort int port;

  @Test
  void queriesTokensJobsAndModelBytesAreScrapedWithBoundedLabels() {
    HttpTestClient http = new HttpTestClient(port);
    assertThat(http.get("/api/v1/models/default/neighbors?word=king").status()).isEqualTo(200);
    assertThat(
            http.postJson(
                    "/v1/embeddings", "{\"model\": \"tiny\", \"input\": \"the king zzz qqq\"}")
                .status())
        .isEqualTo(200);
    assertThat(http.get("/api/v1/models/no-such-model/neighbors?word=king").status())
        .isEqualTo(404);
    assertThat(
            http.postJson("/v1/embeddings", "{\"model\": \"made-up\", \"input\": \"king\"}")
                .status())
        .isEqualTo(404);

    String scrape = http.get("/actuator/prometheus").text();

    assertThat(scrape)
        .contains(
            "wordvec_query_duration_seconds_count{model=\"tiny\",operation=\"GET"
                + " /neighbors\",outcome=\"success\"}")
        .contains(
            "wordvec_query_duration_seconds_count{model=\"tiny\",operation=\"POST"
                + " /v1/embeddings\",outcome=\"success\"}")
        .contains("wordvec_tokens_total{known=\"true\",model=\"tiny\"}")
        .contains("wordvec_tokens_total{known=\"false\",model=\"tiny\"}")
        // tiny, 20 x 8 on the heap: raw and unit floats, and one float norm per row
        .contains("wordvec_model_bytes{model=\"tiny\"} " + (2 * 4 * 20 * 8 + 4 * 20) + ".0")
        .contains("wordvec_model_bytes{model=\"small\"}")
        .contains("wordvec_jobs{state=\"running\"} 0.0")
        .contains("wordvec_jobs{state=\"queued\"}")
        .contains("wordvec_jobs_words_per_second 0.0");
    // what a request asked for never becomes a label: only the registry's names do
    assertThat(scrape)
        .doesNotContain("model=\"default\"")
        .doesNotContain("no-such-model")
        .doesNotContain("made-up");
  }
}
