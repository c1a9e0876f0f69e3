package io.wordvec.jobs;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;

/**
 * One client's Server-Sent Event stream. {@link #send} only queues an event, so the training thread
 * that publishes never waits for a client; the stream's own writer thread writes what is queued.
 * Events wait in a bounded buffer meanwhile: a client that falls further behind, or whose write has
 * not returned within the write timeout ({@link #waitingLongerThan}, checked by {@link JobEvents}),
 * is dropped, and the others never notice.
 *
 * <p>Why a thread per stream and blocking writes: the container reuses a completed response's
 * objects for the next request, and its non-blocking output, written from threads that are not its
 * own, can miss the callback that says a slow client takes more. Here only the writer thread
 * touches the output, so no write is ever lost; the response is completed by that thread after its
 * last write, or by a container callback once no write is under way ({@link #io}), so no write can
 * reach the response of a later request. Streams are capped by {@link JobEvents}, and a dropped
 * client's writer ends when the container's own write timeout fails its write.
 */
final class EventStream implements AsyncListener {

  /** Why a stream ended, for the log and the tests. */
  enum Ending {
    /** The last event was delivered. */
    FINISHED,
    /** The client fell more than the buffer behind, or accepted nothing for the write timeout. */
    DROPPED,
    /** The client went away, the stream reached its longest life, or the service stopped. */
    CLOSED
  }

  /** The number of an event that is no job snapshot: always queued. */
  static final long UNNUMBERED = 0;

  private final String jobId;
  private final AsyncContext async;
  private final ServletOutputStream out;
  private final long maxBuffered;
  private final BiConsumer<EventStream, Ending> onEnd;

  /** Guards the queue, its size in bytes, the last and closed flags, and the newest number. */
  private final Object lock = new Object();

  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
  private long buffered;
  private boolean last;
  private boolean closed;
  private Ending ending;

  /** The number of the newest job snapshot queued ({@link #send(long, byte[], boolean)}). */
  private long newest;

  /** Held while the output is written, and while a container callback closes the stream. */
  private final ReentrantLock io = new ReentrantLock();

  private final AtomicBoolean ended = new AtomicBoolean();
  private final AtomicBoolean completed = new AtomicBoolean();

  /** {@link System#nanoTime} since when a write has waited for the client; 0 while none does. */
  private volatile long waitingSince;

  private EventStream(
      String jobId, AsyncContext async, long maxBuffered, BiConsumer<EventStream, Ending> onEnd)
      throws IOException {
    this.jobId = jobId;
    this.async = async;
    this.out = async.getResponse().getOutputStream();
    this.maxBuffered = maxBuffered;
    this.onEnd = onEnd;
  }

  /**
   * Turns the request into an event stream: headers, asynchronous mode with a longest life, and the
   * writer thread.
   *
   * @param onEnd called once when the stream ends, however it ends
   */
  static EventStream open(
      String jobId,
      HttpServletRequest request,
      HttpServletResponse response,
      long maxBuffered,
      long lifeMillis,
      BiConsumer<EventStream, Ending> onEnd)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("text/event-stream");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-cache");
    // Proxies such as nginx would otherwise buffer the stream.
    response.setHeader("X-Accel-Buffering", "no");
    AsyncContext async = request.startAsync();
    async.setTimeout(lifeMillis);
    EventStream stream = new EventStream(jobId, async, maxBuffered, onEnd);
    async.addListener(stream);
    Thread writer = new Thread(stream::writeUntilEnd, "job-events-" + jobId);
    writer.setDaemon(true);
    writer.start();
    return stream;
  }

  String jobId() {
    return jobId;
  }

  /**
   * Queues an event that is no job snapshot (a heartbeat) for the writer.
   *
   * @param isLast whether the stream ends after this event
   * @return false if the stream has ended, or was dropped now because the event does not fit in its
   *     buffer
   */
  boolean send(byte[] event, boolean isLast) {
    return send(UNNUMBERED, event, isLast);
  }

  /**
   * Queues the event of a job snapshot numbered {@code sequence} ({@link Job#snapshot}) for the
   * writer, unless the stream already queued a newer one: snapshots of one job can arrive out of
   * order from threads that publish concurrently, and a client must never see a job go back in
   * time.
   *
   * @param sequence the snapshot's number (from 1), or {@link #UNNUMBERED}
   * @param isLast whether the stream ends after this event
   * @return false if the stream has ended, or was dropped now because the event does not fit in its
   *     buffer (an event skipped as older is not a failure)
   */
  boolean send(long sequence, byte[] event, boolean isLast) {
    boolean overflow;
    synchronized (lock) {
      if (closed || last) {
        return false;
      }
      if (sequence != UNNUMBERED && sequence <= newest) {
        return true;
      }
      overflow = buffered + event.length > maxBuffered;
      if (!overflow) {
        queue.add(event);
        buffered += event.length;
        last = isLast;
        newest = Math.max(newest, sequence);
        lock.notifyAll();
      }
    }
    if (overflow) {
      end(Ending.DROPPED);
      return false;
    }
    return true;
  }

  /** Whether a write has waited for the client longer than {@code nanos}. */
  boolean waitingLongerThan(long nanos, long now) {
    long since = waitingSince;
    return since != 0 && now - since > nanos;
  }

  /**
   * Ends the stream now, whatever is queued. The writer completes the response once a write under
   * way returns.
   */
  void end(Ending why) {
    Ending first;
    synchronized (lock) {
      if (ending == null) {
        // the first reason wins: the writer, woken by this close, ends the stream too
        ending = why;
      }
      first = ending;
      closed = true;
      queue.clear();
      buffered = 0;
      lock.notifyAll();
    }
    if (ended.compareAndSet(false, true)) {
      onEnd.accept(this, first);
    }
  }

  /** The writer thread: writes what is queued, flushes, and completes the response at the end. */
  private void writeUntilEnd() {
    Ending outcome = Ending.CLOSED;
    try {
      while (true) {
        List<byte[]> batch = new ArrayList<>();
        boolean finished;
        synchronized (lock) {
          while (!closed && queue.isEmpty() && !last) {
            lock.wait();
          }
          if (closed) {
            break;
          }
          batch.addAll(queue);
          queue.clear();
          finished = last;
        }
        if (!write(batch)) {
          break;
        }
        if (finished) {
          outcome = Ending.FINISHED;
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the client went away, or the container ended the response: the stream is over
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      end(outcome);
      complete();
    }
  }

  /**
   * Writes and flushes a batch of events, unless the stream was closed meanwhile.
   *
   * @return false if the stream was closed
   */
  private boolean write(List<byte[]> batch) throws IOException {
    long bytes = 0;
    io.lock();
    try {
      synchronized (lock) {
        if (closed) {
          return false;
        }
      }
      waitingSince = System.nanoTime();
      for (byte[] event : batch) {
        out.write(event);
        bytes += event.length;
      }
      out.flush();
    } finally {
      waitingSince = 0;
      io.unlock();
    }
    synchronized (lock) {
      if (!closed) {
        buffered -= bytes;
      }
    }
    return true;
  }

  private void complete() {
    if (completed.compareAndSet(false, true)) {
      try {
        async.complete();
      } catch (IllegalStateException e) {
        // already completed by the container (client gone, timeout)
      }
    }
  }

  /**
   * Closes the stream from a container callback, once no write is under way: the container may
   * reuse the response's objects as soon as the callback returns. The wait is bounded, since a
   * write to a client that reads nothing only returns when the container's write timeout fails it.
   *
   * @param complete whether to complete the response: not when the container reports it complete
   */
  private void closeInCallback(boolean complete) {
    boolean locked;
    try {
      locked = io.tryLock(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      locked = false;
    }
    try {
      end(Ending.CLOSED);
      if (complete) {
        complete();
      } else {
        completed.set(true);
      }
    } finally {
      if (locked) {
        io.unlock();
      }
    }
  }

  @Override
  public void onComplete(AsyncEvent event) {
    closeInCallback(false);
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    closeInCallback(true);
  }

  @Override
  public void onError(AsyncEvent event) {
    closeInCallback(true);
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // not restarted
  }
}
