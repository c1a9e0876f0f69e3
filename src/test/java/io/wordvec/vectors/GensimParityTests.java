package io.wordvec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.io.NativeFormat;
import io.wordvec.io.Word2VecFormat;
import io.wordvec.testing.Matrices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every query recorded in {@code gensim/expected-queries.tsv} (answers gensim 4.2 gave on {@code
 * gensim/kjv50.txt}, see the README beside it) gives the same words in the same order, with scores
 * within 1e-5: from the heap, and from a model file mapped in chunks so small that every row
 * straddles a border between two of them. The queries and the check are public so that a model
 * served another way (with an approximate index) can be held to the same answers.
 */
public class GensimParityTests {

  @TempDir static Path dir;

  private static WordVectors vectors;

  /** The same vectors with the 8-bit candidate index the small fixture would not get by default. */
  private static WordVectors quantized;

  /** {@link #vectors} saved to a model file and mapped. */
  private static WordVectors mapped;

  /** {@link #quantized} saved with its 8-bit rows and mapped. */
  private static WordVectors mappedQuantized;

  /**
   * Mappings of 128 bytes: a row of 50 floats is 200, so every row straddles a border. Not smaller:
   * each chunk is one mapping until the collector frees it, and the kernel caps a process's
   * mappings (65,530 by default), which the test JVM shares with every other mapped test.
   */
  private static final int CHUNK_SHIFT = 7;

  /** One recorded query and gensim's answer. */
  public record Query(
      String kind,
      List<String> positive,
      List<String> negative,
      int topn,
      int restrict,
      String answer) {
    @Override
    public String toString() {
      return kind
          + " +"
          + positive
          + " -"
          + negative
          + (restrict > 0 ? " restrict " + restrict : "");
    }
  }

  @BeforeAll
  static void load() throws IOException {
    vectors = Word2VecFormat.readText(resource("gensim/kjv50.txt"));
    quantized =
        new WordVectors(vectors.vocabulary(), vectors.dimension(), Matrices.raw(vectors), true);
    mapped = saveAndMap(vectors, "kjv50.wvm");
    mappedQuantized = saveAndMap(quantized, "kjv50-8bit.wvm");
    assertThat(mapped.isMapped()).isTrue();
    assertThat(mapped.hasQuantizedRows()).isFalse();
    assertThat(mappedQuantized.hasQuantizedRows()).isTrue();
  }

  private static WordVectors saveAndMap(WordVectors vectors, String name) throws IOException {
    Path file = dir.resolve(name);
    NativeFormat.write(vectors, file);
    return NativeFormat.map(file, 0, CHUNK_SHIFT).vectors();
  }

  public static Path resource(String name) {
    try {
      return Path.of(GensimParityTests.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Stream<Query> queries() {
    try {
      List<Query> out = new ArrayList<>();
      for (String line :
          Files.readAllLines(resource("gensim/expected-queries.tsv"), StandardCharsets.UTF_8)) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        out.add(
            new Query(
                f[0],
                words(f[1]),
                words(f[2]),
                Integer.parseInt(f[3]),
                Integer.parseInt(f[4]),
                f[5]));
      }
      return out.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> words(String field) {
    return field.isEmpty() ? List.of() : Arrays.asList(field.split(","));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void answersAsGensimDoes(Query q) {
    answer(vectors, q);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void answersAsGensimDoesThroughTheQuantizedCandidateSearch(Query q) {
    answer(quantized, q);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void answersAsGensimDoesFromAMappedFile(Query q) {
    answer(mapped, q);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void answersAsGensimDoesFromAMappedFileThroughTheQuantizedCandidateSearch(Query q) {
    answer(mappedQuantized, q);
  }

  private static void answer(WordVectors vectors, Query q) {
    switch (q.kind()) {
      case "most_similar" ->
          assertSameNeighbors(
              vectors.mostSimilar(q.positive(), q.negative(), q.topn(), q.restrict()), q.answer());
      case "most_similar_cosmul" ->
          assertSameNeighbors(
              vectors.mostSimilarCosMul(q.positive(), q.negative(), q.topn(), q.restrict()),
              q.answer());
      default -> answer(vectors, q, SearchOptions.DEFAULT);
    }
  }

  /**
   * Asserts that {@code vectors} answer {@code q} as gensim did, searching with {@code options}.
   *
   * @return the name of the search that answered, for the neighbour queries; null for the others
   */
  public static String answer(WordVectors vectors, Query q, SearchOptions options) {
    NeighborList found;
    switch (q.kind()) {
      case "most_similar" -> {
        found = vectors.mostSimilar(q.positive(), q.negative(), q.topn(), q.restrict(), options);
        assertSameNeighbors(found.neighbors(), q.answer());
        return found.search();
      }
      case "most_similar_cosmul" -> {
        found =
            vectors.mostSimilarCosMul(q.positive(), q.negative(), q.topn(), q.restrict(), options);
        assertSameNeighbors(found.neighbors(), q.answer());
        return found.search();
      }
      case "similar_by_vector" -> {
        float[] sum = vectors.vector(q.positive().get(0), false);
        float[] other = vectors.vector(q.positive().get(1), false);
        for (int i = 0; i < sum.length; i++) {
          sum[i] += other[i];
        }
        found = vectors.similarByVector(sum, q.topn(), q.restrict(), options);
        assertSameNeighbors(found.neighbors(), q.answer());
        return found.search();
      }
      case "doesnt_match" -> {
        assertThat(vectors.doesntMatch(q.positive())).isEqualTo(q.answer());
        return null;
      }
      case "n_similarity" -> {
        assertThat((double) vectors.nSimilarity(q.positive(), q.negative()))
            .isCloseTo(Double.parseDouble(q.answer()), within(1e-5));
        return null;
      }
      default -> throw new IllegalStateException("unknown query kind " + q.kind());
    }
  }

  private static void assertSameNeighbors(List<Neighbor> actual, String expected) {
    String[] pairs = expected.split(" ");
    List<String> expectedWords = new ArrayList<>();
    for (String p : pairs) {
      expectedWords.add(p.substring(0, p.lastIndexOf('=')));
    }
    assertThat(actual).extracting(Neighbor::word).containsExactlyElementsOf(expectedWords);
    for (int i = 0; i < pairs.length; i++) {
      double score = Double.parseDouble(pairs[i].substring(pairs[i].lastIndexOf('=') + 1));
      assertThat((double) actual.get(i).score())
          .as("score of %s", expectedWords.get(i))
          .isCloseTo(score, within(1e-5));
    }
  }
}
