package io.wordvec.jobs;

import io.wordvec.jobs.JobsProblem.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for the jobs and corpora endpoints. */
@RestControllerAdvice(assignableTypes = {JobsController.class, CorporaController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class JobsExceptionHandler {

  @ExceptionHandler(ErrorResponseException.class)
  ResponseEntity<ProblemDetail> problem(ErrorResponseException e, HttpServletRequest request) {
    return respond(e.getBody(), e.getHeaders(), request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    // the parser's message names Java types; say what the client can fix instead
    return respond(
        JobsProblem.invalidJob(
                List.of(
                    new FieldProblem(
                        "body",
                        "must be a JSON object with type, corpus, outputModel, baseModel,"
                            + " params (an object), activate and overwrite (true/false)")))
            .getBody(),
        HttpHeaders.EMPTY,
        request);
  }

  private static ResponseEntity<ProblemDetail> respond(
      ProblemDetail problem, HttpHeaders headers, HttpServletRequest request) {
    if (problem.getInstance() == null) {
      problem.setInstance(URI.create(request.getRequestURI()));
    }
    return ResponseEntity.status(problem.getStatus())
        .headers(headers)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
