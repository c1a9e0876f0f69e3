package io.wordvec.jobs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-Sent Event streams of job progress. Training workers publish a snapshot and return at
 * once; each stream is written by its own thread ({@link EventStream}, with a bounded buffer), so a
 * client that stops reading is dropped after {@code events.write-timeout} or once {@code
 * events.buffer-size} waits for it, and delays no other stream. Open streams are capped per job and
 * in all ({@code events.max-streams-per-job}, {@code events.max-streams}): one more is refused with
 * 429.
 *
 * <p>Events: {@code progress} with the job's JSON whenever it changes, then a final {@code end}
 * with its last state, after which the stream is closed. Every {@code events-heartbeat} each open
 * stream also gets a {@code :keep-alive} comment (which SSE clients ignore): a queued job or a long
 * vocabulary pass can be silent for minutes, and proxies close connections that look idle.
 */
@Component
class JobEvents implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(JobEvents.class);

  private static final byte[] HEARTBEAT = ":keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

  /** Open streams by job. Registration and the caps are guarded by this object's lock. */
  private final Map<String, Set<EventStream>> streams = new ConcurrentHashMap<>();

  private int open;
  private long dropped;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "job-events");
            t.setDaemon(true);
            return t;
          });
  private final long lifeMillis;
  private final EventStreamsProperties limits;
  private final JsonMapper json;

  /** With the default stream limits and JSON settings (tests). */
  JobEvents(JobsProperties properties) {
    this(properties, EventStreamsProperties.defaults(), JsonMapper.builder().build());
  }

  @Autowired
  JobEvents(
      JobsProperties properties, EventStreamsProperties limits, ObjectProvider<JsonMapper> json) {
    this(properties, limits, json.getIfAvailable(() -> JsonMapper.builder().build()));
  }

  JobEvents(JobsProperties properties, EventStreamsProperties limits, JsonMapper json) {
    this.lifeMillis = properties.eventsTimeout().toMillis();
    this.limits = limits;
    this.json = json;
    long every = properties.eventsHeartbeat().toMillis();
    timer.scheduleAtFixedRate(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
    long check = Math.max(20, limits.writeTimeout().toMillis() / 5);
    timer.scheduleAtFixedRate(this::dropStalled, check, check, TimeUnit.MILLISECONDS);
  }

  /**
   * Opens a stream of {@code job} on the request, starting with the job's current snapshot. The
   * stream is registered before the snapshot is taken, so no change between the two is lost.
   *
   * @throws JobsProblem 429 when the job or the service has as many streams open as allowed
   */
  void subscribe(Job job, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String id = job.id();
    EventStream stream;
    synchronized (this) {
      Set<EventStream> ofJob = streams.get(id);
      if (ofJob != null && ofJob.size() >= limits.maxStreamsPerJob()) {
        throw JobsProblem.tooManyStreams("job", limits.maxStreamsPerJob());
      }
      if (open >= limits.maxStreams()) {
        throw JobsProblem.tooManyStreams("service", limits.maxStreams());
      }
      stream =
          EventStream.open(
              id, request, response, limits.bufferSize().toBytes(), lifeMillis, this::ended);
      streams.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(stream);
      open++;
    }
    Job.Snapshot current = job.snapshot();
    stream.send(current.sequence(), event(current.view()), current.view().state().isFinal());
  }

  /** Sends the job as it is now to its every stream; the final state closes them. */
  void publish(Job job) {
    if (streams.containsKey(job.id())) {
      publish(job.snapshot());
    }
  }

  /**
   * Sends a snapshot to every stream of the job, except those that already have a newer one (a
   * thread that took its snapshot earlier can get here later); the final one closes them.
   */
  void publish(Job.Snapshot snapshot) {
    send(snapshot.sequence(), snapshot.view());
  }

  /** Sends a snapshot without a number to every stream of the job (tests). */
  void publish(JobView view) {
    send(EventStream.UNNUMBERED, view);
  }

  private void send(long sequence, JobView view) {
    Set<EventStream> ofJob = streams.get(view.id());
    if (ofJob == null || ofJob.isEmpty()) {
      return;
    }
    byte[] event = event(view);
    boolean done = view.state().isFinal();
    for (EventStream stream : ofJob) {
      stream.send(sequence, event, done);
    }
  }

  private void ended(EventStream stream, EventStream.Ending why) {
    synchronized (this) {
      Set<EventStream> ofJob = streams.get(stream.jobId());
      if (ofJob != null && ofJob.remove(stream)) {
        open--;
        if (ofJob.isEmpty()) {
          streams.remove(stream.jobId());
        }
      }
      if (why == EventStream.Ending.DROPPED) {
        dropped++;
      }
    }
    if (why == EventStream.Ending.DROPPED) {
      log.info(
          "Dropped a progress stream of job {}: the client fell behind (it accepted nothing for"
              + " {} ms, or {} bytes waited for it)",
          stream.jobId(),
          limits.writeTimeout().toMillis(),
          limits.bufferSize().toBytes());
    }
  }

  private byte[] event(JobView view) {
    String name = view.state().isFinal() ? "end" : "progress";
    String data = json.writeValueAsString(view);
    return ("event: " + name + "\nid: " + view.id() + "\ndata: " + data + "\n\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private void keepAlive() {
    for (EventStream stream : all()) {
      stream.send(HEARTBEAT, false);
    }
  }

  /** Drops the streams whose client has accepted nothing for the write timeout. */
  private void dropStalled() {
    long now = System.nanoTime();
    long limit = limits.writeTimeout().toNanos();
    for (EventStream stream : all()) {
      if (stream.waitingLongerThan(limit, now)) {
        stream.end(EventStream.Ending.DROPPED);
      }
    }
  }

  private List<EventStream> all() {
    return streams.values().stream().flatMap(Set::stream).toList();
  }

  /** Open streams, by job id. */
  synchronized Map<String, Integer> openStreams() {
    Map<String, Integer> counts = new HashMap<>();
    streams.forEach((id, set) -> counts.put(id, set.size()));
    return counts;
  }

  /** Streams dropped so far because their client fell behind. */
  synchronized long droppedStreams() {
    return dropped;
  }

  /**
   * Stops the timer and closes the open streams, within a bounded wait. Spring calls it on
   * shutdown; tests that create their own call it too.
   */
  @Override
  public void destroy() throws InterruptedException {
    timer.shutdownNow();
    for (EventStream stream : all()) {
      stream.end(EventStream.Ending.CLOSED);
    }
    timer.awaitTermination(2, TimeUnit.SECONDS);
  }

  /** Whether the timer thread of this instance may still be running. */
  boolean isRunning() {
    return !timer.isTerminated();
  }
}
