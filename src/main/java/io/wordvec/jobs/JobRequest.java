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
    Boolean overwrite) {}
