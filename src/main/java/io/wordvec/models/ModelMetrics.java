package io.wordvec.models;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gauges of the registry: models loaded, models that failed to load, and the bytes of each loaded
 * model's matrices ({@code wordvec.model.bytes}, one series per loaded model, refreshed whenever
 * the registry changes so that a replaced or new model shows at once and no stale name lingers).
 */
@Component
class ModelMetrics implements MeterBinder {

  private final ModelRegistry registry;
  private volatile MultiGauge bytes;

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
    bytes =
        MultiGauge.builder("wordvec.model.bytes")
            .description("Memory held by a loaded model's vector matrices")
            .baseUnit(BaseUnits.BYTES)
            .register(meters);
    refresh();
  }

  @EventListener(ModelsChangedEvent.class)
  void refresh() {
    MultiGauge gauge = bytes;
    if (gauge == null) {
      return;
    }
    List<MultiGauge.Row<?>> rows =
        registry.models().entrySet().stream()
            .<MultiGauge.Row<?>>map(
                e ->
                    MultiGauge.Row.of(
                        Tags.of("model", e.getKey()), e.getValue().vectors().matrixBytes()))
            .toList();
    gauge.register(rows, true);
  }
}
