package io.wordvec.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the query requests ({@link QueryRequests#isQuery}) answered at once at {@code
 * wordvec.limits.max-concurrent-queries}. One more gets 429 with {@code Retry-After} at once: a
 * client backs off instead of the server queueing work without bound (Tomcat's thread pool would
 * otherwise let every request in, each holding scratch memory and CPU, and all of them slow down).
 * Runs after the credential check, so that an unauthenticated flood takes no permit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class QueryConcurrencyFilter extends OncePerRequestFilter {

  private final Semaphore permits;
  private final int max;
  private final long retryAfterSeconds;

  QueryConcurrencyFilter(LimitsProperties limits) {
    this.max = limits.maxConcurrentQueries();
    this.permits = max > 0 ? new Semaphore(max) : null;
    this.retryAfterSeconds = Math.max(1, limits.queryRetryAfter().toSeconds());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return permits == null
        || !QueryRequests.isQuery(
            request.getRequestURI().substring(request.getContextPath().length()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!permits.tryAcquire()) {
      Problems.sendError(
          request,
          response,
          new ApiException(
                  HttpStatus.TOO_MANY_REQUESTS,
                  "too-many-queries",
                  "Too many queries",
                  max
                      + " queries are being answered already (wordvec.limits.max-concurrent-queries);"
                      + " retry after "
                      + retryAfterSeconds
                      + " s")
              .with("limit", max)
              .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)));
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      permits.release();
    }
  }
}
