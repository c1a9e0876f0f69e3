package io.wordvec.models;

import io.wordvec.io.LoadedModel;
import io.wordvec.vectors.VectorMath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Adds the vector-math mode (SIMD or scalar) and the loaded models to {@code /actuator/info}. */
@Component
class WordvecInfoContributor implements InfoContributor {

  private final ModelRegistry registry;

  WordvecInfoContributor(ModelRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void contribute(Info.Builder builder) {
    Map<String, Object> wordvec = new LinkedHashMap<>();
    wordvec.put("simd", VectorMath.implementationName());
    wordvec.put("simdEnabled", VectorMath.simdEnabled());
    List<Map<String, Object>> models = new ArrayList<>();
    String defaultName = registry.defaultName().orElse(null);
    for (Map.Entry<String, LoadedModel> entry : registry.models().entrySet()) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("name", entry.getKey());
      model.put("default", entry.getKey().equals(defaultName));
      model.put("words", entry.getValue().vectors().size());
      model.put("dimension", entry.getValue().vectors().dimension());
      model.put("format", ModelSummary.formatName(entry.getValue().format()));
      models.add(model);
    }
    wordvec.put("models", models);
    if (!registry.failures().isEmpty()) {
      wordvec.put("failedModels", registry.failures());
    }
    builder.withDetail("wordvec", wordvec);
  }
}
