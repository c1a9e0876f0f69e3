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
