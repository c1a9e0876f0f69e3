package io.wordvec.jobs;

import io.wordvec.train.CancellationToken;
import io.wordvec.train.TrainingProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The live, mutable state of one job. Written by the runner thread and the training workers, read
 * by request threads: every access is synchronized, and readers get an immutable {@link JobView}.
 */
final class Job {

  private final String id;
  private final JobSpec spec;
  private final CancellationToken cancellation = new CancellationToken();
  private final Instant createdAt;
  private final JobRecord restored;
  private final CompletableFuture<JobView> completion = new CompletableFuture<>();

  private JobState state = JobState.QUEUED;
  private JobPhase phase;
  private int epoch;
  private int epochs;
  private long wordsProcessed;
  private long wordsExpected;
  private double wordsPerSecond;
  private double alpha;
  private double progress;
  private final List<JobView.EpochLoss> losses = new ArrayList<>();
  private Instant startedAt;
  private Instant finishedAt;
  private String model;
  private String error;
  private JobView.JobResult result;

  Job(String id, JobSpec spec, Instant createdAt) {
    this.id = id;
    this.spec = spec;
    this.createdAt = createdAt;
    this.restored = null;
    // An index job makes one pass over the model's rows.
    this.epochs =
        spec.trainingConfig() != null
            ? spec.trainingConfig().epochs()
            : spec.fineTuneOptions() != null ? spec.fineTuneOptions().epochs() : 1;
  }

  /** A finished job read back from its record; it never runs again. */
  Job(JobRecord record) {
    this.id = record.id();
    this.spec = null;
    this.createdAt = record.createdAt();
    this.restored = record;
    this.state = record.state();
    completion.complete(record.view());
  }

  String id() {
    return id;
  }

  JobSpec spec() {
    return spec;
  }

  Instant createdAt() {
    return createdAt;
  }

  CancellationToken cancellation() {
    return cancellation;
  }

  /** Completes with the final snapshot once the job has finished, whichever way. */
  CompletableFuture<JobView> completion() {
    return completion;
  }

  synchronized JobState state() {
    return state;
  }

  /** Moves a queued job to RUNNING; false if it was cancelled meanwhile. */
  synchronized boolean start(Instant now) {
    if (state != JobState.QUEUED) {
      return false;
    }
    state = JobState.RUNNING;
    startedAt = now;
    return true;
  }

  synchronized void phase(JobPhase value) {
    phase = value;
  }

  /**
   * Enters the SAVING phase unless a cancel came first. From then on the job can no longer be
   * cancelled: the model is written atomically and registered, and undoing that half-way (an
   * overwritten model is already gone) would leave less than either outcome.
   *
   * @return false if the job was cancelled and must stop instead
   */
  synchronized boolean startSaving() {
    if (cancellation.isCancelled()) {
      return false;
    }
    phase = JobPhase.SAVING;
    return true;
  }

  /** When the job reached a final state (null while it has not). */
  synchronized Instant finishedAt() {
    return restored != null ? restored.finishedAt() : finishedAt;
  }

  synchronized void progress(TrainingProgress p) {
    epoch = p.epoch();
    epochs = p.epochs();
    wordsProcessed = p.wordsProcessed();
    wordsExpected = p.wordsExpected();
    wordsPerSecond = p.wordsPerSecond();
    alpha = p.alpha();
    progress = p.fraction();
  }

  synchronized void epochEnd(int epochNumber, double loss, long examples) {
    losses.add(
        new JobView.EpochLoss(epochNumber, loss, examples, examples == 0 ? 0 : loss / examples));
  }

  synchronized void succeed(String modelName, JobView.JobResult jobResult, Instant now) {
    state = JobState.SUCCEEDED;
    model = modelName;
    result = jobResult;
    // A training that returned has processed every word of every epoch, whatever the last
    // (rate-limited) progress event said.
    epoch = epochs;
    if (wordsExpected > 0) {
      wordsProcessed = wordsExpected;
    }
    progress = 1.0;
    phase = null;
    finishedAt = now;
  }

  synchronized void fail(String message, Instant now) {
    state = JobState.FAILED;
    error = message;
    finishedAt = now;
  }

  /** What a cancel request did. */
  enum CancelOutcome {
    /** The job was queued and is now CANCELLED. */
    CANCELLED,
    /** The job runs and stops as soon as its training notices. */
    STOPPING,
    /** The job is saving its model and can no longer be cancelled. */
    SAVING,
    /** The job had already finished. */
    FINISHED
  }

  /**
   * Asks the job to stop. A queued job is cancelled at once; a running one when its training
   * notices the token; one that is saving its model not at all.
   */
  synchronized CancelOutcome cancel(Instant now) {
    if (state.isFinal()) {
      return CancelOutcome.FINISHED;
    }
    if (phase == JobPhase.SAVING) {
      return CancelOutcome.SAVING;
    }
    cancellation.cancel();
    if (state == JobState.QUEUED) {
      state = JobState.CANCELLED;
      finishedAt = now;
      return CancelOutcome.CANCELLED;
    }
    return CancelOutcome.STOPPING;
  }

  synchronized void cancelled(Instant now) {
    state = JobState.CANCELLED;
    finishedAt = now;
  }

  /** What the data directory keeps of this job now. */
  synchronized JobRecord record() {
    if (restored != null) {
      return restored;
    }
    return new JobRecord(
        id,
        spec.type(),
        state,
        spec.corpus(),
        spec.baseModel(),
        spec.outputModel(),
        spec.activate(),
        spec.overwrite(),
        spec.params(),
        epoch,
        epochs,
        wordsProcessed,
        wordsExpected,
        List.copyOf(losses),
        createdAt,
        startedAt,
        finishedAt,
        model,
        error,
        result);
  }

  /** The API's snapshot of this job now: its record plus the live figures of a running job. */
  synchronized JobView view() {
    if (restored != null) {
      return restored.view();
    }
    Long eta = null;
    if (state == JobState.RUNNING && wordsPerSecond > 0 && wordsExpected > 0) {
      eta = (long) Math.ceil(Math.max(0, wordsExpected - wordsProcessed) / wordsPerSecond);
    }
    return record().view(state.isFinal() ? null : phase, wordsPerSecond, alpha, progress, eta);
  }
}
