package io.wordvec.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduling of training jobs ({@code wordvec.jobs.*}).
 *
 * @param maxRunning jobs that may run at once
 * @param maxQueued jobs that may wait; a submission beyond that is refused with 429
 * @param threads training threads of a job that does not ask for a number; 0 = half the cores, so
 *     queries stay responsive while a job trains
 * @param maxThreads the most training threads a job may ask for; 0 = all cores
 * @param eventsTimeout how long a progress event stream stays open at most
 * @param eventsHeartbeat how often a progress event stream carries a comment while nothing else
 *     happens, so that proxies do not close it as idle
 * @param retryAfter the {@code Retry-After} of a refused submission when no running job has an
 *     estimated end yet
 * @param maxFinished finished job records kept; beyond that the oldest are deleted
 */
@ConfigurationProperties("wordvec.jobs")
public record JobsProperties(
    @DefaultValue("1") int maxRunning,
    @DefaultValue("10") int maxQueued,
    @DefaultValue("0") int threads,
    @DefaultValue("0") int maxThreads,
    @DefaultValue("30m") Duration eventsTimeout,
    @DefaultValue("15s") Duration eventsHeartbeat,
    @DefaultValue("30s") Duration retryAfter,
    @DefaultValue("200") int maxFinished) {

  public JobsProperties {
    if (maxRunning < 1) {
      throw new IllegalArgumentException(
          "wordvec.jobs.max-running must be >= 1, was " + maxRunning);
    }
    if (maxQueued < 0) {
      throw new IllegalArgumentException("wordvec.jobs.max-queued must be >= 0, was " + maxQueued);
    }
    if (eventsHeartbeat == null || eventsHeartbeat.toMillis() < 1) {
      throw new IllegalArgumentException(
          "wordvec.jobs.events-heartbeat must be at least 1ms, was " + eventsHeartbeat);
    }
    if (retryAfter == null || retryAfter.toSeconds() < 1) {
      throw new IllegalArgumentException(
          "wordvec.jobs.retry-after must be at least 1s, was " + retryAfter);
    }
    if (maxFinished < 0) {
      throw new IllegalArgumentException(
          "wordvec.jobs.max-finished must be >= 0, was " + maxFinished);
    }
  }

  /** The most training threads a job may use. */
  int effectiveMaxThreads() {
    return maxThreads > 0 ? maxThreads : Runtime.getRuntime().availableProcessors();
  }

  /** Training threads of a job that does not choose. */
  int effectiveDefaultThreads() {
    int t = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    return Math.min(t, effectiveMaxThreads());
  }
}
