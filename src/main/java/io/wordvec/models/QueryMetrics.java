package io.wordvec.models;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Per-model query metrics: the latency of each query by model and operation ({@code
 * wordvec.query.duration}, recorded by {@link QueryTimingInterceptor}) and the tokens of embedded
 * texts that the model knew and did not know ({@code wordvec.tokens}). The model label is always a
 * name the registry answered with, never what the request asked for, so label values stay as few as
 * the loaded models.
 */
@Component
public class QueryMetrics {

  /** The request attribute that names the model that answered the request. */
  static final String MODEL_ATTRIBUTE = QueryMetrics.class.getName() + ".model";

  private final MeterRegistry meters;

  QueryMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  /** Notes, for the current request's latency, which model answers it. */
  public void answeredBy(ModelRegistry.Selection selection) {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes != null) {
      attributes.setAttribute(MODEL_ATTRIBUTE, selection.name(), RequestAttributes.SCOPE_REQUEST);
    }
  }

  /** Counts the tokens of texts one model embedded: those it knew and those it did not. */
  public void tokens(ModelRegistry.Selection selection, long known, long unknown) {
    counter(selection.name(), "true").increment(known);
    counter(selection.name(), "false").increment(unknown);
  }

  private Counter counter(String model, String known) {
    return Counter.builder("wordvec.tokens")
        .description("Tokens of embedded or compared texts, known or not to the model")
        .tag("model", model)
        .tag("known", known)
        .register(meters);
  }

  void recordLatency(String model, String operation, String outcome, long nanos) {
    Timer.builder("wordvec.query.duration")
        .description("Time to answer a query, by model and operation")
        .tag("model", model)
        .tag("operation", operation)
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(meters)
        .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }
}
