package io.wordvec.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.train.TrainingConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** A job's state only moves forward, and a final state is final. */
class JobStateTests {

  private static Job job() {
    JobSpec spec =
        new JobSpec(
            JobType.TRAIN,
            "c0ffee000000",
            null,
            "out",
            false,
            false,
            TrainingConfig.builder().dimension(4).epochs(3).build(),
            null,
            Map.of(),
            null);
    return new Job("0123456789abcdef", spec, Instant.now());
  }

  @Test
  void aLateSuccessDoesNotOverwriteAFailure() {
    Job job = job();
    job.start(Instant.now(), () -> false);
    assertThat(job.fail("disk gone", Instant.now())).isTrue();

    assertThat(job.succeed("out", null, Instant.now())).isFalse();

    assertThat(job.state()).isEqualTo(JobState.FAILED);
    assertThat(job.view().error()).isEqualTo("disk gone");
    assertThat(job.view().model()).isNull();
  }

  @Test
  void aCancelledJobStaysCancelled() {
    Job job = job();
    assertThat(job.cancel(Instant.now())).isEqualTo(Job.CancelOutcome.CANCELLED);

    assertThat(job.start(Instant.now(), () -> false)).isFalse();
    assertThat(job.fail("late", Instant.now())).isFalse();
    assertThat(job.succeed("out", null, Instant.now())).isFalse();
    assertThat(job.state()).isEqualTo(JobState.CANCELLED);
  }

  @Test
  void aSucceededJobCannotFailOrBeCancelledAfterwards() {
    Job job = job();
    job.start(Instant.now(), () -> false);
    job.succeed("out", null, Instant.now());

    assertThat(job.fail("late", Instant.now())).isFalse();
    assertThat(job.cancelled(Instant.now())).isFalse();
    assertThat(job.cancel(Instant.now())).isEqualTo(Job.CancelOutcome.FINISHED);
    assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
  }

  @Test
  void noJobStartsOnceTheServiceStops() {
    Job job = job();
    assertThat(job.start(Instant.now(), () -> true)).isFalse();
    assertThat(job.state()).isEqualTo(JobState.QUEUED);
  }

  /**
   * Start and the shutdown's cancel race: either the job never starts, or it starts and its
   * cancellation token is set. Never a running job the shutdown missed.
   */
  @RepeatedTest(50)
  void aStartRacingTheShutdownEitherNeverRunsOrIsCancelled() throws Exception {
    Job job = job();
    AtomicBoolean shuttingDown = new AtomicBoolean();
    CountDownLatch go = new CountDownLatch(1);
    AtomicBoolean started = new AtomicBoolean();
    Thread runner =
        new Thread(
            () -> {
              try {
                go.await();
              } catch (InterruptedException e) {
                return;
              }
              started.set(job.start(Instant.now(), shuttingDown::get));
            });
    runner.start();
    go.countDown();
    // what JobService.destroy does
    shuttingDown.set(true);
    job.cancelIfRunning();
    runner.join();

    if (started.get()) {
      assertThat(job.cancellation().isCancelled()).isTrue();
    } else {
      assertThat(job.state()).isEqualTo(JobState.QUEUED);
    }
  }

  @Test
  void aJobReadBackUnfinishedWaitsForItsSpecAndCanBeCancelledMeanwhile() {
    Job running = job();
    running.start(Instant.now(), () -> false);
    running.epochEnd(1, 10, 5);
    Job restored = new Job(running.record());
    assertThat(restored.spec()).isNull();
    assertThat(restored.state()).isEqualTo(JobState.RUNNING);
    assertThat(restored.start(Instant.now(), () -> false)).isFalse();

    assertThat(restored.cancel(Instant.now())).isEqualTo(Job.CancelOutcome.CANCELLED);
    assertThat(restored.resume(job().spec())).isFalse();
    assertThat(restored.state()).isEqualTo(JobState.CANCELLED);
  }

  @Test
  void epochsRunAgainAfterARestartReplaceTheirEarlierLosses() {
    Job job = job();
    job.epochEnd(1, 10, 5);
    job.epochEnd(2, 8, 5);
    job.epochEnd(3, 7, 5);

    job.resumedAfter(2);
    assertThat(job.view().losses()).extracting(JobView.EpochLoss::epoch).containsExactly(1, 2);
    job.epochEnd(2, 9, 5);
    assertThat(job.view().losses()).extracting(JobView.EpochLoss::loss).containsExactly(10.0, 9.0);
    assertThat(job.view().resumedAfterEpoch()).isEqualTo(2);
    assertThat(List.of(job.view().losses().size())).containsExactly(2);
  }
}
