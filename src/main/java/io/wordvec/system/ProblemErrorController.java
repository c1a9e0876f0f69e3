package io.wordvec.system;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the servlet container's error dispatches (errors raised outside Spring MVC: filters, the
 * container itself) with problem details too, in place of Spring Boot's default error JSON.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

  /** A filter may store the problem to send under this request attribute before sendError. */
  static final String PROBLEM_ATTRIBUTE = ProblemErrorController.class.getName() + ".problem";

  private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorController.class);

  @RequestMapping("${spring.web.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatusCode code =
        status instanceof Integer value ? HttpStatusCode.valueOf(value) : HttpStatus.NOT_FOUND;
    ProblemDetail problem;
    if (request.getAttribute(PROBLEM_ATTRIBUTE) instanceof ProblemDetail stored) {
      problem = stored;
    } else {
      String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
      Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
      String errorId = null;
      if (exception instanceof Throwable failure) {
        errorId = ProblemDetailsAdvice.newErrorId();
        LOG.error("Unhandled error {} on {}", errorId, path, failure);
      }
      problem = Problems.of(code, ProblemDetailsAdvice.slugFor(code), title(code), detail(code));
      if (errorId != null && code.is5xxServerError()) {
        problem.setDetail(
            "An unexpected error occurred; it has been logged with id " + errorId + ".");
        problem.setProperty("errorId", errorId);
      }
      if (status != null) {
        try {
          problem.setInstance(new URI(null, null, path, null));
        } catch (URISyntaxException e) {
          // not a usable path: leave the instance out
        }
      }
    }
    return ResponseEntity.status(code)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static String title(HttpStatusCode code) {
    HttpStatus status = HttpStatus.resolve(code.value());
    return status == null ? "Error" : status.getReasonPhrase();
  }

  private static String detail(HttpStatusCode code) {
    return switch (code.value()) {
      case 404 -> "No such endpoint.";
      case 413 -> "The request body is too large.";
      default ->
          code.is5xxServerError()
              ? "An unexpected error occurred; it has been logged."
              : "The request could not be processed.";
    };
  }
}
