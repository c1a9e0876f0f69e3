package io.wordvec.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** The query cap: one query over it is refused at once with 429, and permits come back. */
class QueryConcurrencyFilterTests {

  private final QueryConcurrencyFilter filter =
      new QueryConcurrencyFilter(
          new LimitsProperties(
              1000, 1000, DataSize.ofMegabytes(1), 5, 1, Duration.ofSeconds(3), 200, 1000));

  @Test
  void aQueryOverTheCapGets429WithRetryAfterAndTheNextOnePassesOnceAPermitIsBack()
      throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FilterChain blocking =
        (request, response) -> {
          inside.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      MockHttpServletResponse first = new MockHttpServletResponse();
      Future<?> running =
          executor.submit(
              () -> {
                filter.doFilter(query("/v1/embeddings"), first, blocking);
                return null;
              });
      assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

      MockHttpServletRequest secondRequest = query("/api/v1/models/tiny/neighbors");
      MockHttpServletResponse second = new MockHttpServletResponse();
      filter.doFilter(secondRequest, second, (request, response) -> {});

      assertThat(second.getStatus()).isEqualTo(429);
      assertThat(second.getHeader("Retry-After")).isEqualTo("3");
      assertThat(secondRequest.getAttribute(ProblemErrorController.PROBLEM_ATTRIBUTE))
          .isInstanceOfSatisfying(
              org.springframework.http.ProblemDetail.class,
              problem -> {
                assertThat(problem.getType().toString()).isEqualTo("/problems/too-many-queries");
                assertThat(problem.getProperties()).containsEntry("limit", 1);
              });

      MockHttpServletResponse notAQuery = new MockHttpServletResponse();
      filter.doFilter(query("/api/v1/jobs"), notAQuery, (request, response) -> {});
      assertThat(notAQuery.getStatus()).isEqualTo(200);

      release.countDown();
      running.get(30, TimeUnit.SECONDS);
      MockHttpServletResponse third = new MockHttpServletResponse();
      filter.doFilter(query("/embeddings"), third, (request, response) -> {});
      assertThat(third.getStatus()).isEqualTo(200);
    } finally {
      release.countDown();
      executor.shutdownNow();
    }
  }

  private static MockHttpServletRequest query(String path) {
    return new MockHttpServletRequest("POST", path);
  }
}
