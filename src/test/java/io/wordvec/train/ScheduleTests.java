package io.wordvec.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The learning rate at chosen points of each schedule. */
class ScheduleTests {

  private static final long EPOCH_WORDS = 1_000_000;
  private static final int EPOCHS = 5;
  private static final double ALPHA = 0.025;
  private static final double MIN_ALPHA = 0.0001;

  private static Schedule schedule(LearningRateSchedule kind) {
    return new Schedule(
        EPOCH_WORDS * EPOCHS, EPOCHS, ALPHA, MIN_ALPHA, kind, new CancellationToken());
  }

  /** The rate at {@code progress} through the run on word2vec.c's linear schedule. */
  private static double linear(double progress) {
    return ALPHA - (ALPHA - MIN_ALPHA) * progress;
  }

  @Test
  void linearDecaysOverTheWordsOfAllWorkersAndEpochsToMinAlpha() {
    Schedule s = schedule(LearningRateSchedule.LINEAR);
    Schedule.Clock a = s.clock();
    Schedule.Clock b = s.clock();

    assertThat(a.startEpoch()).isEqualTo((float) ALPHA);
    // two workers share one count: a quarter of the run after both have read 1/8 of it
    a.advance(EPOCHS * EPOCH_WORDS / 8);
    assertThat(b.advance(EPOCHS * EPOCH_WORDS / 8)).isCloseTo((float) linear(0.25), within(1e-7f));
    assertThat(s.alpha()).isCloseTo((float) linear(0.25), within(1e-7f));
    // the next epoch starts where the previous one ended
    s.startEpoch(2);
    assertThat(a.startEpoch()).isCloseTo((float) linear(0.25), within(1e-7f));
    assertThat(a.advance(EPOCHS * EPOCH_WORDS * 3 / 4)).isEqualTo((float) MIN_ALPHA);
    // words beyond the expected ones do not go below the floor
    assertThat(b.advance(EPOCH_WORDS)).isEqualTo((float) MIN_ALPHA);
    assertThat(s.wordsDone()).isEqualTo(EPOCHS * EPOCH_WORDS + EPOCH_WORDS);
  }

  @Test
  void perWorkerSawtoothWithTwoWorkersDecaysHalfAnEpochThenJumpsBack() {
    Schedule s = schedule(LearningRateSchedule.PER_WORKER_SAWTOOTH);
    Schedule.Clock a = s.clock();
    Schedule.Clock b = s.clock();
    double epochStep = (ALPHA - MIN_ALPHA) / EPOCHS;

    s.startEpoch(1);
    assertThat(a.startEpoch()).isEqualTo((float) ALPHA);
    assertThat(b.startEpoch()).isEqualTo((float) ALPHA);
    // each worker reads half the epoch and measures it against the whole epoch's words
    assertThat(a.advance(EPOCH_WORDS / 4))
        .isCloseTo((float) (ALPHA - epochStep / 4), within(1e-7f));
    assertThat(b.advance(EPOCH_WORDS / 2))
        .isCloseTo((float) (ALPHA - epochStep / 2), within(1e-7f));
    assertThat(a.advance(EPOCH_WORDS / 4))
        .isCloseTo((float) (ALPHA - epochStep / 2), within(1e-7f));
    // the shared count, for progress, has the whole epoch
    assertThat(s.wordsDone()).isEqualTo(EPOCH_WORDS);
    assertThat(s.alpha()).isCloseTo((float) (ALPHA - epochStep / 2), within(1e-7f));

    // epoch 2 jumps back up to where the linear schedule starts it
    s.startEpoch(2);
    assertThat(a.startEpoch()).isCloseTo((float) (ALPHA - epochStep), within(1e-7f));
    assertThat(a.advance(EPOCH_WORDS / 2))
        .isCloseTo((float) (ALPHA - 1.5 * epochStep), within(1e-7f));

    // the last epoch ends half a step above the floor: near alpha / 10 with 2 workers, 5 epochs
    s.startEpoch(EPOCHS);
    b.startEpoch();
    float end = b.advance(EPOCH_WORDS / 2);
    assertThat(end).isCloseTo((float) (ALPHA - 4.5 * epochStep), within(1e-7f));
    assertThat(end).isCloseTo(0.00259f, within(1e-5f));
  }

  @Test
  void aSawtoothWorkerThatReadsMoreThanTheEpochStopsAtTheFloor() {
    Schedule s = schedule(LearningRateSchedule.PER_WORKER_SAWTOOTH);
    Schedule.Clock only = s.clock();
    s.startEpoch(EPOCHS);
    only.startEpoch();

    assertThat(only.advance(2 * EPOCH_WORDS)).isEqualTo((float) MIN_ALPHA);
  }

  @Test
  void aRestoredScheduleContinuesFromItsWords() {
    Schedule linear = schedule(LearningRateSchedule.LINEAR);
    linear.restore(2 * EPOCH_WORDS);
    linear.startEpoch(3);
    assertThat(linear.clock().startEpoch()).isCloseTo((float) linear(0.4), within(1e-7f));

    // the saw-tooth restarts each epoch at the epoch's own start: nothing more to restore
    Schedule sawtooth = schedule(LearningRateSchedule.PER_WORKER_SAWTOOTH);
    sawtooth.restore(2 * EPOCH_WORDS);
    sawtooth.startEpoch(3);
    assertThat(sawtooth.clock().startEpoch()).isCloseTo((float) linear(0.4), within(1e-7f));
  }

  @Test
  void schedulesAreNamedByTheirIdsAndAnUnknownNameListsTheAllowedOnes() {
    assertThat(LearningRateSchedule.of("linear")).isEqualTo(LearningRateSchedule.LINEAR);
    assertThat(LearningRateSchedule.of("Per-Worker-Sawtooth"))
        .isEqualTo(LearningRateSchedule.PER_WORKER_SAWTOOTH);
    assertThat(String.join("|", LearningRateSchedule.ids()))
        .isEqualTo(LearningRateSchedule.ID_PATTERN);
    assertThatThrownBy(() -> LearningRateSchedule.of("cosine"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("schedule must be linear or per-worker-sawtooth, was cosine");
    assertThat(TrainingConfig.defaults().schedule()).isEqualTo(LearningRateSchedule.LINEAR);
  }
}
