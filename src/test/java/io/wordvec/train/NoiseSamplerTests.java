package io.wordvec.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoiseSamplerTests {

  private static final long[] COUNTS = {1000, 500, 120, 37, 10, 3, 1, 1};

  private static double[] unigram(long[] counts, double exponent) {
    double[] p = new double[counts.length];
    double total = 0;
    for (int i = 0; i < counts.length; i++) {
      p[i] = Math.pow(counts[i], exponent);
      total += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= total;
    }
    return p;
  }

  /**
   * The exact probability of drawing each word, read off the sampler through draws alone: each of
   * the {@code size} columns gets an equal share of the column bits, and within a column the coin
   * values below its threshold give the column, the others its alias. A binary search over the 31
   * coin bits finds that threshold.
   */
  private static double[] exactProbabilities(NoiseSampler sampler, int size) {
    double[] p = new double[size];
    double coins = 1L << 31;
    for (int column = 0; column < size; column++) {
      // The smallest column bits that choose this column.
      long bits = (((long) column << 32) + size - 1) / size;
      int alias = sampler.sample(bits, Integer.MAX_VALUE);
      long kept = 1L << 31;
      if (alias != column) {
        long low = 0;
        long high = Integer.MAX_VALUE;
        while (low < high) {
          long mid = (low + high) >>> 1;
          if (sampler.sample(bits, (int) mid) == column) {
            low = mid + 1;
          } else {
            high = mid;
          }
        }
        kept = low;
      }
      p[column] += kept / coins / size;
      if (alias != column) {
        p[alias] += (1 - kept / coins) / size;
      }
    }
    return p;
  }

  @Test
  void aliasTableEncodesUnigramToThePowerOfThreeQuarters() {
    NoiseSampler sampler = new NoiseSampler(COUNTS, 0.75);
    double[] expected = unigram(COUNTS, 0.75);

    double[] exact = exactProbabilities(sampler, COUNTS.length);
    for (int i = 0; i < COUNTS.length; i++) {
      assertThat(exact[i]).isCloseTo(expected[i], within(1e-7));
    }
  }

  @Test
  void drawsFollowTheNoiseDistribution() {
    NoiseSampler sampler = new NoiseSampler(COUNTS, 0.75);
    double[] expected = unigram(COUNTS, 0.75);
    SplittableRandom random = new SplittableRandom(7);
    int draws = 2_000_000;
    long[] seen = new long[COUNTS.length];
    for (int i = 0; i < draws; i++) {
      long column = random.nextLong() >>> 32;
      int coin = random.nextInt() >>> 1;
      seen[sampler.sample(column, coin)]++;
    }
    for (int i = 0; i < COUNTS.length; i++) {
      double observed = seen[i] / (double) draws;
      // Five standard deviations of a binomial proportion.
      double tolerance = 5 * Math.sqrt(expected[i] * (1 - expected[i]) / draws);
      assertThat(observed).as("word %d", i).isCloseTo(expected[i], within(tolerance));
    }
  }

  @Test
  void exponentIsConfigurable() {
    NoiseSampler uniform = new NoiseSampler(COUNTS, 0.0);
    NoiseSampler unigram = new NoiseSampler(COUNTS, 1.0);

    assertThat(exactProbabilities(uniform, COUNTS.length)[0])
        .isCloseTo(1.0 / COUNTS.length, within(1e-7));
    assertThat(exactProbabilities(unigram, COUNTS.length)[0])
        .isCloseTo(1000.0 / 1672, within(1e-7));
  }

  @Test
  void rejectsAnEmptyDistribution() {
    assertThatThrownBy(() -> new NoiseSampler(new long[0], 0.75))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NoiseSampler(new long[] {0, 0}, 0.75))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
