package io.wordvec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import org.junit.jupiter.api.Test;

class DriftTests {

  private static WordVectors vectors(String[] words, float[] values) {
    long[] counts = new long[words.length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = words.length - i;
    }
    return new WordVectors(new Vocabulary(words, counts), 2, values);
  }

  @Test
  void aModelComparedWithItselfHasNoDrift() {
    WordVectors v =
        vectors(new String[] {"a", "b", "c", "d"}, new float[] {1, 0, 0.9f, 0.1f, 0, 1, -1, 0});
    Drift.Report r = Drift.measure(v, v, 100, 2);
    assertThat(r.sharedWords()).isEqualTo(4);
    assertThat(r.meanCosineShift()).isCloseTo(0, within(1e-6));
    assertThat(r.neighborOverlap()).isEqualTo(1.0);
    assertThat(r.sampledWords()).isEqualTo(4);
    assertThat(r.newWords()).isZero();
  }

  @Test
  void movedVectorsAndNewWordsShow() {
    WordVectors before =
        vectors(new String[] {"a", "b", "c"}, new float[] {1, 0, 0.9f, 0.1f, 0, 1});
    // "c" turned by 90 degrees, "a" and "b" unchanged, "n" added where "c" was
    WordVectors after =
        vectors(new String[] {"a", "b", "c", "n"}, new float[] {1, 0, 0.9f, 0.1f, -1, 0, 0, 1});
    Drift.Report r = Drift.measure(before, after, 100, 1);
    assertThat(r.sharedWords()).isEqualTo(3);
    assertThat(r.meanCosineShift()).isCloseTo(1.0 / 3, within(1e-6));
    assertThat(r.newWords()).isEqualTo(1);
    // a: b -> b (kept); b: a -> a (kept); c: b -> n (lost)
    assertThat(r.neighborOverlap()).isCloseTo(2.0 / 3, within(1e-9));
  }

  @Test
  void onlyTheMostFrequentWordsAreSampled() {
    WordVectors v =
        vectors(new String[] {"a", "b", "c", "d"}, new float[] {1, 0, 0.9f, 0.1f, 0, 1, -1, 0});
    assertThat(Drift.measure(v, v, 2, 10).sampledWords()).isEqualTo(2);
  }
}
