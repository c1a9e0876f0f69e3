package io.wordvec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.testing.Matrices;
import io.wordvec.vectors.internal.ParallelRows;
import io.wordvec.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WordVectorsTests {

  /** Four 2-d words at known angles: cat and dog close, car far, zero degenerate-free. */
  private final WordVectors tiny =
      vectors(
          new String[] {"cat", "dog", "car", "kitten"},
          2,
          new float[] {1, 0, 0.8f, 0.6f, 0, 3, 2, 0.2f});

  static WordVectors vectors(String[] words, int dim, float[] data) {
    long[] counts = new long[words.length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = words.length - i;
    }
    return new WordVectors(new Vocabulary(words, counts), dim, data);
  }

  /** Words w0, w1, ... with descending counts. */
  static Vocabulary numbered(int rows) {
    String[] words = new String[rows];
    long[] counts = new long[rows];
    for (int i = 0; i < rows; i++) {
      words[i] = "w" + i;
      counts[i] = rows - i;
    }
    return new Vocabulary(words, counts);
  }

  static WordVectors random(int rows, int dim, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] data = new float[rows * dim];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextGaussian();
    }
    return new WordVectors(numbered(rows), dim, data);
  }

  @Test
  void mostSimilarRanksByCosineAndExcludesTheQueryWord() {
    List<Neighbor> result = tiny.mostSimilar(List.of("cat"), List.of(), 10, 0);
    assertThat(result).extracting(Neighbor::word).containsExactly("kitten", "dog", "car");
    assertThat(result.get(0).score()).isCloseTo(2 / (float) Math.hypot(2, 0.2), within(1e-6f));
    assertThat(result.get(2).score()).isCloseTo(0f, within(1e-6f));
    assertThat(result.get(0).id()).isEqualTo(3);
  }

  @Test
  void restrictVocabSearchesOnlyTheFirstWords() {
    assertThat(tiny.mostSimilar(List.of("cat"), List.of(), 10, 3))
        .extracting(Neighbor::word)
        .containsExactly("dog", "car");
    assertThat(tiny.mostSimilar(List.of("cat"), List.of(), 1, 1_000))
        .extracting(Neighbor::word)
        .containsExactly("kitten");
  }

  @Test
  void analogyIsMostSimilarWithBAndCPositiveAndANegative() {
    WordVectors model = random(500, 16, 3);
    assertThat(model.analogy("w1", "w2", "w3", 5, AnalogyMethod.COSADD))
        .isEqualTo(model.mostSimilar(List.of("w2", "w3"), List.of("w1"), 5, 0));
    assertThat(model.analogy("w1", "w2", "w3", 5, AnalogyMethod.COSMUL))
        .isEqualTo(model.mostSimilarCosMul(List.of("w2", "w3"), List.of("w1"), 5, 0));
  }

  @Test
  void cosMulWithOnePositiveWordRanksLikeCosine() {
    WordVectors model = random(300, 8, 4);
    assertThat(model.mostSimilarCosMul(List.of("w7"), List.of(), 10, 0))
        .extracting(Neighbor::word)
        .isEqualTo(
            model.mostSimilar(List.of("w7"), List.of(), 10, 0).stream()
                .map(Neighbor::word)
                .toList());
  }

  @Test
  void similarByVectorOfAWordFindsTheWordFirst() {
    WordVectors model = random(200, 12, 5);
    List<Neighbor> result = model.similarByVector(model.vector("w42", false), 3, 0);
    assertThat(result.get(0).word()).isEqualTo("w42");
    assertThat(result.get(0).score()).isCloseTo(1f, within(1e-5f));
  }

  @Test
  void meanVectorAveragesUnitVectors() {
    float[] mean = tiny.meanVector(List.of("cat", "car"));
    assertThat(mean).containsExactly(new float[] {0.5f, 0.5f}, within(1e-6f));
  }

  @Test
  void nSimilarityAndDoesntMatch() {
    assertThat(tiny.nSimilarity(List.of("cat"), List.of("cat"))).isCloseTo(1f, within(1e-6f));
    assertThat(tiny.doesntMatch(List.of("cat", "dog", "kitten", "car"))).isEqualTo("car");
  }

  @Test
  void unknownWordsAreAllReportedInQueryOrder() {
    assertThatThrownBy(() -> tiny.mostSimilar(List.of("cat", "lion"), List.of("truck"), 5, 0))
        .isInstanceOfSatisfying(
            UnknownWordsException.class,
            e -> assertThat(e.words()).containsExactly("lion", "truck"))
        .hasMessage("unknown words: lion, truck");
    assertThatThrownBy(() -> tiny.analogy("a", "cat", "b", 5, AnalogyMethod.COSADD))
        .isInstanceOfSatisfying(
            UnknownWordsException.class, e -> assertThat(e.words()).containsExactly("a", "b"));
    assertThatThrownBy(() -> tiny.nSimilarity(List.of("x"), List.of("cat", "y")))
        .isInstanceOfSatisfying(
            UnknownWordsException.class, e -> assertThat(e.words()).containsExactly("x", "y"));
  }

  @Test
  void badArgumentsNameTheOffendingValue() {
    assertThatThrownBy(() -> tiny.mostSimilar(List.of("cat"), List.of(), 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("topn must be > 0, was 0");
    assertThatThrownBy(() -> tiny.mostSimilar(List.of("cat"), List.of(), 3, -2))
        .hasMessageContaining("restrictVocab must be >= 0")
        .hasMessageContaining("-2");
    assertThatThrownBy(() -> tiny.mostSimilar(List.of(), List.of(), 3, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both empty");
    assertThatThrownBy(() -> tiny.mostSimilarCosMul(List.of(), List.of("cat"), 3, 0))
        .hasMessageContaining("at least one positive word");
    assertThatThrownBy(() -> tiny.similarByVector(new float[3], 3, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vector has 3 dimensions, the model has 2");
    assertThatThrownBy(() -> tiny.similarByVector(new float[] {1, Float.NaN}, 3, 0))
        .hasMessageContaining("component 1")
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> tiny.meanVector(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tiny.doesntMatch(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tiny.nSimilarity(List.of(), List.of("cat")))
        .hasMessageContaining("got 0 and 1 words");
    assertThatThrownBy(() -> tiny.mostSimilarIds(new int[] {4}, new int[0], 3, 0))
        .hasMessageContaining("word id 4 is out of range [0, 4)");
  }

  @Test
  void rowAccessorsCopyTheUnitAndRawRowsOfAnId() {
    float[] unit = new float[2 + 1];
    tiny.unitRow(3, unit, 1);
    float length = (float) Math.hypot(2, 0.2);
    assertThat(unit[0]).isZero();
    assertThat(unit[1]).isCloseTo(2 / length, within(1e-6f));
    assertThat(unit[2]).isCloseTo(0.2f / length, within(1e-6f));
    float[] raw = new float[4];
    tiny.rawRows(1, 2, raw, 0);
    assertThat(raw).containsExactly(0.8f, 0.6f, 0, 3);
    float[] all = new float[8];
    tiny.unitRows(0, 4, all, 0);
    for (int id = 0; id < 4; id++) {
      float[] one = new float[2];
      tiny.unitRow(id, one, 0);
      assertThat(new float[] {all[2 * id], all[2 * id + 1]}).containsExactly(one);
    }
    assertThatThrownBy(() -> tiny.unitRow(4, new float[2], 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> tiny.rawRow(0, new float[3], 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void nonFiniteVectorsAreRejectedWithTheirRow() {
    assertThatThrownBy(() -> vectors(new String[] {"a", "b"}, 2, new float[] {1, 2, Float.NaN, 0}))
        .hasMessageContaining("row 1");
  }

  @Test
  void parallelScanOfALargeModelEqualsABruteForceRanking() {
    // 40,000 x 64 floats is above the size at which a scan is split across threads.
    WordVectors model = random(40_000, 64, 11);
    assertThat((long) model.size() * model.dimension())
        .isGreaterThan(2L * ParallelRows.MIN_FLOATS_PER_TASK);
    float[] query = model.vector("w123", true);
    float[] matrix = Matrices.unit(model);
    List<Neighbor> expected = new ArrayList<>();
    for (int id = 0; id < model.size(); id++) {
      expected.add(new Neighbor("w" + id, id, VectorMath.dot(matrix, id * 64, query, 0, 64)));
    }
    expected.sort(
        Comparator.comparingDouble((Neighbor n) -> -n.score()).thenComparingInt(Neighbor::id));
    List<Neighbor> actual = model.mostSimilar(List.of("w123"), List.of(), 25, 0);
    List<Neighbor> top = expected.stream().filter(n -> n.id() != 123).limit(25).toList();
    assertThat(actual).extracting(Neighbor::id).isEqualTo(top.stream().map(Neighbor::id).toList());
    for (int i = 0; i < top.size(); i++) {
      assertThat(actual.get(i).score()).isCloseTo(top.get(i).score(), within(1e-6f));
    }
  }

  @Test
  void quantizedCandidateSearchGivesBitIdenticalAnswersEvenWithManyTies() {
    // Components from a tiny set: many rows share exact scores, the hardest case for a filter.
    SplittableRandom random = new SplittableRandom(21);
    int rows = 6_000;
    int dim = 48;
    float[] data = new float[rows * dim];
    for (int i = 0; i < data.length; i++) {
      data[i] = random.nextInt(-2, 3);
    }
    Vocabulary vocab = numbered(rows);
    WordVectors plain = new WordVectors(vocab, dim, data, false);
    WordVectors quantized = new WordVectors(vocab, dim, data, true);
    for (int q = 0; q < 200; q++) {
      String w = "w" + random.nextInt(rows);
      int topn = 1 + random.nextInt(30);
      int restrict = random.nextInt(3) == 0 ? random.nextInt(1, rows) : 0;
      assertThat(quantized.mostSimilar(List.of(w), List.of(), topn, restrict))
          .isEqualTo(plain.mostSimilar(List.of(w), List.of(), topn, restrict));
      float[] v = plain.vector(w, false);
      v[q % dim] += 0.5f;
      assertThat(quantized.similarByVector(v, topn, restrict))
          .isEqualTo(plain.similarByVector(v, topn, restrict));
    }
    String[] triple = {"w1", "w2", "w3"};
    assertThat(quantized.analogy(triple[0], triple[1], triple[2], 20, AnalogyMethod.COSADD))
        .isEqualTo(plain.analogy(triple[0], triple[1], triple[2], 20, AnalogyMethod.COSADD));
  }

  @Test
  void quantizedCosMulGivesBitIdenticalAnswersEvenWithTiesAndOppositeRows() {
    SplittableRandom random = new SplittableRandom(33);
    int rows = 6_000;
    int dim = 48;
    float[] data = new float[rows * dim];
    for (int i = 0; i < data.length; i++) {
      // Half the rows from a tiny set of values (many exact ties), half Gaussian.
      data[i] = i < data.length / 2 ? random.nextInt(-2, 3) : (float) random.nextGaussian();
    }
    // Rows exactly opposite to w1, w2 and w3: factors (1 + cos) / 2 of zero, the unsafe case.
    for (int q = 1; q <= 3; q++) {
      for (int j = 0; j < dim; j++) {
        data[(rows - q) * dim + j] = -data[q * dim + j];
      }
    }
    Vocabulary vocab = numbered(rows);
    WordVectors plain = new WordVectors(vocab, dim, data, false);
    WordVectors quantized = new WordVectors(vocab, dim, data, true);
    for (int q = 0; q < 150; q++) {
      List<String> positive = List.of("w" + random.nextInt(rows), "w" + (1 + q % 3));
      List<String> negative = q % 2 == 0 ? List.of("w" + random.nextInt(rows)) : List.of();
      int topn = 1 + random.nextInt(30);
      int restrict = random.nextInt(3) == 0 ? random.nextInt(1, rows) : 0;
      assertThat(quantized.mostSimilarCosMul(positive, negative, topn, restrict))
          .isEqualTo(plain.mostSimilarCosMul(positive, negative, topn, restrict));
    }
    assertThat(quantized.analogy("w1", "w2", "w3", 20, AnalogyMethod.COSMUL))
        .isEqualTo(plain.analogy("w1", "w2", "w3", 20, AnalogyMethod.COSMUL));
  }
}
