package io.wordvec.jobs;

import io.wordvec.vectors.WordVectors;
import java.util.Map;

/** Scores vectors on the bundled evaluation sets. */
interface ModelEvaluator {

  /**
   * Scores by name (e.g. {@code analogy}, {@code wordsim353}); empty if nothing could be scored.
   */
  Map<String, Double> evaluate(WordVectors vectors);
}
