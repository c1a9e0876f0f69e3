package io.wordvec.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Gauges of the job queue: jobs by state ({@code wordvec.jobs}, one series per state, so a queue
 * that fills up or failures that pile up can be alerted on) and the training throughput of the
 * running jobs ({@code wordvec.jobs.words.per.second}, summed over them). Labels are the fixed
 * states, never job ids.
 */
@Component
class JobMetrics implements MeterBinder {

  private final JobService jobs;

  JobMetrics(JobService jobs) {
    this.jobs = jobs;
  }

  @Override
  public void bindTo(MeterRegistry meters) {
    for (JobState state : JobState.values()) {
      Gauge.builder(
              "wordvec.jobs",
              jobs,
              service -> service.list().stream().filter(job -> job.state() == state).count())
          .description("Jobs known to the service, by state")
          .tag("state", state.name().toLowerCase(Locale.ROOT))
          .register(meters);
    }
    Gauge.builder(
            "wordvec.jobs.words.per.second",
            jobs,
            service ->
                service.list().stream()
                    .filter(job -> job.state() == JobState.RUNNING)
                    .mapToDouble(JobView::wordsPerSecond)
                    .sum())
        .description("Training throughput of the running jobs, in corpus words per second")
        .register(meters);
  }
}
