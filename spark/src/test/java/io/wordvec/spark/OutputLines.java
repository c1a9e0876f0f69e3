package io.wordvec.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The lines a child process writes to one of its streams, read by a thread of their own as they
 * come (a child whose pipe nobody reads blocks once the pipe is full), so that a test can wait for
 * a line: the waiting is on the reader's notification, with a deadline, never a sleep.
 */
final class OutputLines {

  private final String name;
  private final List<String> lines = new ArrayList<>();
  private boolean ended;

  private OutputLines(String name) {
    this.name = name;
  }

  /** Starts reading {@code stream} (UTF-8) until it ends; {@code name} labels messages. */
  static OutputLines read(String name, InputStream stream) {
    OutputLines output = new OutputLines(name);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  output.add(line);
                }
              } catch (IOException e) {
                output.add("(reading " + name + " failed: " + e + ")");
              } finally {
                output.end();
              }
            },
            "output of " + name);
    reader.setDaemon(true);
    reader.start();
    return output;
  }

  private synchronized void add(String line) {
    lines.add(line);
    notifyAll();
  }

  private synchronized void end() {
    ended = true;
    notifyAll();
  }

  /**
   * The first line, already read or still to come, that {@code match} accepts.
   *
   * @throws AssertionError if the stream ends (the child died) or {@code timeout} passes first,
   *     with the last lines read
   */
  synchronized String await(String what, Predicate<String> match, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int seen = 0;
    while (true) {
      for (; seen < lines.size(); seen++) {
        if (match.test(lines.get(seen))) {
          return lines.get(seen);
        }
      }
      long left = deadline - System.nanoTime();
      if (ended || left <= 0) {
        throw new AssertionError(
            name
                + (ended ? " ended" : " went on for " + timeout.toSeconds() + " s")
                + " without "
                + what
                + "; its last lines:\n"
                + tail(40));
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** Waits, at most {@code timeout}, for the stream to end; whether it did. */
  synchronized boolean awaitEnd(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (long left = timeout.toNanos(); !ended && left > 0; left = deadline - System.nanoTime()) {
      wait(Math.max(1, left / 1_000_000));
    }
    return ended;
  }

  /** The lines read so far. */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** The last {@code count} lines read so far, one per line, for failure messages. */
  synchronized String tail(int count) {
    return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }
}
