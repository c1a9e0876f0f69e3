package io.wordvec.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobEventsTests {

  private static JobsProperties heartbeatEvery(Duration heartbeat) {
    return new JobsProperties(
        1, 10, 1, 2, Duration.ofMinutes(1), heartbeat, Duration.ofSeconds(30), 200);
  }

  @Test
  void afterDestroyNoThreadOfItRunsEvenWithAHeartbeatBusyEveryMillisecond() throws Exception {
    JobEvents events = new JobEvents(heartbeatEvery(Duration.ofMillis(1)));
    assertThat(events.isRunning()).isTrue();

    events.destroy();

    assertThat(events.isRunning()).isFalse();
    // Spring and a test may both close it: the second time is harmless
    events.destroy();
    assertThat(events.isRunning()).isFalse();
  }
}
