package io.wordvec.jobs;

import io.wordvec.train.CancellationToken;
import io.wordvec.train.TrainingProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * The live, mutable state of one job. Written by the runner thread and the training workers, read
 * by request threads: every access is synchronized, and readers get an immutable {@link JobView}.
 *
 * <p>States only move forward: QUEUED, RUNNING, then one final state (SUCCEEDED, FAILED or
 * CANCELLED) that nothing changes afterwards, so a late success cannot overwrite a failure or a
 * cancellation. A job read back from an unfinished record after a restart has no spec until {@link
 * #resume} gives it one (or it is finished without running: {@link #publishedBeforeRestart}, {@link
 * #fail}).
 */
final class Job {

  private final String id;
  private final JobType type;
  private final String corpus;
  private final String baseModel;
  private final String outputModel;
  private final boolean activate;
  private final boolean overwrite;
  private final Map<String, Object> params;
  private final JobEngine engine;
  private final Integer partitions;
  private final Long wordsPerSync;
  private final String merge;
  private final CancellationToken cancellation = new CancellationToken();
  private final Instant createdAt;
  private final CompletableFuture<JobView> completion = new CompletableFuture<>();

  private JobSpec spec;
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
  private Integer restarts;
  private Integer resumedAfterEpoch;
  private long snapshots;

  Job(String id, JobSpec spec, Instant createdAt) {
    this.id = id;
    this.spec = spec;
    this.type = spec.type();
    this.corpus = spec.corpus();
    this.baseModel = spec.baseModel();
    this.outputModel = spec.outputModel();
    this.activate = spec.activate();
    this.overwrite = spec.overwrite();
    this.params = spec.params();
    this.engine = spec.engine();
    this.partitions = spec.partitions();
    this.wordsPerSync = spec.wordsPerSync();
    this.merge = spec.merge();
    this.createdAt = createdAt;
    // An index job makes one pass over the model's rows.
    this.epochs =
        spec.trainingConfig() != null
            ? spec.trainingConfig().epochs()
            : spec.fineTuneOptions() != null ? spec.fineTuneOptions().epochs() : 1;
  }

  /**
   * A job read back from its record. A finished one never runs again; an unfinished one (the
   * service stopped while it was queued or running) waits, in its recorded state, until startup
   * recovery resumes or finishes it.
   */
  Job(JobRecord record) {
    this.id = record.id();
    this.spec = null;
    this.type = record.type();
    this.corpus = record.corpus();
    this.baseModel = record.baseModel();
    this.outputModel = record.outputModel();
    this.activate = record.activate();
    this.overwrite = record.overwrite();
    this.params = record.params();
    // records from before jobs had engines trained locally
    this.engine =
        record.engine() == null && record.type() != JobType.INDEX
            ? JobEngine.LOCAL
            : record.engine();
    this.partitions = record.partitions();
    this.wordsPerSync = record.wordsPerSync();
    this.merge = record.merge();
    this.createdAt = record.createdAt();
    this.state = record.state();
    this.epoch = record.epoch();
    this.epochs = record.epochs();
    this.wordsProcessed = record.wordsProcessed();
    this.wordsExpected = record.wordsExpected();
    if (record.losses() != null) {
      this.losses.addAll(record.losses());
    }
    this.startedAt = record.startedAt();
    this.finishedAt = record.finishedAt();
    this.model = record.model();
    this.error = record.error();
    this.result = record.result();
    this.restarts = record.restarts();
    this.resumedAfterEpoch = record.resumedAfterEpoch();
    this.progress = record.view().progress();
    if (state.isFinal()) {
      completion.complete(record.view());
    }
  }

  String id() {
    return id;
  }

  /** What the job does; null for an unfinished job read back from its record, until resumed. */
  synchronized JobSpec spec() {
    return spec;
  }

  JobType type() {
    return type;
  }

  /** The model the job produces (for an index job: the model it indexes). */
  String outputModel() {
    return outputModel;
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

  synchronized Integer restarts() {
    return restarts;
  }

  /**
   * Moves a queued job to RUNNING; false if it was cancelled meanwhile, or the service is stopping
   * (checked under the same lock as {@link #cancelIfRunning}, so that a job either never starts or
   * is cancelled by the shutdown).
   */
  synchronized boolean start(Instant now, BooleanSupplier shuttingDown) {
    if (state != JobState.QUEUED || spec == null || shuttingDown.getAsBoolean()) {
      return false;
    }
    state = JobState.RUNNING;
    if (startedAt == null) {
      startedAt = now;
    }
    return true;
  }

  /** Asks a running job to stop (the service is stopping); queued and finished jobs stay. */
  synchronized void cancelIfRunning() {
    if (state == JobState.RUNNING) {
      cancellation.cancel();
    }
  }

  /**
   * Gives an unfinished job read back after a restart its spec and queues it again.
   *
   * @return false if it was cancelled meanwhile (it then stays CANCELLED)
   */
  synchronized boolean resume(JobSpec resumed) {
    if (state.isFinal()) {
      return false;
    }
    spec = resumed;
    state = JobState.QUEUED;
    phase = null;
    restarts = restarts == null ? 1 : restarts + 1;
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
    return finishedAt;
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
    // a run that started over after a restart reports epochs an earlier run reported already
    losses.removeIf(l -> l.epoch() >= epochNumber);
    losses.add(
        new JobView.EpochLoss(epochNumber, loss, examples, examples == 0 ? 0 : loss / examples));
  }

  /** The training continues after {@code epochsDone}, from the checkpoint of an earlier run. */
  synchronized void resumedAfter(int epochsDone) {
    resumedAfterEpoch = epochsDone;
    losses.removeIf(l -> l.epoch() > epochsDone);
  }

  /**
   * @return false if the job had already reached a final state, which stays
   */
  synchronized boolean succeed(String modelName, JobView.JobResult jobResult, Instant now) {
    if (state.isFinal()) {
      return false;
    }
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
    return true;
  }

  /**
   * A job whose model was published just before the service stopped, before its record said so: it
   * succeeded.
   */
  synchronized boolean publishedBeforeRestart(JobView.JobResult jobResult, Instant now) {
    return succeed(outputModel, jobResult, now);
  }

  /**
   * @return false if the job had already reached a final state, which stays
   */
  synchronized boolean fail(String message, Instant now) {
    if (state.isFinal()) {
      return false;
    }
    state = JobState.FAILED;
    error = message;
    finishedAt = now;
    return true;
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
   * Asks the job to stop. A queued job (or one waiting for startup recovery) is cancelled at once;
   * a running one when its training notices the token; one that is saving its model not at all.
   */
  synchronized CancelOutcome cancel(Instant now) {
    if (state.isFinal()) {
      return CancelOutcome.FINISHED;
    }
    if (phase == JobPhase.SAVING) {
      return CancelOutcome.SAVING;
    }
    cancellation.cancel();
    if (state == JobState.QUEUED || spec == null) {
      state = JobState.CANCELLED;
      finishedAt = now;
      return CancelOutcome.CANCELLED;
    }
    return CancelOutcome.STOPPING;
  }

  /**
   * @return false if the job had already reached a final state, which stays
   */
  synchronized boolean cancelled(Instant now) {
    if (state.isFinal()) {
      return false;
    }
    state = JobState.CANCELLED;
    finishedAt = now;
    return true;
  }

  /** What the data directory keeps of this job now. */
  synchronized JobRecord record() {
    return new JobRecord(
        id,
        type,
        state,
        corpus,
        baseModel,
        outputModel,
        activate,
        overwrite,
        params,
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
        result,
        restarts,
        resumedAfterEpoch,
        engine,
        partitions,
        wordsPerSync,
        merge);
  }

  /**
   * The job now, numbered for its event streams: snapshots are numbered in the order they are taken
   * under this job's lock, so a higher number never shows an older state. Threads that publish
   * concurrently (an index build's workers, a cancel beside the runner) may deliver snapshots out
   * of order; a stream keeps the newest ({@link EventStream#send(long, byte[], boolean)}).
   */
  synchronized Snapshot snapshot() {
    return new Snapshot(++snapshots, view());
  }

  /**
   * A numbered snapshot of a job.
   *
   * @param sequence its number, from 1, increasing with every snapshot of the same job
   * @param view the job as the API shows it
   */
  record Snapshot(long sequence, JobView view) {}

  /** The API's snapshot of this job now: its record plus the live figures of a running job. */
  synchronized JobView view() {
    Long eta = null;
    if (state == JobState.RUNNING && wordsPerSecond > 0 && wordsExpected > 0) {
      eta = (long) Math.ceil(Math.max(0, wordsExpected - wordsProcessed) / wordsPerSecond);
    }
    return record().view(state.isFinal() ? null : phase, wordsPerSecond, alpha, progress, eta);
  }
}
