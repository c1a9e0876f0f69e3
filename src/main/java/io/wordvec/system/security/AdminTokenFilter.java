package io.wordvec.system.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires {@code Authorization: Bearer <token>} on every request that changes state ({@link
 * ProtectedRequests}) when {@code wordvec.security.admin-token} is set.
 *
 * <p>No token: 401 with {@code WWW-Authenticate: Bearer}. Wrong token: 403. Both are problem
 * details. The token is compared in constant time, over SHA-256 digests so that not even its length
 * leaks.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AdminTokenFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(AdminTokenFilter.class);

  private final byte[] expectedDigest;

  AdminTokenFilter(SecurityProperties properties) {
    this.expectedDigest = properties.enabled() ? sha256(properties.adminToken().strip()) : null;
    if (expectedDigest != null) {
      log.info("Admin token set: state-changing endpoints require a bearer token");
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return expectedDigest == null
        || !ProtectedRequests.isProtected(
            request.getMethod(),
            request.getRequestURI().substring(request.getContextPath().length()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      reject(
          response,
          request,
          401,
          "unauthorized",
          "Unauthorized",
          "this request changes state and needs the header 'Authorization: Bearer <admin token>'");
      return;
    }
    byte[] given = sha256(header.substring(7).strip());
    if (!MessageDigest.isEqual(expectedDigest, given)) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
      reject(response, request, 403, "forbidden", "Forbidden", "the bearer token is not valid");
      return;
    }
    chain.doFilter(request, response);
  }

  private static void reject(
      HttpServletResponse response,
      HttpServletRequest request,
      int status,
      String slug,
      String title,
      String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    // a fixed shape with no user input but the path, escaped: no JSON library needed here
    response
        .getWriter()
        .write(
            "{\"type\":\"/problems/"
                + slug
                + "\",\"title\":\""
                + title
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail
                + "\",\"instance\":\""
                + escape(request.getRequestURI())
                + "\"}");
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
