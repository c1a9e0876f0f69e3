package io.wordvec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.testing.Matrices;
import io.wordvec.vectors.TextEmbedder.Embedding;
import io.wordvec.vectors.TextEmbedder.Weighting;
import io.wordvec.vocab.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextEmbedderTests {

  /** Counts 60, 30, 10: relative frequencies 0.6, 0.3, 0.1. */
  private final WordVectors vectors =
      new WordVectors(
          new Vocabulary(new String[] {"the", "king", "queen"}, new long[] {60, 30, 10}),
          2,
          new float[] {3, 4, 1, 0, 0, 2});

  @Test
  void meanIsTheMeanOfTheKnownTokensUnitVectors() {
    Embedding e =
        new TextEmbedder(vectors, true)
            .embed(List.of("king", "xyzzy", "queen", "xyzzy", "plugh"), Weighting.MEAN);

    assertThat(e.tokens()).isEqualTo(5);
    assertThat(e.known()).isEqualTo(2);
    assertThat(e.unknown()).containsExactly("xyzzy", "plugh");
    assertThat(e.vector()).containsExactly(new float[] {0.5f, 0.5f}, within(1e-7f));
    assertThat(e.vector()).isEqualTo(vectors.meanVector(List.of("king", "queen")));
  }

  @Test
  void aTextWithNoKnownTokenIsTheZeroVector() {
    Embedding e = new TextEmbedder(vectors, false).embed(List.of("a", "b"), Weighting.SIF);

    assertThat(e.known()).isZero();
    assertThat(e.vector()).containsExactly(0f, 0f);
  }

  @Test
  void sifWithCorpusCountsWeighsByRelativeFrequency() {
    TextEmbedder embedder = new TextEmbedder(vectors, true);

    assertThat(embedder.sifWeight(0)).isCloseTo(1e-3 / (1e-3 + 0.6), within(1e-12));
    assertThat(embedder.sifWeight(2)).isCloseTo(1e-3 / (1e-3 + 0.1), within(1e-12));
    Embedding the = embedder.embed(List.of("the"), Weighting.SIF);
    float w = (float) embedder.sifWeight(0);
    assertThat(the.vector()).containsExactly(new float[] {0.6f * w, 0.8f * w}, within(1e-7f));
  }

  @Test
  void sifWithoutCorpusCountsEstimatesFrequencyFromTheRankAndIgnoresTheCounts() {
    double harmonic = Math.log(3) + 0.5772156649;
    TextEmbedder embedder = new TextEmbedder(vectors, false);
    // Counts that say the opposite of the ranks: they must not matter.
    WordVectors upsideDown =
        new WordVectors(
            new Vocabulary(new String[] {"the", "king", "queen"}, new long[] {1, 1, 1}),
            2,
            Matrices.raw(vectors));

    for (int id = 0; id < 3; id++) {
      double p = 1.0 / ((id + 1) * harmonic);
      assertThat(embedder.sifWeight(id)).isCloseTo(1e-3 / (1e-3 + p), within(1e-12));
      assertThat(new TextEmbedder(upsideDown, false).sifWeight(id))
          .isEqualTo(embedder.sifWeight(id));
    }
    assertThat(embedder.sifWeight(0)).isLessThan(embedder.sifWeight(2));
  }

  @Test
  void sifPullsTheEmbeddingAwayFromFrequentWords() {
    TextEmbedder embedder = new TextEmbedder(vectors, true);
    List<String> text = List.of("the", "king");

    float[] mean = embedder.embed(text, Weighting.MEAN).vector();
    float[] sif = embedder.embed(text, Weighting.SIF).vector();

    // "the" is (0.6, 0.8) and "king" is (1, 0): down-weighting "the" turns the mean towards x.
    assertThat(sif[1] / Math.hypot(sif[0], sif[1]))
        .isLessThan(mean[1] / Math.hypot(mean[0], mean[1]));
  }

  @Test
  void theUnitVectorIsTheMeanScaledToLengthOneAndZeroStaysZero() {
    WordVectors vectors =
        new WordVectors(
            new io.wordvec.vocab.Vocabulary(new String[] {"a", "b"}, new long[] {2, 1}),
            2,
            new float[] {3, 0, 0, 4});
    TextEmbedder embedder = new TextEmbedder(vectors, true);

    TextEmbedder.Embedding both =
        embedder.embed(java.util.List.of("a", "b"), TextEmbedder.Weighting.MEAN);
    assertThat(both.vector()).containsExactly(0.5f, 0.5f);
    assertThat(both.unitVector())
        .containsExactly(
            new float[] {0.70710677f, 0.70710677f}, org.assertj.core.api.Assertions.within(1e-7f));
    assertThat(embedder.embed(java.util.List.of("zzz"), TextEmbedder.Weighting.MEAN).unitVector())
        .containsExactly(0f, 0f);
  }
}
