package io.wordvec.system;

import io.wordvec.vectors.UnknownWordsException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every exception a request can raise into an RFC 9457 problem detail with a stable {@code
 * type} ({@code /problems/...}). Messages are written for the caller: never a stack trace, an
 * exception class name or a Java type.
 *
 * <p>The only advice of the service. Errors a request causes on purpose are {@link ApiException}s
 * (any {@link ErrorResponseException} renders as its own problem); Spring MVC's own exceptions (bad
 * types, missing parameters, unreadable bodies, validation) get the problems below; anything else
 * is an unexpected error ({@link #unexpected}).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  /** A fallback: the query layer normally converts these into a richer word-not-found problem. */
  @ExceptionHandler(UnknownWordsException.class)
  ResponseEntity<Object> unknownWords(UnknownWordsException ex, WebRequest request) {
    ProblemDetail problem =
        Problems.of(HttpStatus.NOT_FOUND, "word-not-found", "Word not found", ex.getMessage());
    problem.setProperty("words", ex.words());
    return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
  }

  /**
   * Anything else is a fault of the service, not of the request: a 500 whose detail says only that
   * it was logged, under an id the caller can quote. The exception's own message may hold internals
   * (paths, class names, values) and never reaches the caller.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
    if (InsufficientStorageException.isOutOfSpace(ex)) {
      return outOfSpace(ex, request);
    }
    String errorId = newErrorId();
    LOG.error("Unexpected error {} on {}", errorId, describe(request), ex);
    ProblemDetail problem =
        Problems.of(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal-error",
            "Internal error",
            "An unexpected error occurred; it has been logged with id " + errorId + ".");
    problem.setProperty("errorId", errorId);
    return handleExceptionInternal(
        ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  /**
   * A full disk under any request that writes (an upload, a record): 507, which tells the caller
   * that the request itself was fine and may succeed once space is freed.
   */
  private ResponseEntity<Object> outOfSpace(Exception ex, WebRequest request) {
    LOG.warn("{}: out of disk space: {}", describe(request), ex.getMessage());
    InsufficientStorageException problem =
        InsufficientStorageException.cannotStore("what this request sends");
    return handleExceptionInternal(
        problem, problem.getBody(), new HttpHeaders(), problem.getStatusCode(), request);
  }

  /** A short random id that ties a 500 response to its log entry. */
  static String newErrorId() {
    byte[] bytes = new byte[6];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String parameter = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
    ProblemDetail problem =
        new InvalidParameterException(parameter, ex.getValue(), expected(ex.getRequiredType()))
            .getBody();
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        Problems.of(
            status,
            "missing-parameter",
            "Missing parameter",
            "Required parameter '" + ex.getParameterName() + "' is missing.");
    problem.setProperty("parameter", ex.getParameterName());
    return handleExceptionInternal(ex, problem, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ErrorResponseException error) {
        return handleErrorResponseException(
            error, new HttpHeaders(), error.getStatusCode(), request);
      }
    }
    ProblemDetail problem =
        Problems.of(status, "malformed-request", "Malformed request", unreadableDetail(ex));
    return handleExceptionInternal(ex, problem, headers, status, request);
  }

  private static String unreadableDetail(HttpMessageNotReadableException ex) {
    Throwable cause = ex.getCause();
    if (cause instanceof StreamReadException read) {
      TokenStreamLocation at = read.getLocation();
      return at == null
          ? "The request body is not valid JSON."
          : "The request body is not valid JSON (line "
              + at.getLineNr()
              + ", column "
              + at.getColumnNr()
              + ").";
    }
    if (cause instanceof DatabindException bind) {
      String field = path(bind.getPath());
      return field.isEmpty()
          ? "The request body does not have the expected shape: see the API documentation."
          : "Field '" + field + "' has the wrong type or shape: see the API documentation.";
    }
    if (cause instanceof JacksonException) {
      return "The request body is not valid JSON.";
    }
    return "The request needs a JSON body: see the API documentation.";
  }

  private static String path(List<JacksonException.Reference> references) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference ref : references) {
      if (ref.getPropertyName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors = new ArrayList<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      errors.add(
          Map.of(
              "field",
              error.getField(),
              "message",
              error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()));
    }
    return validationFailed(ex, errors, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors = new ArrayList<>();
    ex.getParameterValidationResults()
        .forEach(
            result ->
                result
                    .getResolvableErrors()
                    .forEach(
                        error ->
                            errors.add(
                                Map.of(
                                    "field",
                                    String.valueOf(result.getMethodParameter().getParameterName()),
                                    "message",
                                    error.getDefaultMessage() == null
                                        ? "is invalid"
                                        : error.getDefaultMessage()))));
    return validationFailed(ex, errors, headers, request);
  }

  private ResponseEntity<Object> validationFailed(
      Exception ex, List<Map<String, String>> errors, HttpHeaders headers, WebRequest request) {
    StringBuilder detail = new StringBuilder("Invalid request");
    String separator = ": ";
    for (Map<String, String> error : errors) {
      detail.append(separator).append(error.get("field")).append(' ').append(error.get("message"));
      separator = "; ";
    }
    ProblemDetail problem =
        Problems.of(
            HttpStatus.BAD_REQUEST, "validation-failed", "Validation failed", detail.toString());
    problem.setProperty("errors", errors);
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem =
        Problems.of(
            status,
            "not-found",
            "Not found",
            "No endpoint " + ex.getHttpMethod() + " /" + ex.getResourcePath() + ".");
    return handleExceptionInternal(ex, problem, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    if (body == null && ex instanceof ErrorResponse errorResponse) {
      body = errorResponse.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
    }
    ProblemDetail problem =
        body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(statusCode);
    if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
      problem.setType(Problems.type(slugFor(ex, statusCode)));
    }
    if (statusCode.is4xxClientError()) {
      LOG.debug("{} -> {}: {}", describe(request), statusCode.value(), problem.getDetail());
    }
    return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
  }

  /** The type slug of the problems Spring MVC itself raises. */
  static String slugFor(Exception ex, HttpStatusCode status) {
    if (ex instanceof HttpRequestMethodNotSupportedException) {
      return "method-not-allowed";
    }
    if (ex instanceof HttpMediaTypeNotSupportedException) {
      return "unsupported-media-type";
    }
    if (ex instanceof HttpMediaTypeNotAcceptableException) {
      return "not-acceptable";
    }
    return slugFor(status);
  }

  /** The type slug for a bare status (used by the error controller too). */
  static String slugFor(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "bad-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 409 -> "conflict";
      case 413 -> "payload-too-large";
      case 415 -> "unsupported-media-type";
      case 429 -> "too-many-requests";
      case 503 -> "not-ready";
      default -> status.is5xxServerError() ? "internal-error" : "bad-request";
    };
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "a valid value";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == float.class
        || type == Float.class
        || type == double.class
        || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object constant : type.getEnumConstants()) {
        names.add(constant.toString().toLowerCase(java.util.Locale.ROOT));
      }
      return "one of " + names;
    }
    return "a valid value";
  }

  private static String describe(WebRequest request) {
    if (request instanceof NativeWebRequest nativeRequest
        && nativeRequest.getNativeRequest()
            instanceof jakarta.servlet.http.HttpServletRequest http) {
      return http.getMethod() + " " + http.getRequestURI();
    }
    return request.getDescription(false);
  }
}
