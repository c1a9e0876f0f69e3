package io.wordvec.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the data directory keeps of a job ({@code <data>/jobs/<id>.json}): the request with its
 * effective parameters, the lifecycle and the results; not the live figures of a running job
 * (throughput, learning rate, ETA), which mean nothing after a restart. Separate from the API's
 * {@link JobView} so that either can change without the other; records written by earlier versions
 * (which stored the view) read as records, their extra fields ignored.
 *
 * @param id job id
 * @param type train or fine-tune
 * @param state lifecycle state when the record was written
 * @param corpus id of the training corpus
 * @param baseModel the model a fine-tuning starts from (null for train)
 * @param outputModel name the finished model is registered under
 * @param activate whether the finished model becomes the default
 * @param overwrite whether an existing model of that name may be replaced
 * @param params the effective training parameters, defaults filled in
 * @param epoch 1-based epoch reached (0 before training)
 * @param epochs total epochs
 * @param wordsProcessed corpus words processed, over all epochs
 * @param wordsExpected corpus words to process over all epochs
 * @param losses loss of each finished epoch
 * @param createdAt when the job was submitted
 * @param startedAt when it started running
 * @param finishedAt when it reached a final state
 * @param model the resulting model's name, once registered
 * @param error why the job failed, readable
 * @param result evaluation scores and, for fine-tuning, drift
 * @param restarts how often a restart of the service took the unfinished job up again (null: never)
 * @param resumedAfterEpoch the last completed epoch its latest run continued after, from a
 *     checkpoint (null: it never resumed from one)
 * @param engine where a train or fine-tune job trains (null: an index job, or a record written
 *     before jobs had engines, which trained locally)
 * @param partitions a Spark job's partitions (null otherwise)
 * @param wordsPerSync a Spark job's words per sync (null otherwise)
 * @param merge a Spark job's merge rule (null otherwise, and in records written before jobs had
 *     one, whose driver merged by the mean)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JobRecord(
    String id,
    JobType type,
    JobState state,
    String corpus,
    String baseModel,
    String outputModel,
    boolean activate,
    boolean overwrite,
    Map<String, Object> params,
    int epoch,
    int epochs,
    long wordsProcessed,
    long wordsExpected,
    List<JobView.EpochLoss> losses,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String model,
    String error,
    JobView.JobResult result,
    Integer restarts,
    Integer resumedAfterEpoch,
    JobEngine engine,
    Integer partitions,
    Long wordsPerSync,
    String merge) {

  /** This record as a finished job that failed for {@code reason} at {@code now}. */
  JobRecord failed(String reason, Instant now) {
    return new JobRecord(
        id,
        type,
        JobState.FAILED,
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
        losses,
        createdAt,
        startedAt,
        now,
        null,
        reason,
        null,
        restarts,
        resumedAfterEpoch,
        engine,
        partitions,
        wordsPerSync,
        merge);
  }

  /**
   * The API's view of a job known only from its record: no live figures; progress is what the
   * record says was processed.
   */
  JobView view() {
    double progress =
        state == JobState.SUCCEEDED
            ? 1.0
            : wordsExpected > 0 ? Math.min(1.0, (double) wordsProcessed / wordsExpected) : 0;
    return view(null, 0, 0, progress, null);
  }

  /** The API's view of this record with the live figures of a job that may be running. */
  JobView view(JobPhase phase, double wordsPerSecond, double alpha, double progress, Long eta) {
    return new JobView(
        id,
        type,
        state,
        phase,
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
        wordsPerSecond,
        alpha,
        progress,
        eta,
        losses == null ? List.of() : losses,
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
}
