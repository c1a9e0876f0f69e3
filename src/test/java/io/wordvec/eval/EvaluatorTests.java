package io.wordvec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.vectors.AnalogyMethod;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class EvaluatorTests {

  /** Words on a 2-d plane where king - man + woman lands exactly on queen. */
  private final WordVectors plane =
      new WordVectors(
          new Vocabulary(
              new String[] {"man", "woman", "king", "queen", "Queen", "apple"},
              new long[] {6, 5, 4, 3, 2, 1}),
          2,
          new float[] {1, 0, 1, 1, 3, 0.2f, 3, 1.2f, 3, 1.21f, -1, -5});

  private static BufferedReader text(String s) {
    return new BufferedReader(new StringReader(s));
  }

  @Test
  void spearmanGivesTiesTheirAverageRank() {
    assertThat(Correlation.averageRanks(new double[] {10, 20, 10, 30, 20, 20}))
        .containsExactly(1.5, 4, 1.5, 6, 4, 4);
    // scipy.stats.spearmanr([1, 2, 2, 3], [1, 3, 2, 4]) = 0.9486832980505138
    assertThat(Correlation.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 4}))
        .isCloseTo(0.9486832980505138, within(1e-12));
    assertThat(Correlation.spearman(new double[] {1}, new double[] {2})).isNaN();
  }

  @Test
  void analogiesAreScoredPerSectionAndGroupedAsGensimNamesThem() throws IOException {
    String questions =
        ": family\nman woman king queen\nMAN WOMAN KING QUEEN\nman woman king prince\n"
            + "too few words\n: gram-plural\nman king woman apple\n";
    AnalogyResult result =
        AnalogyEvaluator.evaluate(plane, text(questions), "t", AnalogyMethod.COSADD, 0, true);
    assertThat(result.sections()).hasSize(2);
    SectionScore family = result.sections().get(0);
    assertThat(family).isEqualTo(new SectionScore("family", 2, 0, 1));
    assertThat(family.coverage()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(result.semantic().correct()).isEqualTo(2);
    assertThat(result.syntactic().seen()).isEqualTo(1);
    assertThat(result.total().questions()).isEqualTo(4);
    assertThat(result.accuracy()).isCloseTo(2 / 3.0, within(1e-12));
    AnalogyResult cosMul =
        AnalogyEvaluator.evaluate(plane, text(questions), "t", AnalogyMethod.COSMUL, 0, true);
    assertThat(cosMul.method()).isEqualTo(AnalogyMethod.COSMUL);
    assertThat(cosMul.total().seen()).isEqualTo(3);
  }

  @Test
  void caseSensitiveEvaluationDoesNotFoldWords() throws IOException {
    AnalogyResult result =
        AnalogyEvaluator.evaluate(
            plane, text(": s\nMAN WOMAN KING QUEEN\n"), "t", AnalogyMethod.COSADD, 0, false);
    assertThat(result.total().skipped()).isEqualTo(1);
  }

  @Test
  void aQuestionBeforeAnySectionIsAnError() {
    assertThatThrownBy(() -> AnalogyEvaluator.evaluate(plane, text("a b c d\n"), "q.txt"))
        .hasMessageContaining("q.txt: line 1 comes before the first ': section' header");
  }

  @Test
  void wordPairsSkipCommentsMalformedLinesAndUnknownWords() throws IOException {
    String pairs =
        "# comment\nman\twoman\t5\nking\tqueen\t9\nman\tapple\t1\nbad line\nman\tzebra\t3\n";
    WordPairResult result = WordPairEvaluator.evaluate(plane, text(pairs), "p");
    assertThat(result.pairs()).isEqualTo(3);
    assertThat(result.oov()).isEqualTo(1);
    assertThat(result.oovPercent()).isCloseTo(25, within(1e-12));
    assertThat(result.spearman()).isCloseTo(1, within(1e-12));
  }

  @Test
  void standardScoresUseTheBundledSets() {
    assertThat(Evaluation.standardScores(plane))
        .containsKeys(Evaluation.ANALOGY, Evaluation.ANALOGY_COVERAGE, Evaluation.WORDSIM353_OOV);
  }
}
