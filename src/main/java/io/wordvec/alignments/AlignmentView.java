package io.wordvec.alignments;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A saved alignment as the API shows it (without its matrix).
 *
 * @param id its id, for {@code /api/v1/alignments/{id}}
 * @param source the source model
 * @param target the target model
 * @param dimension both models' dimension
 * @param dictionary {@code given} or {@code identical}
 * @param requestedPairs pairs given, or identical words asked for
 * @param pairs pairs the map was learnt from
 * @param missingInSource given pairs dropped because the source model lacks their source word
 * @param missingInTarget given pairs dropped because the target model lacks their target word
 * @param missingSourceWords the first of those source words
 * @param missingTargetWords the first of those target words
 * @param meanCosine mean cosine of the mapped source words to their pairs' target words
 * @param createdAt when it was learnt
 * @param status {@code ready}; {@code stale} when a model changed since (translations are refused
 *     with 409 until it is created again); {@code model-missing} when a model is not served
 * @param replaced on creation, the alignment of the same pair that this one replaced
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlignmentView(
    @Schema(example = "3f2a9c1d0b7e") String id,
    @Schema(example = "default") String source,
    @Schema(example = "default") String target,
    @Schema(example = "100") int dimension,
    @Schema(allowableValues = {"given", "identical"}) String dictionary,
    @Schema(example = "5000") int requestedPairs,
    @Schema(example = "5000") int pairs,
    int missingInSource,
    int missingInTarget,
    List<String> missingSourceWords,
    List<String> missingTargetWords,
    @Schema(example = "0.83") double meanCosine,
    Instant createdAt,
    @Schema(allowableValues = {"ready", "stale", "model-missing"}) String status,
    String replaced) {

  static AlignmentView of(AlignmentRecord r, String status, String replaced) {
    return new AlignmentView(
        r.id(),
        r.source(),
        r.target(),
        r.dimension(),
        r.dictionary(),
        r.requestedPairs(),
        r.pairs(),
        r.missingInSource(),
        r.missingInTarget(),
        r.missingSourceWords(),
        r.missingTargetWords(),
        r.meanCosine(),
        r.createdAt(),
        status,
        replaced);
  }
}
