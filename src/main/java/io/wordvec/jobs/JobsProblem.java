package io.wordvec.jobs;

import io.wordvec.system.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An error of the jobs API that becomes an RFC 9457 problem detail with a stable {@code type}
 * ({@code /problems/<slug>}) and properties a client can act on.
 */
final class JobsProblem extends ApiException {

  private JobsProblem(HttpStatus status, String slug, String title, String detail) {
    super(status, slug, title, detail);
  }

  private JobsProblem(
      HttpStatus status, String slug, String title, String detail, Map<String, ?> properties) {
    this(status, slug, title, detail);
    properties.forEach(this::with);
  }

  static JobsProblem jobNotFound(String id) {
    return new JobsProblem(
        HttpStatus.NOT_FOUND,
        "job-not-found",
        "Job not found",
        "no job '" + id + "'",
        Map.of("job", id));
  }

  static JobsProblem modelExists(String name) {
    return new JobsProblem(
        HttpStatus.CONFLICT,
        "model-exists",
        "Model exists",
        "a model named '"
            + name
            + "' exists or is being produced by another job;"
            + " choose another outputModel or set overwrite to true",
        Map.of("model", name));
  }

  /**
   * 429 with a {@code Retry-After} header (RFC 9110, delay in seconds); the body repeats it as
   * {@code retryAfterSeconds}.
   */
  static JobsProblem queueFull(int limit, long retryAfterSeconds) {
    JobsProblem problem =
        new JobsProblem(
            HttpStatus.TOO_MANY_REQUESTS,
            "job-queue-full",
            "Job queue full",
            "the job queue is full ("
                + limit
                + " waiting); retry in about "
                + retryAfterSeconds
                + " s, when a job has finished",
            Map.of("limit", limit, "retryAfterSeconds", retryAfterSeconds));
    problem.withHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    return problem;
  }

  /**
   * 429 for an event stream beyond a cap, with a {@code Retry-After}; the job can be polled
   * meanwhile.
   *
   * @param scope "job" or "service": which cap was reached
   */
  static JobsProblem tooManyStreams(String scope, int limit) {
    JobsProblem problem =
        new JobsProblem(
            HttpStatus.TOO_MANY_REQUESTS,
            "too-many-event-streams",
            "Too many event streams",
            "the "
                + scope
                + " has "
                + limit
                + " progress streams open, the most allowed; poll GET /api/v1/jobs/{id} or retry"
                + " later",
            Map.of("scope", scope, "limit", limit, "retryAfterSeconds", STREAM_RETRY_SECONDS));
    problem.withHeader(HttpHeaders.RETRY_AFTER, Long.toString(STREAM_RETRY_SECONDS));
    return problem;
  }

  private static final long STREAM_RETRY_SECONDS = 10;

  static JobsProblem jobFinished(String id, JobState state) {
    return new JobsProblem(
        HttpStatus.CONFLICT,
        "job-finished",
        "Job already finished",
        "job " + id + " has already finished (" + state + ") and cannot be cancelled",
        Map.of("job", id, "state", state.name()));
  }

  static JobsProblem jobSaving(String id, String model) {
    return new JobsProblem(
        HttpStatus.CONFLICT,
        "job-saving",
        "Job is saving its model",
        "job "
            + id
            + " is saving model '"
            + model
            + "' and can no longer be cancelled; it finishes shortly",
        Map.of("job", id, "model", model, "phase", JobPhase.SAVING.apiName()));
  }

  /** One bad field of a request. */
  record FieldProblem(String field, String message) {}

  static JobsProblem invalidJob(List<FieldProblem> errors) {
    StringBuilder detail = new StringBuilder("invalid job request: ");
    for (int i = 0; i < errors.size(); i++) {
      if (i > 0) {
        detail.append("; ");
      }
      detail.append(errors.get(i).field()).append(": ").append(errors.get(i).message());
    }
    return new JobsProblem(
        HttpStatus.BAD_REQUEST,
        "invalid-job-request",
        "Invalid job request",
        detail.toString(),
        Map.of("errors", errors));
  }
}
