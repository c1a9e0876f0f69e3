package io.wordvec.vectors.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopKTests {

  @Test
  void topKKeepsTheBestAndOrdersTiesById() {
    TopK heap = new TopK(3);
    float[] scores = {0.5f, 0.9f, 0.5f, 0.1f, 0.9f, 0.7f};
    for (int i = 0; i < scores.length; i++) {
      heap.offer(scores[i], i);
    }
    float[] out = new float[3];
    assertThat(heap.sortedIds(out)).containsExactly(1, 4, 5);
    assertThat(out).containsExactly(0.9f, 0.9f, 0.7f);
  }
}
