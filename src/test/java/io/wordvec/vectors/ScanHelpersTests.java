package io.wordvec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ScanHelpersTests {

  @Test
  void aHelpersFailureIsRethrownToTheWaitingThread() {
    assumeTrue(ScanHelpers.COUNT > 0, "needs a second core");
    IllegalArgumentException failure = new IllegalArgumentException("bad row");
    CountDownLatch started = new CountDownLatch(1);
    ScanHelpers.Task task =
        ScanHelpers.submit(
            () -> {
              started.countDown();
              throw failure;
            });
    awaitQuietly(started);
    assertThat(task.abandon()).isFalse();
    assertThatThrownBy(task::await).isSameAs(failure);
  }

  @Test
  void anAbandonedTaskNeverRunsAndNothingWaitsForIt() throws InterruptedException {
    assumeTrue(ScanHelpers.COUNT > 0, "needs a second core");
    CountDownLatch busy = new CountDownLatch(ScanHelpers.COUNT);
    CountDownLatch release = new CountDownLatch(1);
    List<ScanHelpers.Task> blockers = new ArrayList<>();
    for (int i = 0; i < ScanHelpers.COUNT; i++) {
      blockers.add(
          ScanHelpers.submit(
              () -> {
                busy.countDown();
                awaitQuietly(release);
              }));
    }
    assertThat(busy.await(30, TimeUnit.SECONDS)).as("every helper busy").isTrue();
    AtomicBoolean ran = new AtomicBoolean();
    ScanHelpers.Task late = ScanHelpers.submit(() -> ran.set(true));
    assertThat(late.abandon()).isTrue();

    release.countDown();
    for (ScanHelpers.Task blocker : blockers) {
      blocker.await();
    }
    // The queue is first in, first out: once a task queued after the abandoned one has run,
    // a helper has taken the abandoned one off the queue and skipped it.
    CountDownLatch after = new CountDownLatch(ScanHelpers.COUNT);
    List<ScanHelpers.Task> followers = new ArrayList<>();
    for (int i = 0; i < ScanHelpers.COUNT; i++) {
      followers.add(ScanHelpers.submit(after::countDown));
    }
    assertThat(after.await(30, TimeUnit.SECONDS)).isTrue();
    for (ScanHelpers.Task follower : followers) {
      follower.await();
    }
    assertThat(ran).isFalse();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
