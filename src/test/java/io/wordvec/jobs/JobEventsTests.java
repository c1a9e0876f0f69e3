package io.wordvec.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.wordvec.train.TrainingConfig;
import io.wordvec.train.TrainingPhase;
import io.wordvec.train.TrainingProgress;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

class JobEventsTests {

  private static final Pattern WORDS = Pattern.compile("\"wordsProcessed\":(\\d+)");

  private final List<JobEvents> created = new ArrayList<>();

  @AfterEach
  void stopTimers() throws InterruptedException {
    for (JobEvents events : created) {
      events.destroy();
    }
  }

  private static JobsProperties heartbeatEvery(Duration heartbeat) {
    return new JobsProperties(
        1, 10, 1, 2, Duration.ofMinutes(1), heartbeat, Duration.ofSeconds(30), 200);
  }

  /**
   * Events without heartbeats in the way (one an hour), and with room for every event the tests
   * publish, so that no stream is dropped for falling behind the publishers.
   */
  private JobEvents events() {
    JobEvents events =
        new JobEvents(
            heartbeatEvery(Duration.ofHours(1)),
            new EventStreamsProperties(64, 8, DataSize.ofMegabytes(64), Duration.ofMinutes(10)),
            JsonMapper.builder().build());
    created.add(events);
    return events;
  }

  private static Job runningJob() {
    JobSpec spec =
        new JobSpec(
            JobType.TRAIN,
            "c0ffee000000",
            null,
            "out",
            false,
            false,
            TrainingConfig.builder().dimension(4).epochs(1).build(),
            null,
            Map.of(),
            null);
    Job job = new Job("0123456789abcdef", spec, Instant.now());
    job.start(Instant.now(), () -> false);
    return job;
  }

  private static TrainingProgress words(long done) {
    return new TrainingProgress(TrainingPhase.TRAINING, 1, 1, done, 1_000_000, 0, 0.025);
  }

  /** What a client received, and whether its response was completed. */
  private record Client(ByteArrayOutputStream written, CountDownLatch completed) {

    /** The wordsProcessed figure of every progress event, in the order written. */
    List<Long> progressWords() throws InterruptedException {
      assertThat(completed.await(60, TimeUnit.SECONDS)).as("the stream ended").isTrue();
      List<Long> seen = new ArrayList<>();
      for (String event : written.toString(StandardCharsets.UTF_8).split("\n\n")) {
        if (event.startsWith("event: progress")) {
          Matcher m = WORDS.matcher(event);
          assertThat(m.find()).as(event).isTrue();
          seen.add(Long.parseLong(m.group(1)));
        }
      }
      return seen;
    }
  }

  /** Subscribes a client on servlet objects that take every byte at once. */
  private static Client subscribe(JobEvents events, Job job) throws IOException {
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    ServletOutputStream out =
        new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            // written with blocking writes
          }

          @Override
          public void write(int b) {
            written.write(b);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            written.write(bytes, offset, length);
          }
        };
    CountDownLatch completed = new CountDownLatch(1);
    HttpServletRequest request = mock(HttpServletRequest.class);
    HttpServletResponse response = mock(HttpServletResponse.class);
    AsyncContext async = mock(AsyncContext.class);
    when(request.startAsync()).thenReturn(async);
    when(async.getResponse()).thenReturn(response);
    when(response.getOutputStream()).thenReturn(out);
    doAnswer(
            invocation -> {
              completed.countDown();
              return null;
            })
        .when(async)
        .complete();
    events.subscribe(job, request, response);
    return new Client(written, completed);
  }

  /** Ends the job and tells its streams, which close once they have written everything. */
  private static void finish(JobEvents events, Job job) {
    job.fail("the test is over", Instant.now());
    events.publish(job);
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

  @Test
  void aSnapshotTakenBeforeOneAlreadySentIsSkipped() throws Exception {
    JobEvents events = events();
    Job job = runningJob();
    Client client = subscribe(events, job);
    // a publisher that took its snapshot, then lost the processor to a faster one
    Job.Snapshot stale = job.snapshot();
    job.progress(words(500));
    events.publish(job);

    events.publish(stale);
    job.progress(words(900));
    events.publish(job);
    finish(events, job);

    assertThat(client.progressWords()).containsExactly(0L, 500L, 900L);
  }

  @Test
  void concurrentPublishersNeverMakeAStreamGoBackInTime() throws Exception {
    JobEvents events = events();
    Job job = runningJob();
    Client client = subscribe(events, job);
    int threads = 4;
    int updates = 500;
    Object progressLock = new Object();
    long[] done = {0};
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> publishers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      // like an index build's workers: each moves the progress on, then publishes on its own
      Thread publisher =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < updates; i++) {
                  synchronized (progressLock) {
                    job.progress(words(++done[0]));
                  }
                  events.publish(job);
                }
              });
      publisher.start();
      publishers.add(publisher);
    }
    go.countDown();
    for (Thread publisher : publishers) {
      publisher.join();
    }

    finish(events, job);

    List<Long> seen = client.progressWords();
    assertThat(seen).isSorted();
    assertThat(seen.get(seen.size() - 1)).isEqualTo((long) threads * updates);
  }
}
