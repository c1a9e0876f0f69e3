package io.wordvec.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects JSON request bodies larger than {@code wordvec.limits.max-body-size} with a 413 problem
 * detail: at once when the declared length is too large, while reading otherwise (chunked bodies).
 * Corpus uploads are not JSON and are not limited here.
 */
@Component
class RequestBodyLimitFilter extends OncePerRequestFilter {

  private final long maxBytes;

  RequestBodyLimitFilter(LimitsProperties limits) {
    this.maxBytes = limits.maxBodySize().toBytes();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    if (type == null) {
      return false;
    }
    try {
      MediaType mediaType = MediaType.parseMediaType(type);
      return !(MediaType.APPLICATION_JSON.isCompatibleWith(mediaType)
          || mediaType.getSubtype().endsWith("+json"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      Problems.sendError(request, response, tooLarge(declared));
      return;
    }
    chain.doFilter(declared >= 0 ? request : new LimitedRequest(request), response);
  }

  private PayloadTooLargeException tooLarge(long size) {
    return new PayloadTooLargeException("body", size, maxBytes, "bytes");
  }

  /** Counts the bytes read and fails once they pass the limit. */
  private final class LimitedRequest extends HttpServletRequestWrapper {

    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream());
      }
      return stream;
    }
  }

  private final class LimitedStream extends ServletInputStream {

    private final ServletInputStream in;
    private long read;

    LimitedStream(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = in.read(buffer, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > maxBytes) {
        throw tooLarge(-1);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
