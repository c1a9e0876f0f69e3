package io.wordvec.jobs;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One client's Server-Sent Event stream, written through the servlet container's non-blocking
 * output, so that no thread ever waits for a client: {@link #send} queues an event and writes what
 * the connection takes at once; the container calls back when it takes more. Events wait in a
 * bounded buffer meanwhile: a client that falls further behind, or accepts nothing for the write
 * timeout ({@link #waitingLongerThan}, checked by {@link JobEvents}), is dropped, and the others
 * never notice.
 *
 * <p>Thread-safe: events come from training threads, callbacks from the container's threads, and
 * writes are serialised by a work counter (whoever finds it at zero writes, for everyone who
 * signalled meanwhile), without locks held across container calls.
 */
final class EventStream implements WriteListener, AsyncListener {

  /** Why a stream ended, for the log and the tests. */
  enum Ending {
    /** The last event was delivered. */
    FINISHED,
    /** The client fell more than the buffer behind, or accepted nothing for the write timeout. */
    DROPPED,
    /** The client went away, the stream reached its longest life, or the service stopped. */
    CLOSED
  }

  /** The number of an event that is no job snapshot: always sent. */
  static final long UNNUMBERED = 0;

  private final String jobId;
  private final AsyncContext async;
  private final ServletOutputStream out;
  private final long maxBuffered;
  private final BiConsumer<EventStream, Ending> onEnd;

  private final Object lock = new Object();
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
  private long buffered;
  private boolean last;

  /** The number of the newest snapshot queued ({@link #send(long, byte[], boolean)}). */
  private long newest;

  private final AtomicInteger work = new AtomicInteger();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile boolean closed;

  /** {@link System#nanoTime} since when data has waited for the client; 0 while it does not. */
  private volatile long waitingSince;

  /** Written but not flushed; only touched by the thread that holds {@link #work}. */
  private boolean unflushed;

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
   * Turns the request into an event stream: headers, asynchronous mode with a longest life, and
   * non-blocking output.
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
    stream.out.setWriteListener(stream);
    return stream;
  }

  String jobId() {
    return jobId;
  }

  /**
   * Queues an event that is no job snapshot (a heartbeat) and writes what the client takes now.
   *
   * @param isLast whether the stream ends after this event
   * @return false if the stream has ended, or was dropped now because the event does not fit in its
   *     buffer
   */
  boolean send(byte[] event, boolean isLast) {
    return send(UNNUMBERED, event, isLast);
  }

  /**
   * Queues the event of a job snapshot numbered {@code sequence} ({@link Job#snapshot}), unless the
   * stream already queued a newer one: snapshots of one job can arrive out of order from threads
   * that publish concurrently, and a client must never see a job go back in time.
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
      }
    }
    if (overflow) {
      end(Ending.DROPPED);
      return false;
    }
    drain();
    return true;
  }

  /** Whether data has waited for the client longer than {@code nanos}. */
  boolean waitingLongerThan(long nanos, long now) {
    long since = waitingSince;
    return since != 0 && now - since > nanos;
  }

  /** Bytes queued and not yet taken by the connection. */
  long buffered() {
    synchronized (lock) {
      return buffered;
    }
  }

  /** Ends the stream now, whatever is queued. */
  void end(Ending why) {
    synchronized (lock) {
      closed = true;
      queue.clear();
      buffered = 0;
    }
    if (ended.compareAndSet(false, true)) {
      try {
        async.complete();
      } catch (IllegalStateException e) {
        // already completed by the container (client gone, timeout)
      }
      onEnd.accept(this, why);
    }
  }

  private void drain() {
    if (work.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    do {
      try {
        writeWhatFits();
      } catch (IOException | IllegalStateException e) {
        end(Ending.CLOSED);
      }
      missed = work.addAndGet(-missed);
    } while (missed != 0);
  }

  /** Writes queued events while the connection takes them; returns when it does not. */
  private void writeWhatFits() throws IOException {
    while (!closed) {
      byte[] next;
      boolean finished;
      synchronized (lock) {
        next = queue.peek();
        finished = next == null && last;
      }
      if (next == null && !unflushed && !finished) {
        waitingSince = 0;
        return;
      }
      if (!out.isReady()) {
        // The container calls onWritePossible once the client takes more.
        if (waitingSince == 0) {
          waitingSince = System.nanoTime();
        }
        return;
      }
      if (next != null) {
        out.write(next);
        unflushed = true;
        synchronized (lock) {
          queue.poll();
          buffered -= next.length;
        }
      } else if (unflushed) {
        out.flush();
        unflushed = false;
      } else {
        end(Ending.FINISHED);
        return;
      }
      waitingSince = 0;
    }
  }

  @Override
  public void onWritePossible() {
    drain();
  }

  @Override
  public void onError(Throwable t) {
    end(Ending.CLOSED);
  }

  @Override
  public void onComplete(AsyncEvent event) {
    end(Ending.CLOSED);
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    end(Ending.CLOSED);
  }

  @Override
  public void onError(AsyncEvent event) {
    end(Ending.CLOSED);
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // not restarted
  }
}
