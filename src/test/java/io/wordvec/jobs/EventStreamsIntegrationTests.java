package io.wordvec.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A client that stops reading is dropped without delaying the other streams, and the number of
 * streams is capped. The job is held running by a fake trainer; the test publishes its events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// A bound for a hang, not a speed check: in a full build this class shares the machine with the
// rest of the suite.
@Timeout(300)
class EventStreamsIntegrationTests {

  @TempDir static Path dir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("wordvec.data.dir", () -> dir.resolve("data").toString());
    registry.add("wordvec.models.dir", () -> dir.resolve("models").toString());
    registry.add("wordvec.jobs.events.max-streams-per-job", () -> "2");
    registry.add("wordvec.jobs.events.buffer-size", () -> "64KB");
    registry.add("wordvec.jobs.events.write-timeout", () -> "30s");
  }

  @TestConfiguration
  static class HeldTrainer {
    @Bean
    @Primary
    FakeTrainingEngine heldEngine() {
      return new FakeTrainingEngine();
    }

    /**
     * Small, fixed socket send buffers: a client that does not read fills them after a few events
     * instead of the megabytes the kernel would otherwise grow them to.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallSendBuffers() {
      return factory ->
          factory.addConnectorCustomizers(
              connector -> connector.setProperty("socket.txBufSize", "8192"));
    }
  }

  @LocalServerPort int port;

  @Autowired FakeTrainingEngine engine;

  @Autowired JobService jobs;

  @Autowired JobEvents events;

  /** The job the test holds running. */
  private String held;

  /**
   * Lets the held job finish, and waits for its end: a job still writing its record when the test
   * class ends would race the removal of the temporary directory.
   */
  @AfterEach
  void release() throws Exception {
    engine.release();
    if (held != null) {
      jobs.find(held).orElseThrow().completion().get(120, TimeUnit.SECONDS);
    }
  }

  private String heldJob() throws InterruptedException {
    engine.hold();
    Http http = new Http(port);
    String corpus =
        http.post(
                "/api/v1/corpora", "text/plain", "a b c\nb c d\n".getBytes(StandardCharsets.UTF_8))
            .json()
            .get("id")
            .asString();
    String id =
        http.postJson(
                "/api/v1/jobs",
                Map.of("type", "train", "corpus", corpus, "outputModel", "m" + System.nanoTime()))
            .json()
            .get("id")
            .asString();
    held = id;
    assertThat(engine.awaitRunning()).isTrue();
    return id;
  }

  /** Opens a stream that reads its headers and first event, then never reads again. */
  private Socket stalledClient(String jobId) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.setSoTimeout(30_000);
    socket.connect(new InetSocketAddress("localhost", port));
    socket
        .getOutputStream()
        .write(
            ("GET /api/v1/jobs/"
                    + jobId
                    + "/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    StringBuilder seen = new StringBuilder();
    while (!seen.toString().contains("data: ") || !seen.toString().endsWith("\n\n")) {
      int b = in.read();
      assertThat(b).as("the stream ended before its first event").isNotNegative();
      seen.append((char) b);
    }
    assertThat(seen.toString()).startsWith("HTTP/1.1 200");
    return socket;
  }

  @Test
  void aClientThatStopsReadingIsDroppedWhileAnotherKeepsReceivingEveryEvent() throws Exception {
    String id = heldJob();
    Job job = jobs.find(id).orElseThrow();
    long droppedBefore = events.droppedStreams();
    // Far more than the stalled client's buffers hold (64 KB, and small socket buffers), and few
    // enough to publish quickly on a busy machine.
    int published = 300;
    // The publisher stays at most 10 events ahead of the reading client, so that only a client
    // that does not read at all falls behind.
    Semaphore window = new Semaphore(10);
    CountDownLatch all = new CountDownLatch(1);
    AtomicInteger received = new AtomicInteger();
    try (Socket stalled = stalledClient(id);
        Http.EventStream reading = new Http(port).events("/api/v1/jobs/" + id + "/events")) {
      assertThat(reading.next()).as("the current state comes first").isNotNull();
      Thread reader =
          new Thread(
              () -> {
                try {
                  while (reading.next() != null) {
                    window.release();
                    if (received.incrementAndGet() == published) {
                      all.countDown();
                    }
                  }
                } catch (IOException e) {
                  // the stream closed: the latch tells
                }
              });
      reader.setDaemon(true);
      reader.start();
      for (int i = 0; i < published; i++) {
        assertThat(window.tryAcquire(30, TimeUnit.SECONDS))
            .as("the reading client stalled at event %d", i)
            .isTrue();
        events.publish(job.view());
      }
      assertThat(all.await(60, TimeUnit.SECONDS)).as("received %s", received).isTrue();
      assertThat(events.droppedStreams()).isEqualTo(droppedBefore + 1);
      assertThat(events.openStreams()).containsEntry(id, 1);
    }
  }

  @Test
  void streamsBeyondTheCapOfAJobAreRefusedWith429() throws Exception {
    String id = heldJob();
    Http http = new Http(port);
    try (Http.EventStream first = http.events("/api/v1/jobs/" + id + "/events");
        Http.EventStream second = http.events("/api/v1/jobs/" + id + "/events")) {
      assertThat(first.next()).isNotNull();
      assertThat(second.next()).isNotNull();

      java.net.http.HttpResponse<String> third =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(
                              "http://localhost:" + port + "/api/v1/jobs/" + id + "/events"))
                      .header("Accept", "text/event-stream, application/problem+json")
                      // a refusal is immediate: a stream opened by mistake would never end
                      .timeout(java.time.Duration.ofSeconds(60))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());

      assertThat(third.statusCode()).isEqualTo(429);
      assertThat(third.headers().firstValue("Retry-After")).contains("10");
      assertThat(third.body()).contains("/problems/too-many-event-streams");
    }
  }
}
