package io.wordvec.eval;

import io.wordvec.vectors.WordVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reference evaluation of a model on the bundled sets, as the scores a {@code TrainedModel}
 * stores: 3CosAdd analogy accuracy over the 30,000 most frequent words and its coverage,
 * WordSim-353 Spearman and its out-of-vocabulary share.
 */
public final class Evaluation {

  /** Key of the analogy accuracy (0..1) in {@link #standardScores}. */
  public static final String ANALOGY = "analogy";

  /** Key of the share of analogy questions asked (0..1). */
  public static final String ANALOGY_COVERAGE = "analogyCoverage";

  /** Key of the WordSim-353 Spearman rho. */
  public static final String WORDSIM353 = "wordsim353";

  /** Key of the WordSim-353 out-of-vocabulary share, in percent. */
  public static final String WORDSIM353_OOV = "wordsim353OovPercent";

  private Evaluation() {}

  /** Scores {@code vectors} on the bundled analogy and WordSim-353 sets. */
  public static Map<String, Double> standardScores(WordVectors vectors) {
    try (BufferedReader questions = EvaluationSets.bundled(EvaluationSets.GOOGLE_ANALOGIES);
        BufferedReader pairs = EvaluationSets.bundled(EvaluationSets.WORDSIM353)) {
      AnalogyResult analogies =
          AnalogyEvaluator.evaluate(vectors, questions, EvaluationSets.GOOGLE_ANALOGIES);
      WordPairResult wordsim =
          WordPairEvaluator.evaluate(vectors, pairs, EvaluationSets.WORDSIM353);
      Map<String, Double> scores = new LinkedHashMap<>();
      scores.put(ANALOGY, analogies.accuracy());
      scores.put(ANALOGY_COVERAGE, analogies.coverage());
      if (!Double.isNaN(wordsim.spearman())) {
        scores.put(WORDSIM353, wordsim.spearman());
      }
      scores.put(WORDSIM353_OOV, wordsim.oovPercent());
      return scores;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
