package io.wordvec.models;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** Gauges of the registry: models loaded and models that failed to load. */
@Component
class ModelMetrics implements MeterBinder {

  private final ModelRegistry registry;

  ModelMetrics(ModelRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void bindTo(MeterRegistry meters) {
    Gauge.builder("wordvec.models.loaded", registry, r -> r.models().size())
        .description("Models loaded and serving")
        .register(meters);
    Gauge.builder("wordvec.models.failed", registry, r -> r.failures().size())
        .description("Model files that failed to load at startup")
        .register(meters);
  }
}
