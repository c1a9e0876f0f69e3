package io.wordvec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.io.Word2VecFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The word mover's distance, cosine distances, {@code rank} and {@code closer_than} give gensim's
 * answers on {@code gensim/kjv50.txt} ({@code expected-wmd.tsv} and {@code expected-relations.tsv},
 * written by {@code make_query_fixtures.py}).
 */
class GensimTextDistanceParityTests {

  private static WordVectors vectors;

  @BeforeAll
  static void load() throws IOException {
    vectors = Word2VecFormat.readText(GensimParityTests.resource("gensim/kjv50.txt"));
  }

  static Stream<List<String>> wmdCases() throws IOException {
    return rows("gensim/expected-wmd.tsv");
  }

  static Stream<List<String>> relationCases() throws IOException {
    return rows("gensim/expected-relations.tsv");
  }

  private static Stream<List<String>> rows(String name) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (String line :
        Files.readAllLines(GensimParityTests.resource(name), StandardCharsets.UTF_8)) {
      if (!line.startsWith("#") && !line.isBlank()) {
        rows.add(Arrays.asList(line.split("\t", -1)));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest
  @MethodSource("wmdCases")
  void wordMoversDistanceMatchesGensimsWmdistance(List<String> row) {
    double distance =
        WordMoversDistance.distance(vectors, knownIds(row.get(0)), knownIds(row.get(1)));

    assertThat(distance).isCloseTo(Double.parseDouble(row.get(2)), within(1e-4));
  }

  @ParameterizedTest
  @MethodSource("relationCases")
  void distancesRankAndCloserThanMatchGensim(List<String> row) {
    String word = row.get(1);
    int id = vectors.vocabulary().id(word);
    switch (row.get(0)) {
      case "distances" -> {
        String[] others = row.get(2).split(",");
        float[] actual = vectors.distances(vectors.vector(word, false), ids(others));
        String[] expected = row.get(3).split(" ");
        for (int i = 0; i < others.length; i++) {
          assertThat((double) actual[i])
              .as("distance to %s", others[i])
              .isCloseTo(Double.parseDouble(expected[i]), within(1e-5));
        }
      }
      case "rank" ->
          assertThat(vectors.closerThan(id, vectors.vocabulary().id(row.get(2))).length + 1)
              .isEqualTo(Integer.parseInt(row.get(3)));
      case "closer_than" -> {
        int[] closer = vectors.closerThan(id, vectors.vocabulary().id(row.get(2)));
        List<String> words = new ArrayList<>();
        for (int c : closer) {
          words.add(vectors.vocabulary().word(c));
        }
        assertThat(words)
            .containsExactlyElementsOf(
                row.get(3).isEmpty() ? List.of() : Arrays.asList(row.get(3).split(",")));
      }
      default -> throw new IllegalStateException("unknown kind " + row.get(0));
    }
  }

  private static int[] ids(String[] words) {
    int[] ids = new int[words.length];
    for (int i = 0; i < words.length; i++) {
      ids[i] = vectors.vocabulary().id(words[i]);
    }
    return ids;
  }

  /** The ids of the text's known words, as gensim keeps them (unknown ones dropped). */
  private static int[] knownIds(String text) {
    return Arrays.stream(text.split(" "))
        .mapToInt(vectors.vocabulary()::id)
        .filter(id -> id >= 0)
        .toArray();
  }
}
