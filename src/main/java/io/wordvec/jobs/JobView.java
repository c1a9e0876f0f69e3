package io.wordvec.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wordvec.train.CorpusStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of a job as the API shows it and as its JSON record on disk stores it.
 *
 * @param id job id
 * @param type train or fine-tune
 * @param state lifecycle state
 * @param phase what a running job is doing (null before it starts)
 * @param corpus id of the training corpus
 * @param baseModel the model a fine-tuning starts from (null for train)
 * @param outputModel name the finished model is registered under
 * @param activate whether the finished model becomes the default
 * @param overwrite whether an existing model of that name may be replaced
 * @param params the effective training parameters, defaults filled in
 * @param epoch 1-based epoch being trained (0 before training)
 * @param epochs total epochs
 * @param wordsProcessed corpus words processed so far, over all epochs
 * @param wordsExpected corpus words to process over all epochs
 * @param wordsPerSecond recent throughput
 * @param alpha current learning rate
 * @param progress fraction done in [0, 1]
 * @param etaSeconds estimated seconds until training ends (null when unknown)
 * @param losses loss of each finished epoch
 * @param createdAt when the job was submitted
 * @param startedAt when it started running
 * @param finishedAt when it reached a final state
 * @param model the resulting model's name, once it is registered
 * @param error why the job failed, readable
 * @param result evaluation scores and, for fine-tuning, drift
 * @param restarts how often a restart of the service took the unfinished job up again (absent:
 *     never)
 * @param resumedAfterEpoch the last completed epoch the job's latest run continued after, from its
 *     checkpoint (absent: it never resumed from one)
 * @param engine where a train or fine-tune job trains: local or spark (absent for index jobs)
 * @param partitions a Spark job's partitions (absent otherwise)
 * @param wordsPerSync a Spark job's words per sync (absent otherwise)
 * @param merge a Spark job's merge rule, adasum or mean (absent otherwise)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JobView(
    String id,
    JobType type,
    JobState state,
    JobPhase phase,
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
    double wordsPerSecond,
    double alpha,
    double progress,
    Long etaSeconds,
    List<EpochLoss> losses,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String model,
    String error,
    JobResult result,
    Integer restarts,
    Integer resumedAfterEpoch,
    JobEngine engine,
    Integer partitions,
    Long wordsPerSync,
    String merge) {

  /**
   * Loss of one epoch.
   *
   * @param epoch 1-based epoch
   * @param loss negative-sampling loss summed over the epoch
   * @param examples training examples the loss is summed over
   * @param meanLoss loss per example
   */
  record EpochLoss(int epoch, double loss, long examples, double meanLoss) {}

  /**
   * What a finished job measured.
   *
   * @param vocabularySize words in the resulting model
   * @param evaluation scores of the resulting model on the bundled evaluation sets
   * @param baseEvaluation scores of the base model, for fine-tuning
   * @param drift how far fine-tuning moved the pre-existing words
   * @param corpus what the training read of its corpus: sentences, tokens, distinct words, tokens
   *     cut to the word-length limit ({@code truncatedTokens})
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record JobResult(
      int vocabularySize,
      Map<String, Double> evaluation,
      Map<String, Double> baseEvaluation,
      DriftView drift,
      CorpusStats corpus) {}

  /**
   * Fine-tuning drift (see {@code io.wordvec.eval.Drift}).
   *
   * @param meanCosineShift mean {@code 1 - cos(before, after)} over the pre-existing words
   * @param sharedWords pre-existing words compared
   * @param neighborOverlap mean fraction of the top-10 neighbours kept, over the most frequent
   *     words
   * @param sampledWords most frequent words whose neighbours were compared
   * @param newWords words the fine-tuning added
   */
  record DriftView(
      double meanCosineShift,
      int sharedWords,
      double neighborOverlap,
      int sampledWords,
      int newWords) {}
}
