package io.wordvec.jobs;

import io.wordvec.train.TrainingListener;
import io.wordvec.train.TrainingPhase;
import io.wordvec.train.TrainingProgress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a Spark driver prints, sorted: its JSON progress lines (standard output, the format of
 * {@code wordvec-spark.jar}'s {@code JsonProgress}) become {@link TrainingListener} calls, so a
 * Spark job shows phases, words/s and epoch losses as a local one does; everything else (Spark's
 * warnings, stack traces, the closing message) goes to the service log, at most {@code logLines}
 * lines per job, and never into the job record. The driver's last error line ({@code wordvec train:
 * ...}) is kept as the reason of a failure, without absolute paths.
 *
 * <p>Each stream is read by its own daemon thread; the methods are synchronized across them.
 */
final class DriverOutput {

  private static final Logger log = LoggerFactory.getLogger(DriverOutput.class);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** How the driver's command line announces a failure (see {@code TrainingSession}). */
  private static final String ERROR_PREFIX = "wordvec train: ";

  /** Longest line copied to the log or kept as a reason. */
  private static final int MAX_LINE = 500;

  /**
   * A log line of the driver ({@code HH:mm:ss LEVEL logger: message}) or of a stack trace: not a
   * message of its own.
   */
  private static final Pattern NOISE =
      Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d |\\s|at |Caused by|\\.\\.\\. \\d+ more|Suppressed:)");

  /**
   * An absolute path, with an optional {@code file:} scheme, that is not part of a URL ({@code
   * spark://host:port}) or of a word ({@code words/s}): group 1 is its last segment.
   */
  private static final Pattern ABSOLUTE_PATH =
      Pattern.compile(
          "(?<![\\w/.:])(?:file:)?/(?:[^/\\s'\"`,;:()\\[\\]]+/)*([^/\\s'\"`,;:()\\[\\]]+)");

  private final String jobId;
  private final TrainingListener listener;
  private final int logLines;
  private int logged;
  private long unlogged;
  private String lastError;
  private String lastPlain;

  DriverOutput(String jobId, TrainingListener listener, int logLines) {
    this.jobId = jobId;
    this.listener = listener;
    this.logLines = logLines;
  }

  /**
   * Starts a daemon thread that reads {@code in} to its end, line by line.
   *
   * @param progress whether the stream carries the JSON progress lines (standard output)
   */
  Thread follow(InputStream in, String name, boolean progress) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  accept(line, progress);
                }
              } catch (IOException e) {
                // the process is gone and took its pipe with it: nothing more to read
              }
            },
            "spark-driver-" + name + "-" + jobId);
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  /** One line of the driver's output; only standard output has progress lines. */
  void accept(String line, boolean progress) {
    if (progress && line.startsWith("{") && event(line)) {
      return;
    }
    other(line);
  }

  /** A JSON progress line; false if the line is not one. */
  private boolean event(String line) {
    JsonNode event;
    try {
      event = JSON.readTree(line);
    } catch (JacksonException e) {
      return false;
    }
    if (event == null || !event.isObject() || !event.has("event")) {
      return false;
    }
    switch (event.path("event").asString("")) {
      case "progress" ->
          listener.onProgress(
              new TrainingProgress(
                  "vocabulary".equals(event.path("phase").asString(""))
                      ? TrainingPhase.VOCABULARY
                      : TrainingPhase.TRAINING,
                  event.path("epoch").asInt(0),
                  event.path("epochs").asInt(0),
                  event.path("wordsProcessed").asLong(0),
                  event.path("wordsExpected").asLong(0),
                  event.path("wordsPerSecond").asDouble(0),
                  event.path("alpha").asDouble(0)));
      case "epoch" ->
          listener.onEpochEnd(
              event.path("epoch").asInt(0),
              event.path("loss").asDouble(0),
              event.path("examples").asLong(0));
      case "summary" -> log.info("Job {}: Spark sync rounds: {}", jobId, line);
      default -> {
        // a sync round's figures, or an event a newer driver sends: nothing to show per round
      }
    }
    return true;
  }

  private synchronized void other(String line) {
    String text = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line;
    if (text.startsWith(ERROR_PREFIX)) {
      lastError = text.substring(ERROR_PREFIX.length()).trim();
    } else if (!text.isBlank() && !NOISE.matcher(text).find()) {
      lastPlain = text.trim();
    }
    if (logged < logLines) {
      logged++;
      log.info("Job {} Spark driver: {}", jobId, text);
    } else {
      unlogged++;
    }
  }

  /** Says in the log how much output was left out of it. */
  synchronized void finish() {
    if (unlogged > 0) {
      log.info(
          "Job {}: {} more line(s) of the Spark driver's output were not logged"
              + " (wordvec.spark.log-lines={})",
          jobId,
          unlogged,
          logLines);
    }
  }

  /** Why a driver that exited with {@code exitCode} failed, readable and without paths. */
  synchronized String failureReason(int exitCode) {
    if (lastError != null) {
      return withoutPaths(lastError);
    }
    String reason = "the Spark driver exited with code " + exitCode;
    if (lastPlain != null) {
      reason += ": " + lastPlain;
    }
    return withoutPaths(reason) + " (its output is in the service log)";
  }

  /** {@code text} with every absolute path (or {@code file:} URI) cut to its file name. */
  static String withoutPaths(String text) {
    Matcher m = ABSOLUTE_PATH.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
