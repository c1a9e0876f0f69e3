package io.wordvec.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SubsamplingTests {

  @Test
  void keepProbabilitiesFollowWord2vecFormula() {
    // 1,000,000 words, sample 1e-3: threshold t = 1000 words.
    long[] counts = {100_000, 10_000, 1_000, 100};
    double[] keep = Subsampling.keepProbabilities(counts, 1_000_000, 1e-3);

    // (sqrt(c / t) + 1) * t / c
    assertThat(keep[0]).isCloseTo((Math.sqrt(100) + 1) / 100, within(1e-12));
    assertThat(keep[1]).isCloseTo((Math.sqrt(10) + 1) / 10, within(1e-12));
    assertThat(keep[2]).isEqualTo(1.0);
    assertThat(keep[3]).isEqualTo(1.0);
  }

  @Test
  void zeroSampleKeepsEveryWord() {
    assertThat(Subsampling.keepProbabilities(new long[] {1_000_000, 1}, 1_000_001, 0))
        .containsExactly(1.0, 1.0);
  }

  @Test
  void thresholdsScaleProbabilitiesToThirtyTwoBits() {
    long[] thresholds = Subsampling.keepThresholds(new double[] {1.0, 0.5, 0.0});

    assertThat(thresholds).containsExactly(1L << 32, 1L << 31, 0L);
  }
}
