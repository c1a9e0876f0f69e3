package io.wordvec.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.vocab.CharNgrams;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TrainingConfigTests {

  private static void rejected(UnaryOperator<TrainingConfig.Builder> change, String message) {
    assertThatThrownBy(() -> change.apply(TrainingConfig.builder()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  private static void accepted(UnaryOperator<TrainingConfig.Builder> change) {
    assertThat(change.apply(TrainingConfig.builder()).build()).isNotNull();
  }

  @Test
  void defaultsAreThePinnedReferenceSettings() {
    TrainingConfig d = TrainingConfig.defaults();

    assertThat(d)
        .isEqualTo(
            new TrainingConfig(
                    Architecture.SKIP_GRAM,
                    100,
                    5,
                    5,
                    1e-4,
                    5,
                    0,
                    0.025,
                    0.0025,
                    5,
                    Runtime.getRuntime().availableProcessors(),
                    1,
                    0.75,
                    10_000,
                    100,
                    0,
                    0,
                    0)
                .toBuilder().kernel(Kernel.BATCHED).build());
  }

  @Test
  void anUnsetKernelIsBatchedForWordModelsAndPairForSubwordModels() {
    assertThat(TrainingConfig.builder().build().kernel()).isEqualTo(Kernel.BATCHED);
    assertThat(TrainingConfig.builder().architecture(Architecture.CBOW).build().kernel())
        .isEqualTo(Kernel.BATCHED);
    assertThat(TrainingConfig.builder().subwords(new CharNgrams(3, 6, 1000)).build().kernel())
        .isEqualTo(Kernel.PAIR);
    assertThat(TrainingConfig.builder().kernel(Kernel.PAIR).build().kernel())
        .isEqualTo(Kernel.PAIR);
    TrainingConfig cbow =
        TrainingConfig.builder().architecture(Architecture.CBOW).kernel(Kernel.PAIR).build();
    assertThat(cbow.toBuilder().build().kernel()).isEqualTo(Kernel.PAIR);
  }

  @Test
  void anUnsetAlphaFollowsTheArchitectureAndCapsMinAlpha() {
    assertThat(TrainingConfig.builder().architecture(Architecture.CBOW).build().alpha())
        .isEqualTo(MethodDefaults.CBOW_ALPHA);
    TrainingConfig slow =
        TrainingConfig.builder().alpha(0.00005).subwords(new CharNgrams(3, 6, 1000)).build();
    assertThat(slow.minAlpha()).isEqualTo(0.00005);
  }

  @Test
  void anUnsetMinAlphaIsATenthOfAlphaForSkipGramAndAFifthForCbowInALinearSchedule() {
    assertThat(TrainingConfig.builder().build().minAlpha()).isCloseTo(0.0025, within(1e-12));
    assertThat(TrainingConfig.builder().architecture(Architecture.CBOW).build().minAlpha())
        .isCloseTo(0.01, within(1e-12));
    assertThat(
            TrainingConfig.builder().architecture(Architecture.CBOW).alpha(0.02).build().minAlpha())
        .isCloseTo(0.004, within(1e-12));
    assertThat(TrainingConfig.builder().alpha(0.04).build().minAlpha())
        .isCloseTo(0.004, within(1e-12));
    assertThat(TrainingConfig.builder().subwords(new CharNgrams(3, 6, 1000)).build().minAlpha())
        .isEqualTo(MethodDefaults.DEFAULT_MIN_ALPHA);
    assertThat(
            TrainingConfig.builder()
                .schedule(LearningRateSchedule.PER_WORKER_SAWTOOTH)
                .build()
                .minAlpha())
        .isEqualTo(MethodDefaults.DEFAULT_MIN_ALPHA);
    assertThat(TrainingConfig.builder().minAlpha(0.0001).build().minAlpha()).isEqualTo(0.0001);
  }

  @Test
  void toBuilderKeepsEveryValueIncludingAnExplicitAlpha() {
    TrainingConfig original =
        TrainingConfig.builder().dimension(7).window(3).seed(-9).maxSentenceLength(12).build();

    assertThat(original.toBuilder().build()).isEqualTo(original);
    TrainingConfig cbow = original.toBuilder().architecture(Architecture.CBOW).build();
    assertThat(cbow.alpha()).isEqualTo(MethodDefaults.SKIP_GRAM_ALPHA);
    assertThat(cbow.dimension()).isEqualTo(7);
    assertThat(cbow.architecture()).isEqualTo(Architecture.CBOW);
  }

  @Test
  void rangesAreEnforcedAtBothEnds() {
    accepted(b -> b.dimension(TrainingConfig.MAX_DIMENSION));
    rejected(b -> b.dimension(TrainingConfig.MAX_DIMENSION + 1), "dimension must be <= 10000");
    rejected(b -> b.dimension(0), "dimension must be > 0, was 0");
    accepted(b -> b.window(TrainingConfig.MAX_WINDOW));
    rejected(b -> b.window(101), "window must be <= 100, was 101");
    rejected(b -> b.negative(0), "negative must be > 0");
    rejected(b -> b.negative(101), "negative must be <= 100");
    accepted(b -> b.sample(1));
    rejected(b -> b.sample(1.5), "sample must be in [0, 1], was 1.5");
    rejected(b -> b.sample(-0.1), "sample must be in [0, 1]");
    rejected(b -> b.minCount(0), "minCount must be >= 1");
    rejected(b -> b.maxVocab(-1), "maxVocab must be >= 0");
    accepted(b -> b.alpha(1).minAlpha(1));
    rejected(b -> b.alpha(0), "alpha must be > 0, was 0.0");
    rejected(b -> b.alpha(1.01), "alpha must be <= 1, was 1.01");
    rejected(b -> b.alpha(Double.NaN), "alpha must be > 0");
    rejected(b -> b.alpha(0.01).minAlpha(0.02), "minAlpha must be in [0, alpha=0.01], was 0.02");
    accepted(b -> b.epochs(TrainingConfig.MAX_EPOCHS));
    rejected(b -> b.epochs(1001), "epochs must be <= 1000, was 1001");
    rejected(b -> b.epochs(0), "epochs must be > 0, was 0");
    rejected(b -> b.threads(0), "threads must be > 0");
    rejected(b -> b.noiseExponent(-1), "noiseExponent must be in [0, 10], was -1.0");
    rejected(b -> b.noiseExponent(11), "noiseExponent must be in [0, 10], was 11.0");
    rejected(b -> b.maxSentenceLength(0), "maxSentenceLength must be between 1 and 1000000");
    rejected(
        b -> b.maxSentenceLength(TrainingConfig.MAX_MAX_SENTENCE_LENGTH + 1),
        "maxSentenceLength must be between 1 and 1000000, was 1000001");
  }

  @Test
  void theEngineRejectsAConfigThatBypassedTheBuilder() {
    TrainingConfig d = TrainingConfig.defaults();
    TrainingConfig noWindow =
        new TrainingConfig(
            d.architecture(),
            d.dimension(),
            0,
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
            d.minn(),
            d.maxn(),
            d.bucket());

    assertThatThrownBy(
            () ->
                new LocalTrainingEngine()
                    .train(
                        new TrainingRequest(
                            LocalTrainingEngineTests.resource("hamlet.txt"), noWindow)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window must be > 0, was 0");
  }

  @Test
  void componentNamesAreTheKeysOfNativeModelFiles() {
    // Renaming a component would make older .wvm files lose that setting.
    assertThat(
            Arrays.stream(TrainingConfig.class.getRecordComponents()).map(RecordComponent::getName))
        .containsExactly(
            "architecture",
            "dimension",
            "window",
            "negative",
            "sample",
            "minCount",
            "maxVocab",
            "alpha",
            "minAlpha",
            "epochs",
            "threads",
            "seed",
            "noiseExponent",
            "maxSentenceLength",
            "maxWordBytes",
            "minn",
            "maxn",
            "bucket",
            "phrases",
            "phraseMinCount",
            "phraseThreshold",
            "phraseScoring",
            "schedule",
            "kernel");
  }
}
