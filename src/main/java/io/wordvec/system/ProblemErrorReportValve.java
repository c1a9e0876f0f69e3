package io.wordvec.system;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Tomcat's last-resort error page, for requests Tomcat rejects before they reach the application (a
 * malformed URL such as {@code %} or an encoded {@code /}): a problem detail in place of Tomcat's
 * HTML page. Errors inside the application never get here; they are answered by the advice and the
 * error controller.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatusCode code = HttpStatusCode.valueOf(status);
    HttpStatus known = HttpStatus.resolve(status);
    String detail =
        code.is5xxServerError()
            ? "An unexpected error occurred."
            : "The request could not be parsed (check the URL encoding and the headers).";
    String json =
        "{\"type\":\"/problems/"
            + ProblemDetailsAdvice.slugFor(code)
            + "\",\"title\":\""
            + (known == null ? "Error" : known.getReasonPhrase())
            + "\",\"status\":"
            + status
            + ",\"detail\":\""
            + detail
            + "\"}";
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(json);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response is already committed: nothing more to say
    }
  }
}
