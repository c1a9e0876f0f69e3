package io.wordvec.jobs;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Event streams of job progress. Training workers publish a snapshot and return at
 * once; one dispatcher thread writes to the (possibly slow) clients, in publication order.
 *
 * <p>Events: {@code progress} with the job's JSON whenever it changes, then a final {@code end}
 * with its last state, after which the stream is closed. Every {@code events-heartbeat} each open
 * stream also gets a {@code :keep-alive} comment (which SSE clients ignore): a queued job or a long
 * vocabulary pass can be silent for minutes, and proxies close connections that look idle.
 */
@Component
class JobEvents implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(JobEvents.class);

  private final Map<String, List<SseEmitter>> subscribers = new ConcurrentHashMap<>();
  private final ExecutorService dispatcher =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "job-events");
            t.setDaemon(true);
            return t;
          });
  private final ScheduledExecutorService heartbeat =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "job-events-heartbeat");
            t.setDaemon(true);
            return t;
          });
  private final long timeoutMillis;

  JobEvents(JobsProperties properties) {
    this.timeoutMillis = properties.eventsTimeout().toMillis();
    long every = properties.eventsHeartbeat().toMillis();
    heartbeat.scheduleAtFixedRate(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
  }

  /** Queues a comment for every open stream, behind the events already queued. */
  private void keepAlive() {
    try {
      dispatcher.execute(
          () -> {
            for (List<SseEmitter> list : subscribers.values()) {
              for (SseEmitter emitter : list) {
                try {
                  emitter.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException e) {
                  // gone or already complete: its callbacks unsubscribe it
                  log.debug("No heartbeat for a closed progress stream: {}", e.getMessage());
                }
              }
            }
          });
    } catch (RejectedExecutionException e) {
      // shutting down
    }
  }

  /**
   * A new stream for a job, starting with its current snapshot. The emitter is registered before
   * the snapshot is taken, so no change between the two is lost.
   */
  SseEmitter subscribe(Job job) {
    SseEmitter emitter = new SseEmitter(timeoutMillis);
    String id = job.id();
    List<SseEmitter> list = subscribers.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
    list.add(emitter);
    Runnable remove = () -> list.remove(emitter);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    JobView current = job.view();
    if (current.state().isFinal()) {
      subscribers.remove(id, list);
    }
    dispatcher.execute(
        () -> {
          if (send(emitter, current) && current.state().isFinal()) {
            emitter.complete();
          }
        });
    return emitter;
  }

  /** Sends a snapshot to every subscriber of the job; the final one closes their streams. */
  void publish(JobView view) {
    List<SseEmitter> list = subscribers.get(view.id());
    boolean done = view.state().isFinal();
    if (done) {
      subscribers.remove(view.id());
    }
    if (list == null || list.isEmpty()) {
      return;
    }
    dispatcher.execute(
        () -> {
          for (SseEmitter emitter : list) {
            if (send(emitter, view) && done) {
              emitter.complete();
            }
          }
        });
  }

  private static boolean send(SseEmitter emitter, JobView view) {
    try {
      emitter.send(
          SseEmitter.event()
              .name(view.state().isFinal() ? "end" : "progress")
              .id(view.id())
              .data(view, MediaType.APPLICATION_JSON));
      return true;
    } catch (IOException | IllegalStateException e) {
      // the client went away; Spring completes the emitter and our callback unsubscribes it
      log.debug("Dropping a progress stream of job {}: {}", view.id(), e.getMessage());
      return false;
    }
  }

  /**
   * Stops the heartbeat, closes the open streams and lets the dispatcher finish what is queued,
   * each within a bounded wait. Spring calls it on shutdown; tests that create their own call it
   * too.
   */
  @Override
  public void destroy() throws InterruptedException {
    heartbeat.shutdownNow();
    subscribers.values().forEach(list -> list.forEach(SseEmitter::complete));
    dispatcher.shutdown();
    heartbeat.awaitTermination(2, TimeUnit.SECONDS);
    dispatcher.awaitTermination(2, TimeUnit.SECONDS);
  }

  /** Whether a thread of this instance (heartbeat or dispatcher) may still be running. */
  boolean isRunning() {
    return !heartbeat.isTerminated() || !dispatcher.isTerminated();
  }
}
