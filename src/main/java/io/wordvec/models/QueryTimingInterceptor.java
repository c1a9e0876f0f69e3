package io.wordvec.models;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Times every request that a model answered ({@link QueryMetrics#answeredBy}) into {@code
 * wordvec.query.duration}. The operation is the method and the route template below the model, e.g.
 * {@code POST /neighbors} or {@code POST /v1/embeddings}: a value from the code, never from the
 * request.
 */
@Configuration(proxyBeanMethods = false)
class QueryTimingInterceptor implements HandlerInterceptor, WebMvcConfigurer {

  private static final String START_ATTRIBUTE = QueryTimingInterceptor.class.getName() + ".start";
  private static final String MODEL_ROUTES = "/api/v1/models/{model}";

  private final QueryMetrics metrics;

  QueryTimingInterceptor(QueryMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    request.setAttribute(START_ATTRIBUTE, System.nanoTime());
    return true;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (!(request.getAttribute(QueryMetrics.MODEL_ATTRIBUTE) instanceof String model)
        || !(request.getAttribute(START_ATTRIBUTE) instanceof Long start)
        || !(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)
            instanceof String route)) {
      return;
    }
    String path = route.startsWith(MODEL_ROUTES) ? route.substring(MODEL_ROUTES.length()) : route;
    int status = response.getStatus();
    String outcome = status >= 500 ? "server_error" : status >= 400 ? "client_error" : "success";
    metrics.recordLatency(
        model, request.getMethod() + " " + path, outcome, System.nanoTime() - start);
  }
}
