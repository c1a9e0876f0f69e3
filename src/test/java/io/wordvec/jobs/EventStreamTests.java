package io.wordvec.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The container reuses a completed response's objects for the next request, so a stream must never
 * complete its response while one of its writes is under way.
 */
@Timeout(60)
class EventStreamTests {

  private final List<String> log = new CopyOnWriteArrayList<>();

  private final CountDownLatch completed = new CountDownLatch(1);

  @Test
  void aDroppedStreamIsCompletedOnlyAfterTheWriteUnderWayReturns() throws Exception {
    HeldOutput out = new HeldOutput();
    EventStream stream = open(out);
    assertThat(stream.send("data: 1\n\n".getBytes(StandardCharsets.UTF_8), false)).isTrue();
    out.writing.await();

    stream.end(EventStream.Ending.DROPPED);
    out.release.countDown();
    completed.await();

    assertThat(log).containsExactly("write started", "ended DROPPED", "write done", "complete");
  }

  @Test
  void theLastEventIsWrittenThenTheResponseCompleted() throws Exception {
    HeldOutput out = new HeldOutput();
    out.release.countDown();
    EventStream stream = open(out);

    stream.send("data: 1\n\n".getBytes(StandardCharsets.UTF_8), false);
    stream.send("data: 2\n\n".getBytes(StandardCharsets.UTF_8), true);
    completed.await();

    assertThat(log).endsWith("write done", "ended FINISHED", "complete");
    assertThat(stream.send("data: 3\n\n".getBytes(StandardCharsets.UTF_8), false)).isFalse();
  }

  @Test
  void aStreamThatEndedNeverWritesAgain() throws Exception {
    HeldOutput out = new HeldOutput();
    out.release.countDown();
    EventStream stream = open(out);
    stream.end(EventStream.Ending.DROPPED);
    completed.await();

    boolean sent = stream.send("data: 1\n\n".getBytes(StandardCharsets.UTF_8), false);

    assertThat(sent).isFalse();
    assertThat(log).containsExactly("ended DROPPED", "complete");
  }

  private EventStream open(HeldOutput out) throws Exception {
    MockHttpServletResponse mock = new MockHttpServletResponse();
    HttpServletResponseWrapper response =
        new HttpServletResponseWrapper(mock) {
          @Override
          public ServletOutputStream getOutputStream() {
            return out;
          }
        };
    MockHttpServletRequest request =
        new MockHttpServletRequest() {
          @Override
          public AsyncContext startAsync() {
            return startAsync(this, response);
          }

          @Override
          public AsyncContext startAsync(ServletRequest req, ServletResponse res) {
            AsyncContext async = super.startAsync(req, res);
            async.addListener(new CompletionLog());
            return async;
          }
        };
    request.setAsyncSupported(true);
    return EventStream.open(
        "job", request, response, 1 << 16, 60_000, (s, why) -> log.add("ended " + why));
  }

  /** Records the response's completion. */
  private final class CompletionLog implements AsyncListener {
    @Override
    public void onComplete(AsyncEvent event) {
      log.add("complete");
      completed.countDown();
    }

    @Override
    public void onTimeout(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }

  /** An output whose writes wait until released, and say when they run. */
  private final class HeldOutput extends ServletOutputStream {
    final CountDownLatch writing = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new UnsupportedOperationException("the stream writes blocking");
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      log.add("write started");
      writing.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      log.add("write done");
    }

    @Override
    public void flush() {}
  }
}
