package io.wordvec.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a problem-detail body to error responses that would otherwise go out empty, such as the 404
 * of {@code /actuator/metrics/no-such-metric}: if a handler set an error status without writing
 * anything, the status is re-sent through the error controller.
 */
@Component
class EmptyErrorResponseFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    BodyTrackingResponse tracking = new BodyTrackingResponse(response);
    chain.doFilter(request, tracking);
    if (!request.isAsyncStarted()
        && !tracking.bodyStarted
        && !response.isCommitted()
        && response.getStatus() >= 400) {
      response.sendError(response.getStatus());
    }
  }

  /** Notes whether the handler asked for the body stream or writer. */
  private static final class BodyTrackingResponse extends HttpServletResponseWrapper {

    private boolean bodyStarted;

    BodyTrackingResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      bodyStarted = true;
      return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      bodyStarted = true;
      return super.getWriter();
    }

    @Override
    public void sendError(int status) throws IOException {
      bodyStarted = true;
      super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      bodyStarted = true;
      super.sendError(status, message);
    }
  }
}
