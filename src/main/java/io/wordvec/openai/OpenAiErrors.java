package io.wordvec.openai;

import io.wordvec.system.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Renders the problems of requests to the OpenAI-compatible routes in OpenAI's error envelope.
 *
 * <p>There is one error model: every error of the service is a {@link ProblemDetail}, whether a
 * handler raised it, Spring MVC did (malformed JSON, an unknown route, a wrong method), or a filter
 * answered before any handler (a missing API key, an oversize body, too many queries: those reach
 * the error controller). On its way out, a problem for {@code /v1/**} or {@code /embeddings} is
 * translated here into {@link OpenAiError}, with the same status and headers; everywhere else it
 * stays an RFC 9457 problem. The translation: {@code message} is the problem's detail, {@code
 * param} its {@code parameter} property, {@code code} its type's slug in snake case ({@code
 * /problems/model-not-found} gives {@code model_not_found}), {@code type} follows the status.
 */
@ControllerAdvice
class OpenAiErrors implements ResponseBodyAdvice<Object> {

  private static final Map<Integer, String> TYPES =
      Map.of(
          401, "authentication_error",
          403, "permission_error",
          429, "rate_limit_error");

  /** Whether a path (within the application) is one of the OpenAI-compatible routes. */
  static boolean isOpenAiPath(String path) {
    return path.equals("/v1") || path.startsWith("/v1/") || path.equals("/embeddings");
  }

  @Override
  public boolean supports(
      MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(
      Object body,
      MethodParameter returnType,
      MediaType selectedContentType,
      Class<? extends HttpMessageConverter<?>> selectedConverterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (!(body instanceof ProblemDetail problem)
        || !(request instanceof ServletServerHttpRequest servlet)
        || !isOpenAiPath(path(servlet.getServletRequest()))) {
      return body;
    }
    response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
    return envelope(problem);
  }

  /** The path the client asked for, also on the error dispatch of a filter's error. */
  private static String path(HttpServletRequest request) {
    Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String uri = original instanceof String text ? text : request.getRequestURI();
    String context = request.getContextPath();
    return uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }

  static OpenAiError envelope(ProblemDetail problem) {
    HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
    String type =
        status.is5xxServerError()
            ? "server_error"
            : TYPES.getOrDefault(status.value(), "invalid_request_error");
    Map<String, Object> properties = problem.getProperties();
    Object param = properties == null ? null : properties.get("parameter");
    String message = problem.getDetail() != null ? problem.getDetail() : problem.getTitle();
    return new OpenAiError(
        new OpenAiError.Body(
            message, type, param == null ? null : param.toString(), code(problem)));
  }

  private static String code(ProblemDetail problem) {
    String type = problem.getType() == null ? "" : problem.getType().toString();
    String slug =
        type.startsWith(Problems.TYPE_PREFIX)
            ? type.substring(Problems.TYPE_PREFIX.length())
            : "error";
    return slug.replace('-', '_').toLowerCase(Locale.ROOT);
  }
}
