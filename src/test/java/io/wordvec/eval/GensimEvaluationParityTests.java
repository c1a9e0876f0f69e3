package io.wordvec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.io.Word2VecFormat;
import io.wordvec.vectors.AnalogyMethod;
import io.wordvec.vectors.WordVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analogy and word-pair figures gensim 4.2 computed on the fixture vectors ({@code
 * gensim/expected-evaluation.tsv}) come out the same here: every section's correct and incorrect
 * counts exactly, the correlations to 4 decimals, the OOV share exactly.
 */
class GensimEvaluationParityTests {

  private static final Map<String, WordVectors> MODELS = new HashMap<>();

  record Case(String kind, String model, String set, int restrict, List<String[]> rows) {
    @Override
    public String toString() {
      return kind + " " + set + " on " + model + " restrict " + restrict;
    }
  }

  static Path resource(String name) {
    try {
      return Path.of(GensimEvaluationParityTests.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static synchronized WordVectors model(String name) {
    return MODELS.computeIfAbsent(
        name,
        n -> {
          try {
            return Word2VecFormat.readText(resource("gensim/" + n));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  static BufferedReader set(String name) throws IOException {
    if (name.equals(EvaluationSets.GOOGLE_ANALOGIES) || name.equals(EvaluationSets.WORDSIM353)) {
      return EvaluationSets.bundled(name);
    }
    return Files.newBufferedReader(resource("gensim/" + name), StandardCharsets.UTF_8);
  }

  static Stream<Case> cases() throws IOException {
    Map<String, Case> cases = new java.util.LinkedHashMap<>();
    for (String line :
        Files.readAllLines(resource("gensim/expected-evaluation.tsv"), StandardCharsets.UTF_8)) {
      if (line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      String kind = f[0].startsWith("analogies") ? "analogies" : "pairs";
      String key = kind + f[1] + f[2] + f[3];
      cases
          .computeIfAbsent(
              key, k -> new Case(kind, f[1], f[2], Integer.parseInt(f[3]), new ArrayList<>()))
          .rows()
          .add(f);
    }
    return cases.values().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGensim(Case c) throws IOException {
    WordVectors vectors = model(c.model());
    try (BufferedReader in = set(c.set())) {
      if (c.kind().equals("pairs")) {
        String[] row = c.rows().get(0);
        WordPairResult result =
            WordPairEvaluator.evaluate(vectors, in, c.set(), c.restrict(), true);
        assertThat(result.spearman()).isCloseTo(Double.parseDouble(row[4]), within(5e-5));
        assertThat(result.pearson()).isCloseTo(Double.parseDouble(row[5]), within(5e-5));
        assertThat(result.oovPercent()).isCloseTo(Double.parseDouble(row[6]), within(1e-9));
        return;
      }
      AnalogyResult result =
          AnalogyEvaluator.evaluate(vectors, in, c.set(), AnalogyMethod.COSADD, c.restrict(), true);
      List<String> expected = new ArrayList<>();
      List<String> actual = new ArrayList<>();
      for (String[] row : c.rows()) {
        if (row[0].equals("analogies") && !row[4].equals("Total accuracy")) {
          expected.add(row[4] + " " + row[5] + "/" + row[6]);
        } else if (row[0].equals("analogies")) {
          assertThat(result.total().correct()).isEqualTo(Integer.parseInt(row[5]));
          assertThat(result.total().incorrect()).isEqualTo(Integer.parseInt(row[6]));
        } else {
          assertThat(result.accuracy()).isCloseTo(Double.parseDouble(row[4]), within(1e-12));
          assertThat(result.total().questions()).isEqualTo(Integer.parseInt(row[5]));
        }
      }
      for (SectionScore s : result.sections()) {
        actual.add(s.name() + " " + s.correct() + "/" + s.incorrect());
      }
      assertThat(actual).containsExactlyElementsOf(expected);
    }
  }
}
