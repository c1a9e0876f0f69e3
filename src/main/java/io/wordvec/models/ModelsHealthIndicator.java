package io.wordvec.models;

import io.wordvec.io.LoadedModel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code models} health component, part of the readiness group: DOWN while the models load at
 * startup, then UP, listing the loaded models (with where their rows live: {@code mapped} from
 * their file, or the {@code heap}), the default and the ones that failed with their error (a failed
 * model does not stop the others from serving).
 */
@Component
class ModelsHealthIndicator implements HealthIndicator {

  private final ModelRegistry registry;

  ModelsHealthIndicator(ModelRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Health health() {
    if (!registry.isReady()) {
      return Health.down().withDetail("loading", true).build();
    }
    Map<String, Object> models = new LinkedHashMap<>();
    for (Map.Entry<String, LoadedModel> entry : registry.models().entrySet()) {
      LoadedModel model = entry.getValue();
      models.put(
          entry.getKey(),
          Map.of(
              "words", model.vectors().size(),
              "dimension", model.vectors().dimension(),
              "format", ModelSummary.formatName(model.format()),
              "storage", model.vectors().isMapped() ? "mapped" : "heap"));
    }
    Health.Builder health = Health.up().withDetail("models", models);
    registry.defaultName().ifPresent(name -> health.withDetail("default", name));
    if (!registry.failures().isEmpty()) {
      health.withDetail("failed", registry.failures());
    }
    return health.build();
  }
}
