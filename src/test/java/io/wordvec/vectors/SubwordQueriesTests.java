package io.wordvec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.vocab.CharNgrams;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SubwordQueriesTests {

  private static final int DIM = 7;
  private static final CharNgrams NGRAMS = new CharNgrams(3, 5, 50);

  /** 40 numbered words and 50 random n-gram rows. */
  private static WordVectors subwordModel() {
    SplittableRandom random = new SplittableRandom(11);
    float[] rows = new float[NGRAMS.bucket() * DIM];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = (float) random.nextGaussian();
    }
    return WordVectorsTests.random(40, DIM, 5).withSubwords(NgramVectors.onHeap(NGRAMS, DIM, rows));
  }

  @Test
  void anUnknownWordsVectorIsTheMeanOfItsNgramRows() {
    WordVectors vectors = subwordModel();
    NgramVectors ngrams = vectors.subwords().orElseThrow();
    int[] buckets = NGRAMS.buckets("cats");
    float[] expected = new float[DIM];
    float[] row = new float[DIM];
    for (int b : buckets) {
      ngrams.copyRows(b, 1, row, 0);
      for (int j = 0; j < DIM; j++) {
        expected[j] += row[j] / buckets.length;
      }
    }
    float[] actual = vectors.ngramVector("cats").orElseThrow();
    for (int j = 0; j < DIM; j++) {
      assertThat(actual[j]).isCloseTo(expected[j], within(1e-5f));
    }
  }

  @Test
  void aKnownWordsServedVectorAveragesItsOwnRowWithItsNgrams() {
    NgramVectors ngrams = subwordModel().subwords().orElseThrow();
    float[] own = {1, 2, 3, 4, 5, 6, 7};
    float[] composed = new float[DIM];
    ngrams.compose("dog", own, 0, composed, 0, new float[DIM]);
    int n = NGRAMS.buckets("dog").length;
    float[] fromNgrams = ngrams.vector("dog");
    for (int j = 0; j < DIM; j++) {
      assertThat(composed[j]).isCloseTo((own[j] + n * fromNgrams[j]) / (1 + n), within(1e-5f));
    }
  }

  @Test
  void knownWordsAnswerExactlyAsWordVectorsDoes() {
    WordVectors vectors = subwordModel();
    SubwordQueries queries = new SubwordQueries(vectors, true);
    List<SubwordQueries.Term> terms = queries.resolve(List.of("w3", "w7"));
    assertThat(terms).noneMatch(SubwordQueries.Term::oov);
    NeighborList found =
        queries.mostSimilar(terms.subList(0, 1), terms.subList(1, 2), 5, 0, SearchOptions.DEFAULT);
    assertThat(found.neighbors())
        .isEqualTo(vectors.mostSimilar(List.of("w3"), List.of("w7"), 5, 0));
    assertThat(queries.similarity(terms.get(0), terms.get(1)))
        .isEqualTo(vectors.similarity("w3", "w7"));
  }

  @Test
  void anUnknownWordIsSearchedByItsNgramVectorAndKnownQueryWordsAreExcluded() {
    WordVectors vectors = subwordModel();
    SubwordQueries queries = new SubwordQueries(vectors, true);
    SubwordQueries.Term oov = queries.resolve("zebra");
    assertThat(oov.oov()).isTrue();
    NeighborList alone = queries.mostSimilar(List.of(oov), List.of(), 5, 0, SearchOptions.DEFAULT);
    assertThat(alone.neighbors())
        .isEqualTo(vectors.similarByVector(vectors.ngramVector("zebra").orElseThrow(), 5, 0));
    SubwordQueries.Term known = queries.resolve(alone.neighbors().get(0).word());
    NeighborList mixed =
        queries.mostSimilar(List.of(oov, known), List.of(), 40, 0, SearchOptions.DEFAULT);
    assertThat(mixed.neighbors()).extracting(Neighbor::id).doesNotContain(known.id());
    assertThat(mixed.neighbors()).hasSize(39);
  }

  @Test
  void withoutNgramsOrTooShortAnUnknownWordIsUnknown() {
    WordVectors vectors = subwordModel();
    assertThatThrownBy(() -> new SubwordQueries(vectors, false).resolve(List.of("w1", "zebra")))
        .isInstanceOf(UnknownWordsException.class)
        .hasMessageContaining("zebra");
    assertThatThrownBy(
            () ->
                new SubwordQueries(WordVectorsTests.random(5, DIM, 1), true)
                    .resolve(List.of("zebra")))
        .isInstanceOf(UnknownWordsException.class);
    WordVectors longNgrams =
        WordVectorsTests.random(5, DIM, 1)
            .withSubwords(NgramVectors.onHeap(new CharNgrams(5, 6, 3), DIM, new float[3 * DIM]));
    assertThat(longNgrams.ngramVector("a")).isEmpty();
    assertThatThrownBy(() -> new SubwordQueries(longNgrams, true).resolve(List.of("a", "abcd")))
        .isInstanceOf(UnknownWordsException.class)
        .satisfies(e -> assertThat(((UnknownWordsException) e).words()).containsExactly("a"));
  }

  @Test
  void textEmbeddingsTakeNgramVectorsOnlyWhenAskedTo() {
    WordVectors vectors = subwordModel();
    TextEmbedder embedder = new TextEmbedder(vectors, false);
    TextEmbedder.Embedding plain =
        embedder.embed(List.of("w1", "zebra"), TextEmbedder.Weighting.MEAN);
    assertThat(plain.unknown()).containsExactly("zebra");
    assertThat(plain.oov()).isEmpty();
    TextEmbedder.Embedding withNgrams =
        embedder.embed(List.of("w1", "zebra", "zebra"), TextEmbedder.Weighting.MEAN, false, true);
    assertThat(withNgrams.unknown()).isEmpty();
    assertThat(withNgrams.oov()).containsExactly("zebra");
    assertThat(withNgrams.known()).isEqualTo(1);
    assertThat(withNgrams.fromNgrams()).isEqualTo(2);
    float[] w1 = vectors.vector("w1", true);
    float[] zebra = vectors.ngramVector("zebra").orElseThrow();
    float norm = VectorMath.norm(zebra, 0, DIM);
    for (int j = 0; j < DIM; j++) {
      assertThat(withNgrams.vector()[j])
          .isCloseTo((w1[j] + 2 * zebra[j] / norm) / 3, within(1e-5f));
    }
  }

  /** The cosine of two vectors, in double, for expected values. */
  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int j = 0; j < a.length; j++) {
      dot += (double) a[j] * b[j];
      na += (double) a[j] * a[j];
      nb += (double) b[j] * b[j];
    }
    return dot / Math.sqrt(na * nb);
  }

  @Test
  void distancesMixKnownRowsAndNgramVectorsInTheirOrder() {
    WordVectors vectors = subwordModel();
    SubwordQueries queries = new SubwordQueries(vectors, true);
    List<SubwordQueries.Term> others = queries.resolve(List.of("w2", "zebra", "w9", "giraffe"));
    float[] from = vectors.ngramVector("lion").orElseThrow();
    float[] distances = queries.distances(from, others);
    for (int i = 0; i < distances.length; i++) {
      float[] other = queries.vector(others.get(i), false);
      assertThat(distances[i])
          .as(others.get(i).word())
          .isCloseTo((float) (1 - cosine(from, other)), within(1e-5f));
    }
    List<SubwordQueries.Term> known = queries.resolve(List.of("w2", "w9"));
    assertThat(queries.distances(from, known))
        .containsExactly(vectors.distances(from, new int[] {2, 9}));
  }

  @Test
  void closerThanRanksAnUnknownWordAmongTheRowsByBruteForce() {
    WordVectors vectors = subwordModel();
    SubwordQueries queries = new SubwordQueries(vectors, true);
    SubwordQueries.Term zebra = queries.resolve("zebra");
    SubwordQueries.Term w5 = queries.resolve("w5");
    float[] target = queries.vector(zebra, true);
    double threshold = 1 - cosine(target, queries.vector(w5, true));
    List<Integer> expected = new java.util.ArrayList<>();
    for (int id = 0; id < vectors.size(); id++) {
      if (1 - cosine(target, vectors.vector("w" + id, true)) < threshold - 1e-6) {
        expected.add(id);
      }
    }
    int[] closer = queries.closerThan(zebra, w5);
    assertThat(closer).doesNotContain(5);
    assertThat(closer).contains(expected.stream().mapToInt(Integer::intValue).toArray());
    assertThat(closer.length).isLessThanOrEqualTo(expected.size() + 1);
    // a known word ranked against an unknown one leaves the known word itself out
    int[] around = queries.closerThan(w5, zebra);
    assertThat(around).doesNotContain(5);
    assertThat(queries.closerThan(w5, queries.resolve("w6")))
        .containsExactly(vectors.closerThan(5, 6));
  }

  @Test
  void doesntMatchAndSetSimilarityTakeUnknownWordsByTheirNgramVectors() {
    WordVectors vectors = subwordModel();
    SubwordQueries queries = new SubwordQueries(vectors, true);
    List<SubwordQueries.Term> known = queries.resolve(List.of("w1", "w2", "w3"));
    assertThat(queries.doesntMatch(known))
        .isEqualTo(vectors.doesntMatch(List.of("w1", "w2", "w3")));
    assertThat(queries.nSimilarity(known.subList(0, 1), known.subList(1, 3)))
        .isEqualTo(vectors.nSimilarity(List.of("w1"), List.of("w2", "w3")));

    // an unknown word whose n-gram vector is the negated mean of the others is the odd one out
    List<SubwordQueries.Term> mixed = queries.resolve(List.of("w1", "zebra", "w2"));
    float[] mean = new float[DIM];
    for (SubwordQueries.Term t : mixed) {
      float[] unit = queries.vector(t, true);
      for (int j = 0; j < DIM; j++) {
        mean[j] += unit[j];
      }
    }
    String worst = null;
    double worstScore = Double.POSITIVE_INFINITY;
    for (SubwordQueries.Term t : mixed) {
      double score = cosine(queries.vector(t, true), mean);
      if (score < worstScore) {
        worst = t.word();
        worstScore = score;
      }
    }
    assertThat(queries.doesntMatch(mixed)).isEqualTo(worst);

    float[] a = queries.vector(mixed.get(0), false);
    float[] b = queries.vector(mixed.get(1), false);
    float[] c = queries.vector(mixed.get(2), false);
    float[] sumBc = new float[DIM];
    for (int j = 0; j < DIM; j++) {
      sumBc[j] = b[j] + c[j];
    }
    assertThat(queries.nSimilarity(mixed.subList(0, 1), mixed.subList(1, 3)))
        .isCloseTo((float) cosine(a, sumBc), within(1e-5f));
  }

  @Test
  void wordMoversDistanceTakesUnknownWordsAndAgreesWithTheIdsPathOnKnownOnes() {
    WordVectors vectors = subwordModel();
    SubwordQueries queries = new SubwordQueries(vectors, true);
    List<SubwordQueries.Term> known = queries.resolve(List.of("w1", "w2", "w1"));
    List<SubwordQueries.Term> other = queries.resolve(List.of("w3", "w4"));
    assertThat(queries.wordMoversDistance(known, other))
        .isEqualTo(WordMoversDistance.distance(vectors, new int[] {1, 2, 1}, new int[] {3, 4}));

    List<SubwordQueries.Term> text = queries.resolve(List.of("zebra", "w1", "zebra"));
    assertThat(SubwordQueries.distinctWords(text)).isEqualTo(2);
    assertThat(queries.wordMoversDistance(text, text)).isCloseTo(0, within(1e-9));
    // one word each: the distance is the Euclidean distance of their unit vectors
    List<SubwordQueries.Term> zebra = queries.resolve(List.of("zebra"));
    List<SubwordQueries.Term> w3 = queries.resolve(List.of("w3"));
    double cos = cosine(queries.vector(zebra.get(0), true), queries.vector(w3.get(0), true));
    assertThat(queries.wordMoversDistance(zebra, w3))
        .isCloseTo(Math.sqrt(2 - 2 * cos), within(1e-5));
    assertThat(queries.wordMoversDistance(text, other))
        .isCloseTo(queries.wordMoversDistance(other, text), within(1e-9));
  }

  @Test
  void lookupSkipsWordsWithoutAVectorInsteadOfThrowing() {
    SubwordQueries queries = new SubwordQueries(subwordModel(), true);
    assertThat(queries.lookup("w1", false).oov()).isFalse();
    assertThat(queries.lookup("zebra", false).oov()).isTrue();
    assertThat(queries.lookup("W1", true).id()).isEqualTo(1);
    assertThat(new SubwordQueries(subwordModel(), false).lookup("zebra", false)).isNull();
  }

  @Test
  void nonFiniteNgramRowsAreRefused() {
    float[] rows = new float[3 * DIM];
    rows[10] = Float.NaN;
    assertThatThrownBy(() -> NgramVectors.onHeap(new CharNgrams(3, 3, 3), DIM, rows))
        .isInstanceOf(NonFiniteVectorException.class);
    assertThatThrownBy(() -> NgramVectors.onHeap(new CharNgrams(3, 3, 3), DIM, new float[5]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
