package io.wordvec.jobs;

import io.wordvec.vectors.WordVectors;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Scores finished models on the bundled evaluation sets. */
@Component
class BundledSetsEvaluator implements ModelEvaluator {

  @Override
  public Map<String, Double> evaluate(WordVectors vectors) {
    return Map.of();
  }
}
