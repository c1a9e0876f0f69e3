package io.wordvec.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.vectors.Neighbor;
import io.wordvec.vectors.SearchOptions;
import io.wordvec.vectors.SubwordQueries;
import io.wordvec.vectors.VectorMath;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.CharNgrams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training with fastText's character n-grams, skip-gram and CBOW. */
class SubwordTrainingTests {

  private static final CharNgrams NGRAMS = new CharNgrams(3, 6, 5_000);

  @TempDir Path tmp;

  static TrainingConfig.Builder config(Architecture architecture) {
    return TrainingConfig.builder()
        .architecture(architecture)
        .dimension(30)
        .sample(1e-3)
        .minCount(3)
        .epochs(3)
        .threads(1)
        .seed(7)
        .subwords(NGRAMS);
  }

  private static TrainedModel train(TrainingConfig config) throws Exception {
    return new LocalTrainingEngine()
        .train(new TrainingRequest(LocalTrainingEngineTests.resource("hamlet.txt"), config));
  }

  @Test
  void bothArchitecturesTrainNgramRowsThatGiveUnknownWordsMeaningfulVectors() throws Exception {
    for (Architecture architecture : Architecture.values()) {
      TrainedModel model = train(config(architecture).build());
      assertThat(model.ngramVectors()).hasSize(NGRAMS.bucket() * 30);
      assertThat(model.config().ngrams()).isEqualTo(NGRAMS);
      WordVectors vectors = model.wordVectors();
      assertThat(vectors.subwords()).isPresent();
      // "kings" is not in hamlet's vocabulary; its n-grams are mostly king's
      assertThat(vectors.vocabulary().contains("kings")).isFalse();
      SubwordQueries queries = new SubwordQueries(vectors, true);
      List<String> near =
          queries
              .mostSimilar(List.of(queries.resolve("kings")), List.of(), 10, 0, SearchOptions.EXACT)
              .neighbors()
              .stream()
              .map(Neighbor::word)
              .toList();
      System.out.println(architecture + " kings: " + near);
      assertThat(near).as(architecture + ": the words nearest kings").contains("king");
      float[] king = vectors.vector("king", false);
      assertThat(cosine(vectors.ngramVector("kings").orElseThrow(), king))
          .as(architecture + ": kings is nearer king than a random string is")
          .isGreaterThan(cosine(vectors.ngramVector("zqxwv").orElseThrow(), king));
    }
  }

  @Test
  void aKnownWordsServedVectorIsTheMeanOfItsRowAndItsNgramRows() throws Exception {
    TrainedModel model = train(config(Architecture.SKIP_GRAM).epochs(1).build());
    WordVectors vectors = model.wordVectors();
    int id = vectors.vocabulary().id("hamlet");
    int dim = model.dimension();
    int[] buckets = NGRAMS.buckets("hamlet");
    for (int j = 0; j < dim; j++) {
      double sum = model.inputVectors()[id * dim + j];
      for (int b : buckets) {
        sum += model.ngramVectors()[b * dim + j];
      }
      assertThat((double) vectors.vector("hamlet", false)[j])
          .isCloseTo(sum / (1 + buckets.length), org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  @Test
  void oneThreadAndASeedGiveTheSameModel() throws Exception {
    TrainedModel a = train(config(Architecture.CBOW).epochs(1).build());
    TrainedModel b = train(config(Architecture.CBOW).epochs(1).build());
    assertThat(a.inputVectors()).isEqualTo(b.inputVectors());
    assertThat(a.ngramVectors()).isEqualTo(b.ngramVectors());
  }

  @Test
  void fineTuningKeepsTheNgramsAndStartsNewWordsFromThem() throws Exception {
    TrainedModel base = train(config(Architecture.SKIP_GRAM).epochs(1).build());
    Path corpus = tmp.resolve("new.txt");
    Files.writeString(corpus, "the kingdoms of denmark\n".repeat(20));
    assertThat(base.vocabulary().contains("kingdoms")).isFalse();
    TrainedModel tuned =
        new LocalTrainingEngine()
            .fineTune(
                new FineTuneRequest(
                    base,
                    corpus,
                    FineTuneOptions.builder().epochs(1).threads(1).minCount(5).build()));
    assertThat(tuned.config().ngrams()).isEqualTo(NGRAMS);
    assertThat(tuned.vocabulary().contains("kingdoms")).isTrue();
    WordVectors before = base.wordVectors();
    WordVectors after = tuned.wordVectors();
    // one short epoch moves the new word a little from where its n-grams put it
    assertThat(
            cosine(after.vector("kingdoms", false), before.ngramVector("kingdoms").orElseThrow()))
        .isGreaterThan(0.8f);
  }

  @Test
  void badSubwordSettingsAreRefused() {
    TrainingConfig d = TrainingConfig.defaults();
    assertThatThrownBy(() -> withNgrams(d, 5, 3, 10).validate())
        .hasMessageContaining("1 <= minn <= maxn");
    assertThatThrownBy(() -> withNgrams(d, 3, 6, 0).validate())
        .hasMessageContaining("bucket must be between 1");
    assertThat(withNgrams(d, 0, 0, 0).validate().ngrams()).isNull();
  }

  private static TrainingConfig withNgrams(TrainingConfig d, int minn, int maxn, int bucket) {
    return new TrainingConfig(
        d.architecture(),
        d.dimension(),
        d.window(),
        d.negative(),
        d.sample(),
        d.minCount(),
        d.maxVocab(),
        d.alpha(),
        d.minAlpha(),
        d.epochs(),
        d.threads(),
        d.seed(),
        d.noiseExponent(),
        d.maxSentenceLength(),
        d.maxWordBytes(),
        minn,
        maxn,
        bucket);
  }

  private static float cosine(float[] a, float[] b) {
    return VectorMath.dot(a, b)
        / (VectorMath.norm(a, 0, a.length) * VectorMath.norm(b, 0, b.length));
  }
}
