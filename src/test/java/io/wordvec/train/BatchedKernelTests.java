package io.wordvec.train;

import static io.wordvec.train.LocalTrainingEngineTests.meanRandom;
import static io.wordvec.train.LocalTrainingEngineTests.meanRelated;
import static io.wordvec.train.LocalTrainingEngineTests.resource;
import static io.wordvec.train.LocalTrainingEngineTests.small;
import static io.wordvec.train.LocalTrainingEngineTests.train;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.train.LocalTrainingEngineTests.LossRecorder;
import io.wordvec.vocab.CharNgrams;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Training with {@link Kernel#BATCHED}: it learns, and behaves as a run of the per-pair kernel. */
class BatchedKernelTests {

  @TempDir Path work;

  private static TrainingConfig.Builder batched(Architecture architecture) {
    TrainingConfig.Builder b = small().kernel(Kernel.BATCHED).architecture(architecture);
    // As the per-pair tests: a floor on the learning rate keeps the online loss falling.
    return architecture == Architecture.CBOW ? b.alpha(0.05).minAlpha(0.025) : b.minAlpha(0.0125);
  }

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void learnsWordsSharingContextsWithALossFallingEveryEpoch(Architecture architecture)
      throws IOException {
    TrainingConfig config = batched(architecture).build();
    LossRecorder recorder = new LossRecorder();

    TrainedModel model =
        train(resource("kjv-pentateuch.txt"), config, recorder, new CancellationToken());

    assertThat(recorder.losses).hasSize(5);
    for (int e = 1; e < recorder.losses.size(); e++) {
      assertThat(recorder.losses.get(e))
          .as("loss of epoch %d", e + 1)
          .isLessThan(recorder.losses.get(e - 1));
    }
    assertThat(meanRelated(model)).isGreaterThan(meanRandom(model) + 0.15);
    assertThat(model.config().kernel()).isEqualTo(Kernel.BATCHED);
    TrainingProgress last = recorder.progress.get(recorder.progress.size() - 1);
    assertThat(last.wordsProcessed()).isEqualTo(last.wordsExpected());
  }

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void oneThreadWithASeedIsBitIdentical(Architecture architecture) throws IOException {
    TrainingConfig config = batched(architecture).threads(1).epochs(2).build();
    Path corpus = resource("hamlet.txt");

    TrainedModel first = train(corpus, config, null, null);
    TrainedModel second = train(corpus, config, null, null);
    TrainedModel otherSeed = train(corpus, config.toBuilder().seed(43).build(), null, null);
    TrainedModel perPair =
        train(corpus, config.toBuilder().kernel(Kernel.PAIR).build(), null, null);

    assertThat(second.inputVectors()).isEqualTo(first.inputVectors());
    assertThat(second.outputVectors()).isEqualTo(first.outputVectors());
    assertThat(otherSeed.inputVectors()).isNotEqualTo(first.inputVectors());
    assertThat(perPair.inputVectors()).isNotEqualTo(first.inputVectors());
  }

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void aStoppedRunResumedFromItsCheckpointEqualsAnUninterruptedOne(Architecture architecture)
      throws IOException {
    TrainingConfig config = batched(architecture).threads(1).epochs(3).build();
    LocalTrainingEngine engine = new LocalTrainingEngine();
    TrainedModel straight = train(resource("hamlet.txt"), config, null, null);
    CancellationToken token = new CancellationToken();
    TrainingListener stopAfterFirst =
        new TrainingListener() {
          @Override
          public void onCheckpoint(int epoch) {
            token.cancel();
          }
        };

    assertThatThrownBy(
            () ->
                engine.train(
                    new TrainingRequest(resource("hamlet.txt"), config, stopAfterFirst, token)
                        .withWorkDirectory(work)))
        .isInstanceOf(TrainingCancelledException.class);
    TrainedModel resumed =
        engine.train(
            new TrainingRequest(resource("hamlet.txt"), config, null, null)
                .withWorkDirectory(work));

    assertThat(resumed.inputVectors()).containsExactly(straight.inputVectors());
    assertThat(resumed.outputVectors()).containsExactly(straight.outputVectors());
  }

  @Test
  void cancellingMidEpochStopsTheWorkers() {
    CancellationToken token = new CancellationToken();
    List<Integer> epochs = new ArrayList<>();
    TrainingListener cancelAtFirstProgress =
        new TrainingListener() {
          @Override
          public void onProgress(TrainingProgress progress) {
            if (progress.phase() == TrainingPhase.TRAINING) {
              token.cancel();
            }
          }

          @Override
          public void onEpochEnd(int epoch, double loss, long examples) {
            epochs.add(epoch);
          }
        };

    assertThatThrownBy(
            () ->
                train(
                    resource("kjv-pentateuch.txt"),
                    batched(Architecture.CBOW).epochs(50).build(),
                    cancelAtFirstProgress,
                    token))
        .isInstanceOf(TrainingCancelledException.class);
    assertThat(epochs).isEmpty();
  }

  @Test
  void subwordModelsAreRejectedWithAClearMessage() {
    assertThatThrownBy(
            () -> small().kernel(Kernel.BATCHED).subwords(new CharNgrams(3, 6, 1000)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batched kernel does not train subword models");
  }

  @Test
  void kernelNamesParseIgnoringCase() {
    assertThat(Kernel.of("Batched")).isEqualTo(Kernel.BATCHED);
    assertThat(Kernel.PAIR.id()).isEqualTo("pair");
    assertThatThrownBy(() -> Kernel.of("fast")).hasMessageContaining("pair or batched");
  }
}
