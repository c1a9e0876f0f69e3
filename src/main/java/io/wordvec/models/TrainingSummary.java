package io.wordvec.models;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import io.wordvec.train.Architecture;
import io.wordvec.train.TrainingConfig;

/**
 * How a model was trained, as its summary says it: every setting under the job API's names ({@link
 * TrainParams}), plus {@code architecture} and {@code dimension}, the names earlier versions of the
 * summary used, kept so that clients reading them do not break.
 *
 * @param params every setting, under the job API's names
 * @param architecture {@code SKIP_GRAM} or {@code CBOW}; the same as {@code sg}
 * @param dimension the same as {@code dim}
 */
public record TrainingSummary(
    @JsonUnwrapped TrainParams params,
    @Schema(deprecated = true, description = "Use `sg`.") Architecture architecture,
    @Schema(deprecated = true, description = "Use `dim`.") int dimension) {

  static TrainingSummary of(TrainingConfig config) {
    return new TrainingSummary(TrainParams.of(config), config.architecture(), config.dimension());
  }
}
