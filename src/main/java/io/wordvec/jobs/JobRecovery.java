package io.wordvec.jobs;

import io.wordvec.system.ApiException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Startup reconciliation of one job the service left unfinished (QUEUED or RUNNING in its record)
 * with what is on disk, deciding once and logging the decision once:
 *
 * <ul>
 *   <li>its model is served and was trained after the job was submitted: the service stopped after
 *       publishing it but before recording it, so the job SUCCEEDED, and its pending activation is
 *       applied;
 *   <li>otherwise its request is checked again as at submission (the corpus, the base model and the
 *       parameters must still be valid): it is queued again, and a training continues after its
 *       last checkpointed epoch;
 *   <li>a request that is no longer valid FAILS with the reason.
 * </ul>
 */
final class JobRecovery {

  private static final Logger log = LoggerFactory.getLogger(JobRecovery.class);

  /** What became of a job. */
  enum Outcome {
    /** Its model was published before the stop: now SUCCEEDED. */
    PUBLISHED,
    /** Queued again with its spec. */
    REQUEUED,
    /** Cannot run again: now FAILED with the reason. */
    FAILED,
    /** Cancelled meanwhile: nothing to do. */
    CANCELLED
  }

  private final JobRequestValidator validator;
  private final ModelCatalog models;
  private final JobStore store;

  JobRecovery(JobRequestValidator validator, ModelCatalog models, JobStore store) {
    this.validator = validator;
    this.models = models;
    this.store = store;
  }

  /** Decides what becomes of {@code job} (unfinished, without a spec) and applies it to it. */
  Outcome recover(Job job) {
    JobRecord record = job.record();
    String was = record.state().name();
    if (record.type() != JobType.INDEX) {
      Optional<ModelCatalog.Trained> published = publishedBy(record);
      if (published.isPresent()) {
        return published(job, record, published.get(), was);
      }
    }
    JobSpec spec;
    try {
      spec = validator.validate(requestOf(record));
    } catch (ApiException | IllegalArgumentException e) {
      String reason =
          "the service stopped while the job was "
              + was
              + ", and it cannot run again: "
              + e.getMessage();
      if (job.fail(reason, Instant.now())) {
        log.warn("Job {} was {} at the last stop and FAILED: {}", job.id(), was, e.getMessage());
        return Outcome.FAILED;
      }
      return Outcome.CANCELLED;
    }
    if (!job.resume(spec)) {
      return Outcome.CANCELLED;
    }
    if (record.state() == JobState.RUNNING && store.hasCheckpoint(job.id())) {
      log.info(
          "Job {} was RUNNING at the last stop: queued again, its training continues from its"
              + " checkpoint",
          job.id());
    } else if (record.state() == JobState.RUNNING) {
      log.info(
          "Job {} was RUNNING at the last stop, before its first checkpoint: queued again, from"
              + " the start",
          job.id());
    } else {
      log.info("Job {} was QUEUED at the last stop: queued again", job.id());
    }
    return Outcome.REQUEUED;
  }

  /**
   * The served model this job produced, if it published it: a model of its output name whose
   * training ended after the job was submitted (a model of that name from before, which the job
   * would overwrite, ended earlier; no other job could produce that name meanwhile).
   */
  private Optional<ModelCatalog.Trained> publishedBy(JobRecord record) {
    return models
        .trained(record.outputModel())
        .filter(trained -> !trained.createdAt().isBefore(record.createdAt()));
  }

  private Outcome published(Job job, JobRecord record, ModelCatalog.Trained trained, String was) {
    JobView.JobResult result =
        new JobView.JobResult(trained.words(), trained.evaluation(), null, null, trained.corpus());
    if (!job.publishedBeforeRestart(result, Instant.now())) {
      return Outcome.CANCELLED;
    }
    String activation = "";
    if (record.activate()) {
      try {
        models.activate(record.outputModel());
        activation = ", and it is now the default as the job asked";
      } catch (RuntimeException e) {
        activation = ", but it could not be made the default: " + e.getMessage();
      }
    }
    log.info(
        "Job {} was {} at the last stop, but its model '{}' had been published: SUCCEEDED{}",
        job.id(),
        was,
        record.outputModel(),
        activation);
    return Outcome.PUBLISHED;
  }

  /** The request the job was submitted with, its effective parameters included. */
  private static JobRequest requestOf(JobRecord record) {
    if (record.type() == JobType.INDEX) {
      return new JobRequest(
          record.type().apiName(), null, record.baseModel(), null, record.params(), null, null);
    }
    return new JobRequest(
        record.type().apiName(),
        record.corpus(),
        record.baseModel(),
        record.outputModel(),
        record.params(),
        record.activate(),
        record.overwrite(),
        record.engine() == null ? null : record.engine().apiName(),
        record.partitions(),
        record.wordsPerSync(),
        record.merge());
  }
}
