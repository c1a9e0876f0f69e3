package io.wordvec.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the progress event streams ({@code wordvec.jobs.events.*}); their life and heartbeat
 * are {@link JobsProperties#eventsTimeout} and {@link JobsProperties#eventsHeartbeat}.
 *
 * @param maxStreams open streams in all; one more is refused with 429
 * @param maxStreamsPerJob open streams of one job; one more is refused with 429
 * @param bufferSize events waiting for one slow client, in bytes; a client that falls further
 *     behind is dropped (it can reconnect, or poll the job)
 * @param writeTimeout how long a client may accept nothing while events wait for it before it is
 *     dropped
 */
@ConfigurationProperties("wordvec.jobs.events")
public record EventStreamsProperties(
    @DefaultValue("64") int maxStreams,
    @DefaultValue("8") int maxStreamsPerJob,
    @DefaultValue("256KB") DataSize bufferSize,
    @DefaultValue("10s") Duration writeTimeout) {

  public EventStreamsProperties {
    if (maxStreams < 1 || maxStreamsPerJob < 1) {
      throw new IllegalArgumentException(
          "wordvec.jobs.events.max-streams and max-streams-per-job must be >= 1, were "
              + maxStreams
              + " and "
              + maxStreamsPerJob);
    }
    if (bufferSize == null || bufferSize.toBytes() < 4096 || bufferSize.toBytes() > 64L << 20) {
      throw new IllegalArgumentException(
          "wordvec.jobs.events.buffer-size must be between 4KB and 64MB, was " + bufferSize);
    }
    if (writeTimeout == null || writeTimeout.toMillis() < 100) {
      throw new IllegalArgumentException(
          "wordvec.jobs.events.write-timeout must be at least 100ms, was " + writeTimeout);
    }
  }

  /** The defaults, for tests and callers without Spring. */
  static EventStreamsProperties defaults() {
    return new EventStreamsProperties(64, 8, DataSize.ofKilobytes(256), Duration.ofSeconds(10));
  }
}
