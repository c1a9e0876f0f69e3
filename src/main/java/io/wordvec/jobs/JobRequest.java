package io.wordvec.jobs;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * A job submission as the client sends it; {@link JobRequestValidator} checks every field.
 *
 * @param type {@code train} or {@code fine-tune}
 * @param corpus id of an uploaded corpus
 * @param baseModel the model to fine-tune (fine-tune only)
 * @param outputModel name of the resulting model: letters, digits, {@code -} and {@code _}
 * @param params training parameters; missing ones take their defaults
 * @param activate make the finished model the default
 * @param overwrite replace an existing model of the same name
 */
record JobRequest(
    @Schema(
            example = "train",
            allowableValues = {"train", "fine-tune"})
        String type,
    @Schema(example = "3f2a9c0d1b7e") String corpus,
    @Schema(example = "default") String baseModel,
    @Schema(example = "my-model") String outputModel,
    @Schema(
            description =
                "train: sg (true = skip-gram, false = CBOW), dim, window, negative, sample,"
                    + " minCount, maxVocab, epochs, alpha, minAlpha, threads, seed; fine-tune:"
                    + " epochs, alpha, minAlpha, minCount, lockFactor (0 frozen .. 1 free),"
                    + " threads, seed",
            example = "{\"dim\": 100, \"epochs\": 5, \"minCount\": 5}")
        Map<String, Object> params,
    Boolean activate,
    Boolean overwrite) {}
