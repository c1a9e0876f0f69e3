package io.wordvec.system.security;

import io.wordvec.system.ApiException;
import io.wordvec.system.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks {@code Authorization: Bearer <token>} on the requests {@link ProtectedRequests} names: the
 * admin token on requests that change state (when {@code wordvec.security.admin-token} is set), an
 * API key or the admin token on queries (when {@code wordvec.security.api-keys} are set).
 *
 * <p>One convention (RFC 6750's): a missing or unknown credential is 401 with {@code
 * WWW-Authenticate: Bearer} ({@code /problems/unauthorized}, or {@code /problems/invalid-token}
 * with {@code error="invalid_token"} for a token that is not accepted); 403 ({@code
 * /problems/forbidden}, {@code error="insufficient_scope"}) only for a valid credential that lacks
 * the right: an API key on a request that needs the admin token. All are problems, rendered by the
 * error controller in the shape of the request's API. Tokens are compared in constant time, over
 * SHA-256 digests so that not even their length leaks, and every accepted token is compared, so the
 * time does not tell which one nearly matched.
 *
 * <p>Spring Security was considered and not used: two static bearer-token kinds over a fixed set of
 * paths fit in this filter, while Spring Security would bring its own filter chain, error handling
 * on the error dispatch, response headers and defaults to switch off.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BearerTokenFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);

  private final byte[] adminDigest;

  /** The API keys' digests, and the admin token's last when set: all accepted on queries. */
  private final List<byte[]> queryDigests;

  private final boolean openActuator;

  BearerTokenFilter(SecurityProperties properties) {
    this.adminDigest = properties.enabled() ? sha256(properties.adminToken().strip()) : null;
    List<byte[]> keys =
        new java.util.ArrayList<>(
            properties.apiKeys().stream().map(BearerTokenFilter::sha256).toList());
    if (properties.apiKeysEnabled() && adminDigest != null) {
      keys.add(adminDigest);
    }
    this.queryDigests = List.copyOf(keys);
    this.openActuator = properties.openActuator();
    if (adminDigest != null) {
      log.info("Admin token set: state-changing endpoints require a bearer token");
    }
    if (properties.apiKeysEnabled()) {
      log.info(
          "{} API key(s) set: queries{} require a bearer token",
          properties.apiKeys().size(),
          openActuator ? "" : " and the actuator endpoints but health");
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return adminDigest == null && queryDigests.isEmpty();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String method = request.getMethod();
    boolean admin = adminDigest != null && ProtectedRequests.isProtected(method, path);
    boolean query =
        !admin
            && !queryDigests.isEmpty()
            && ProtectedRequests.needsApiKey(method, path, openActuator);
    if (!admin && !query) {
      chain.doFilter(request, response);
      return;
    }
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      Problems.sendError(
          request,
          response,
          new ApiException(
              HttpStatus.UNAUTHORIZED,
              "unauthorized",
              "Unauthorized",
              admin
                  ? "this request changes state and needs the header 'Authorization: Bearer"
                      + " <admin token>'"
                  : "this request needs the header 'Authorization: Bearer <API key>'"));
      return;
    }
    byte[] given = sha256(header.substring(7).strip());
    boolean accepted =
        admin ? MessageDigest.isEqual(adminDigest, given) : anyEqual(queryDigests, given);
    if (accepted) {
      chain.doFilter(request, response);
      return;
    }
    if (admin && anyEqual(queryDigests, given)) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
      Problems.sendError(
          request,
          response,
          new ApiException(
              HttpStatus.FORBIDDEN,
              "forbidden",
              "Forbidden",
              "an API key may query; this request changes state and needs the admin token"));
      return;
    }
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    Problems.sendError(
        request,
        response,
        new ApiException(
            HttpStatus.UNAUTHORIZED,
            "invalid-token",
            "Invalid token",
            admin ? "the bearer token is not valid" : "the bearer token is not a valid API key"));
  }

  /** Compares against every digest, never stopping early. */
  private static boolean anyEqual(List<byte[]> digests, byte[] given) {
    boolean found = false;
    for (byte[] digest : digests) {
      found |= MessageDigest.isEqual(digest, given);
    }
    return found;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
