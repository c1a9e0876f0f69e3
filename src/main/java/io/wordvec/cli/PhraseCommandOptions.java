package io.wordvec.cli;

import io.wordvec.phrases.PhraseOptions;
import io.wordvec.phrases.PhraseScoring;
import picocli.CommandLine.Option;

/**
 * The phrase-detection settings that {@code train} and {@code fine-tune} share (a picocli mixin);
 * each command declares {@code --phrases} itself, since its default differs.
 */
final class PhraseCommandOptions {

  @Option(
      names = "--phrase-min-count",
      paramLabel = "N",
      description = "Phrases: gensim's min_count (default: 5).")
  Integer minCount;

  @Option(
      names = "--phrase-threshold",
      paramLabel = "SCORE",
      description =
          "Phrases: a pair is a phrase when it scores above this (default: 10, or 0.5 with npmi).")
  Double threshold;

  @Option(
      names = "--phrase-scoring",
      paramLabel = "default|npmi",
      description = "Phrases: the score, word2phrase's default or npmi (default: default).")
  String scoring;

  /**
   * The phrase options for {@code passes} passes, or null without {@code --phrases}.
   *
   * @throws IllegalArgumentException naming the options when they are not valid together
   */
  PhraseOptions toOptions(Integer passes) {
    return of(passes, minCount, threshold, scoring);
  }

  /**
   * The phrase options these command-line values give, or null when {@code passes} is absent or 0.
   *
   * @throws IllegalArgumentException naming the options when they are not valid together
   */
  static PhraseOptions of(Integer passes, Integer minCount, Double threshold, String scoring) {
    if (passes == null || passes == 0) {
      if (minCount != null || threshold != null || scoring != null) {
        throw new IllegalArgumentException(
            "--phrase-min-count, --phrase-threshold and --phrase-scoring need --phrases");
      }
      return null;
    }
    try {
      return PhraseOptions.of(
          passes, minCount, threshold, scoring == null ? null : PhraseScoring.of(scoring));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--phrases: " + e.getMessage(), e);
    }
  }
}
