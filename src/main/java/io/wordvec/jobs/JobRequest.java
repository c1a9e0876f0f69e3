package io.wordvec.jobs;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * A job submission as the client sends it; {@link JobRequestValidator} checks every field.
 *
 * @param type {@code train}, {@code fine-tune} or {@code index}
 * @param corpus id of an uploaded corpus (not for index)
 * @param baseModel the model to fine-tune, or to index
 * @param outputModel name of the resulting model: letters, digits, {@code -} and {@code _} (not for
 *     index, which writes the index beside its model)
 * @param params training or index parameters; missing ones take their defaults
 * @param activate make the finished model the default
 * @param overwrite replace an existing model of the same name
 * @param engine where a train job runs: {@code local} (the default) or {@code spark}
 * @param partitions Spark jobs: corpus partitions trained in parallel (default 1)
 * @param wordsPerSync Spark jobs: corpus words all partitions train between two merges of their
 *     models (default 1,000,000)
 * @param merge Spark jobs: how a sync merges the partitions' changes, {@code adasum} (the default)
 *     or {@code mean}
 */
record JobRequest(
    @Schema(
            example = "train",
            allowableValues = {"train", "fine-tune", "index"})
        String type,
    @Schema(example = "3f2a9c0d1b7e") String corpus,
    @Schema(example = "default") String baseModel,
    @Schema(example = "my-model") String outputModel,
    @Schema(
            description =
                "train: sg (true = skip-gram, false = CBOW), dim, window, negative, sample,"
                    + " minCount, maxVocab, epochs, alpha, minAlpha, schedule (linear or"
                    + " per-worker-sawtooth), threads, seed; fine-tune: epochs, alpha, minAlpha,"
                    + " schedule, minCount, lockFactor (0 frozen .. 1 free), threads, seed; index:"
                    + " degree, beamWidth, threads",
            example = "{\"dim\": 100, \"epochs\": 5, \"minCount\": 5}")
        Map<String, Object> params,
    Boolean activate,
    Boolean overwrite,
    @Schema(
            description =
                "Where a train job runs: local (in the service, the default) or spark (the"
                    + " service starts wordvec-spark.jar's driver against wordvec.spark.master;"
                    + " needs wordvec.spark.jar). Fine-tune and index jobs run locally. On Spark,"
                    + " subwords, phrases, the per-worker-sawtooth schedule and maxSentenceLength"
                    + " are not available, and threads is not used (partitions train in parallel)",
            allowableValues = {"local", "spark"},
            example = "spark")
        String engine,
    @Schema(
            description =
                "Spark jobs: corpus partitions trained in parallel from the same model, merged at"
                    + " every sync (1 to 4096, default 1)",
            example = "2")
        Integer partitions,
    @Schema(
            description =
                "Spark jobs: corpus words all partitions train between two merges of their models"
                    + " (at least 1000, default 1000000); keep it a few percent of the corpus per"
                    + " partition or less",
            example = "1000000")
        Long wordsPerSync,
    @Schema(
            description =
                "Spark jobs: how a sync merges the partitions' changes to a word's vector: adasum"
                    + " (the default; changes that point different ways add up, repeated ones"
                    + " count once) or mean (their update-weighted mean; with many partitions"
                    + " frequent words then learn about K times slower)",
            allowableValues = {"adasum", "mean"},
            example = "adasum")
        String merge) {

  /** A request for the local engine. */
  JobRequest(
      String type,
      String corpus,
      String baseModel,
      String outputModel,
      Map<String, Object> params,
      Boolean activate,
      Boolean overwrite) {
    this(type, corpus, baseModel, outputModel, params, activate, overwrite, null, null, null, null);
  }
}
