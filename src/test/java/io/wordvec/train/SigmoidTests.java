package io.wordvec.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SigmoidTests {

  @Test
  void theLargestFloatBelowMaxExpMapsPastTheTable() {
    // The trainer therefore tests the index, not f, before reading the table.
    float f = Math.nextDown(Sigmoid.MAX_EXP);
    int idx = (int) ((f + Sigmoid.MAX_EXP) * Sigmoid.SCALE);

    assertThat(idx).isEqualTo(Sigmoid.TABLE_SIZE);
  }

  @Test
  void tableHoldsTheLogisticFunctionAndItsLosses() {
    int middle = Sigmoid.TABLE_SIZE / 2;

    assertThat(Sigmoid.SIGMOID[middle]).isEqualTo(0.5f);
    assertThat(Sigmoid.LOSS_POSITIVE[middle]).isEqualTo((float) Math.log(2));
    assertThat(Sigmoid.LOSS_NEGATIVE[0]).isLessThan(0.003f);
  }
}
