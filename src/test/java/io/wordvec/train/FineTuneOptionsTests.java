package io.wordvec.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FineTuneOptionsTests {

  @Test
  void defaultsMoveTrainedVectorsGently() {
    assertThat(FineTuneOptions.defaults())
        .isEqualTo(
            new FineTuneOptions(
                5, 0.01, 0.0001, 5, 1.0, Runtime.getRuntime().availableProcessors(), 1));
  }

  @Test
  void anUnsetMinAlphaIsCappedAtAlpha() {
    assertThat(FineTuneOptions.builder().alpha(0.00005).build().minAlpha()).isEqualTo(0.00005);
    assertThat(FineTuneOptions.builder().alpha(0.02).build().minAlpha()).isEqualTo(0.0001);
  }

  @Test
  void lockFactorMustBeAFraction() {
    assertThat(FineTuneOptions.builder().lockFactor(0).build().lockFactor()).isZero();
    assertThatThrownBy(() -> FineTuneOptions.builder().lockFactor(1.5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lockFactor must be in [0, 1], was 1.5");
    assertThatThrownBy(() -> FineTuneOptions.builder().lockFactor(-0.1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lockFactor must be in [0, 1]");
  }

  @Test
  void sharesTheTrainingRanges() {
    assertThatThrownBy(() -> FineTuneOptions.builder().epochs(1001).build())
        .hasMessageContaining("epochs must be <= 1000");
    assertThatThrownBy(() -> FineTuneOptions.builder().alpha(2).build())
        .hasMessageContaining("alpha must be <= 1");
    assertThatThrownBy(() -> FineTuneOptions.builder().minCount(0).build())
        .hasMessageContaining("minCount must be >= 1");
  }

  @Test
  void appliesItsSettingsToTheBaseConfigAndKeepsTheRest() {
    TrainingConfig base =
        TrainingConfig.builder().architecture(Architecture.CBOW).dimension(30).window(8).build();
    FineTuneOptions options =
        FineTuneOptions.builder().epochs(2).alpha(0.02).minCount(3).threads(1).seed(9).build();

    TrainingConfig tuned = options.applyTo(base);

    assertThat(tuned)
        .isEqualTo(
            base.toBuilder()
                .epochs(2)
                .alpha(0.02)
                .minAlpha(0.0001)
                .minCount(3)
                .threads(1)
                .seed(9)
                .build());
    assertThat(tuned.architecture()).isEqualTo(Architecture.CBOW);
    assertThat(tuned.window()).isEqualTo(8);
  }
}
