package io.wordvec.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small blocking HTTP client for the integration tests, speaking JSON and Server-Sent Events. */
final class Http {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final Map<String, String> headers;

  Http(int port) {
    this(port, Map.of());
  }

  Http(int port, Map<String, String> headers) {
    this.base = "http://localhost:" + port;
    this.headers = headers;
  }

  /** A client for the same server that sends these headers too. */
  Http with(String name, String value) {
    Http other =
        new Http(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), Map.of(name, value));
    return other;
  }

  record Response(int status, Map<String, List<String>> headers, String body) {
    JsonNode json() {
      return JSON.readTree(body);
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse(null);
    }
  }

  Response get(String path) {
    return send(request(path).GET());
  }

  Response delete(String path) {
    return send(request(path).DELETE());
  }

  Response postJson(String path, Object body) {
    String json = body instanceof String s ? s : JSON.writeValueAsString(body);
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Response post(String path, String contentType, byte[] body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  Response multipart(String path, String fileName, byte[] content) {
    String boundary = "----wordvec-test-boundary";
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return post(path, "multipart/form-data; boundary=" + boundary, body);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
            .timeout(Duration.ofSeconds(60));
    headers.forEach(b::header);
    return b;
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One Server-Sent Event. */
  record Event(String name, JsonNode data) {}

  /** An open event stream; read events one by one. */
  final class EventStream implements AutoCloseable {
    private final BufferedReader reader;
    private final HttpResponse<java.io.InputStream> response;

    private EventStream(HttpResponse<java.io.InputStream> response) {
      this.response = response;
      this.reader =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    int status() {
      return response.statusCode();
    }

    /** The next event, or null at the end of the stream. */
    Event next() throws IOException {
      String name = "message";
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            return new Event(name, JSON.readTree(data.toString()));
          }
          continue;
        }
        if (line.startsWith("event:")) {
          name = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).trim());
        }
      }
      return null;
    }

    /**
     * Reads raw lines until a comment line ({@code :text}) and returns its text, or null if the
     * stream ends first. Event lines read meanwhile are consumed.
     */
    String nextComment() throws IOException {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith(":")) {
          return line.substring(1);
        }
      }
      return null;
    }

    /** Reads until an event matches, or the stream ends (then null). */
    Event until(java.util.function.Predicate<Event> match) throws IOException {
      Event e;
      while ((e = next()) != null) {
        if (match.test(e)) {
          return e;
        }
      }
      return null;
    }

    /** Every remaining event. */
    List<Event> rest() throws IOException {
      List<Event> out = new ArrayList<>();
      Event e;
      while ((e = next()) != null) {
        out.add(e);
      }
      return out;
    }

    /**
     * Closes the connection's stream itself, not the reader: another thread may be blocked in the
     * reader, holding its lock, and closing the stream is what ends that read.
     */
    @Override
    public void close() throws IOException {
      response.body().close();
    }
  }

  EventStream events(String path) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Accept", "text/event-stream")
              .GET();
      headers.forEach(b::header);
      return new EventStream(client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Follows a job's event stream to its end and returns the final job. Bounded: the server closes
   * the stream when the job ends, and the test's own timeout guards the rest.
   */
  JsonNode awaitEnd(String jobId) throws IOException {
    try (EventStream stream = events("/api/v1/jobs/" + jobId + "/events")) {
      Event end = stream.until(e -> e.name().equals("end"));
      if (end == null) {
        throw new AssertionError("event stream of job " + jobId + " closed without an end event");
      }
      return end.data();
    }
  }
}
