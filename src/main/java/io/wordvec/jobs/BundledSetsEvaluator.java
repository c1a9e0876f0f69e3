package io.wordvec.jobs;

import io.wordvec.eval.Evaluation;
import io.wordvec.vectors.WordVectors;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Scores finished models on the bundled evaluation sets (Google analogies, WordSim-353) by the
 * engine's reference protocol. A scoring failure is logged and leaves the scores empty: it never
 * costs the user the trained model.
 */
@Component
class BundledSetsEvaluator implements ModelEvaluator {

  private static final Logger log = LoggerFactory.getLogger(BundledSetsEvaluator.class);

  @Override
  public Map<String, Double> evaluate(WordVectors vectors) {
    try {
      return Evaluation.standardScores(vectors);
    } catch (RuntimeException e) {
      log.warn("Could not evaluate a model on the bundled sets: {}", e.getMessage(), e);
      return Map.of();
    }
  }
}
