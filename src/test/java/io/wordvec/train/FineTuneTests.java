package io.wordvec.train;

import static io.wordvec.train.LocalTrainingEngineTests.cosine;
import static io.wordvec.train.LocalTrainingEngineTests.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FineTuneTests {

  /** Word pairs of the Pentateuch whose words (at least one of each) Hamlet lacks. */
  private static final String[][] NEW_PAIRS = {
    {"sons", "daughters"},
    {"gold", "silver"},
    {"bullock", "ram"},
    {"egypt", "canaan"},
    {"moses", "aaron"},
    {"jacob", "esau"},
  };

  static TrainedModel base;

  @BeforeAll
  static void trainBase() throws IOException {
    base =
        LocalTrainingEngineTests.train(
            resource("hamlet.txt"),
            LocalTrainingEngineTests.small().epochs(3).build(),
            TrainingListener.NONE,
            new CancellationToken());
  }

  static TrainedModel fineTune(
      TrainedModel base,
      Path corpus,
      FineTuneOptions options,
      TrainingListener listener,
      CancellationToken token)
      throws IOException {
    return new LocalTrainingEngine()
        .fineTune(new FineTuneRequest(base, corpus, options, listener, token));
  }

  static FineTuneOptions options() {
    return new FineTuneOptions(5, 0.025, 0.0001, 3, 1.0, 2, 9);
  }

  @Test
  void appendsNewWordsAfterTheBaseIds() throws IOException {
    TrainedModel tuned = fineTune(base, resource("kjv-pentateuch.txt"), options(), null, null);

    Vocabulary before = base.vocabulary();
    Vocabulary after = tuned.vocabulary();
    assertThat(after.size()).isGreaterThan(before.size());
    assertThat(after.words().subList(0, before.size())).isEqualTo(before.words());
    assertThat(after.id("moses")).isGreaterThanOrEqualTo(before.size());
    // Combined counts: Hamlet's plus the Pentateuch's.
    int lord = after.id("lord");
    assertThat(after.count(lord)).isEqualTo(before.count(before.id("lord")) + 1887);
    assertThat(after.count(after.id("moses"))).isEqualTo(648);
    assertThat(tuned.inputVectors()).hasSize(after.size() * tuned.dimension());
    assertThat(tuned.config().architecture()).isEqualTo(base.config().architecture());
    assertThat(tuned.config().epochs()).isEqualTo(5);
    assertThat(tuned.corpus().source()).isEqualTo("kjv-pentateuch.txt");
  }

  @Test
  void newWordsGetSensibleNeighbours() throws IOException {
    TrainedModel tuned = fineTune(base, resource("kjv-pentateuch.txt"), options(), null, null);

    // Rank of the partner among all words by cosine: 0 = nearest neighbour.
    int size = tuned.vocabulary().size();
    int close = 0;
    for (String[] pair : NEW_PAIRS) {
      float target = cosine(tuned, pair[0], pair[1]);
      int rank = 0;
      for (int w = 0; w < size; w++) {
        String other = tuned.vocabulary().word(w);
        if (!other.equals(pair[0]) && cosine(tuned, pair[0], other) > target) {
          rank++;
        }
      }
      if (rank < size / 20) {
        close++;
      }
    }
    assertThat(close).isGreaterThanOrEqualTo(NEW_PAIRS.length - 1);
  }

  @Test
  void leavesTheBaseModelUntouched() throws IOException {
    float[] input = base.inputVectors().clone();
    float[] output = base.outputVectors().clone();

    fineTune(base, resource("kjv-pentateuch.txt"), options(), null, null);

    assertThat(base.inputVectors()).isEqualTo(input);
    assertThat(base.outputVectors()).isEqualTo(output);
  }

  @Test
  void lockFactorZeroFreezesTheBaseWordVectors() throws IOException {
    FineTuneOptions frozen = new FineTuneOptions(1, 0.025, 0.0001, 3, 0.0, 2, 9);

    TrainedModel tuned = fineTune(base, resource("kjv-pentateuch.txt"), frozen, null, null);

    int baseCells = base.inputVectors().length;
    assertThat(Arrays.copyOf(tuned.inputVectors(), baseCells)).isEqualTo(base.inputVectors());
    assertThat(Arrays.copyOf(tuned.outputVectors(), baseCells)).isNotEqualTo(base.outputVectors());
  }

  @Test
  void oneThreadIsBitIdentical() throws IOException {
    FineTuneOptions single = new FineTuneOptions(1, 0.025, 0.0001, 3, 0.5, 1, 9);

    assertThat(fineTune(base, resource("kjv-pentateuch.txt"), single, null, null).inputVectors())
        .isEqualTo(
            fineTune(base, resource("kjv-pentateuch.txt"), single, null, null).inputVectors());
  }

  @Test
  void cancellationReturnsNoModel() {
    CancellationToken token = new CancellationToken();
    token.cancel();

    assertThatThrownBy(() -> fineTune(base, resource("kjv-pentateuch.txt"), options(), null, token))
        .isInstanceOf(TrainingCancelledException.class);
  }

  @Test
  void rejectsBadOptions() {
    assertThatThrownBy(
            () ->
                fineTune(
                    base,
                    resource("kjv-pentateuch.txt"),
                    new FineTuneOptions(1, 0.025, 0.0001, 3, 1.5, 2, 9),
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lockFactor must be in [0, 1], was 1.5");
    assertThatThrownBy(
            () ->
                fineTune(
                    base,
                    resource("kjv-pentateuch.txt"),
                    new FineTuneOptions(0, 0.025, 0.0001, 3, 1, 2, 9),
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("epochs must be > 0, was 0");
  }
}
