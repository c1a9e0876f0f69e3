package io.wordvec.jobs;

import io.wordvec.index.HnswParameters;
import io.wordvec.train.FineTuneOptions;
import io.wordvec.train.TrainingConfig;
import java.util.Map;

/**
 * A validated job request: everything the runner needs, nothing left to check.
 *
 * @param trainingConfig settings of a train job (null for fine-tune)
 * @param fineTuneOptions settings of a fine-tune job (null for train)
 * @param params the effective parameters as the API shows them
 * @param indexParameters how an index job builds its graph (null for the others); an index job's
 *     {@code baseModel} and {@code outputModel} are the model it indexes, and it has no corpus
 * @param engine where the job trains (null for index jobs)
 * @param partitions a Spark job's partitions (null for the local engine)
 * @param wordsPerSync a Spark job's words per sync (null for the local engine)
 * @param merge a Spark job's merge rule, {@code adasum} or {@code mean} (null for the local engine)
 */
record JobSpec(
    JobType type,
    String corpus,
    String baseModel,
    String outputModel,
    boolean activate,
    boolean overwrite,
    TrainingConfig trainingConfig,
    FineTuneOptions fineTuneOptions,
    Map<String, Object> params,
    HnswParameters indexParameters,
    JobEngine engine,
    Integer partitions,
    Long wordsPerSync,
    String merge) {

  /** A job on the local engine (or an index job, which has none). */
  JobSpec(
      JobType type,
      String corpus,
      String baseModel,
      String outputModel,
      boolean activate,
      boolean overwrite,
      TrainingConfig trainingConfig,
      FineTuneOptions fineTuneOptions,
      Map<String, Object> params,
      HnswParameters indexParameters) {
    this(
        type,
        corpus,
        baseModel,
        outputModel,
        activate,
        overwrite,
        trainingConfig,
        fineTuneOptions,
        params,
        indexParameters,
        type == JobType.INDEX ? null : JobEngine.LOCAL,
        null,
        null,
        null);
  }

  /** Whether the job trains on Spark. */
  boolean onSpark() {
    return engine == JobEngine.SPARK;
  }
}
