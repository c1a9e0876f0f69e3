package io.wordvec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.io.Word2VecFormat;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Maps of real word vectors (gensim's KJV model) match numpy's SVD: same coordinates, same axis
 * orientation, same explained variance. The expected maps come from {@code
 * projection/make_fixture.py}; the sets cover both eigen paths (fewer and more words than the 50
 * dimensions).
 */
class ProjectionParityTests {

  private record Expected(List<String> words, double[] x, double[] y, double[] explained) {}

  private static WordVectors vectors;
  private static Map<String, Expected> expected;

  @BeforeAll
  static void load() throws IOException, URISyntaxException {
    vectors = Word2VecFormat.readText(resource("gensim/kjv50.txt"));
    Map<String, List<String[]>> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(resource("projection/kjv50-maps.tsv"))) {
      String[] fields = line.split("\t");
      if (!fields[0].equals("set")) {
        rows.computeIfAbsent(fields[0], k -> new ArrayList<>()).add(fields);
      }
    }
    expected = new LinkedHashMap<>();
    rows.forEach(
        (name, list) -> {
          double[] x = new double[list.size()];
          double[] y = new double[list.size()];
          List<String> words = new ArrayList<>();
          for (int i = 0; i < list.size(); i++) {
            words.add(list.get(i)[1]);
            x[i] = Double.parseDouble(list.get(i)[2]);
            y[i] = Double.parseDouble(list.get(i)[3]);
          }
          String[] ratios = list.get(0)[4].split(",");
          double[] explained = {Double.parseDouble(ratios[0]), Double.parseDouble(ratios[1])};
          expected.put(name, new Expected(words, x, y, explained));
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"god-16", "moses-51", "top-300"})
  void mapMatchesNumpy(String set) {
    Expected want = expected.get(set);

    WordProjection map = WordProjection.of(vectors, want.words());

    assertThat(map.words()).isEqualTo(want.words());
    assertThat(map.unknown()).isEmpty();
    assertThat(map.x()).containsExactly(want.x(), within(1e-5));
    assertThat(map.y()).containsExactly(want.y(), within(1e-5));
    assertThat(map.explainedVariance()).containsExactly(want.explained(), within(1e-6));
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ProjectionParityTests.class.getClassLoader().getResource(name).toURI());
  }
}
