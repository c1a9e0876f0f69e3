package io.wordvec.alignments;

import io.wordvec.system.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The problems of the alignments API, each with a stable type and the properties a client needs.
 */
public final class AlignmentProblem extends ApiException {

  private AlignmentProblem(HttpStatus status, String slug, String title, String detail) {
    super(status, slug, title, detail);
  }

  static AlignmentProblem notFound(String id) {
    AlignmentProblem problem =
        new AlignmentProblem(
            HttpStatus.NOT_FOUND,
            "alignment-not-found",
            "Alignment not found",
            "no alignment '" + id + "'");
    problem.with("alignment", id);
    return problem;
  }

  /** No alignment is saved from {@code source} to {@code target}. */
  static AlignmentProblem noAlignment(String source, String target) {
    AlignmentProblem problem =
        new AlignmentProblem(
            HttpStatus.NOT_FOUND,
            "alignment-not-found",
            "Alignment not found",
            "no alignment from model '"
                + source
                + "' to model '"
                + target
                + "': create one with POST /api/v1/alignments");
    problem.with("source", source).with("target", target);
    return problem;
  }

  /** A model changed since the alignment was learnt on it. */
  static AlignmentProblem stale(String id, List<String> changed) {
    AlignmentProblem problem =
        new AlignmentProblem(
            HttpStatus.CONFLICT,
            "alignment-stale",
            "Alignment stale",
            "alignment '"
                + id
                + "' was learnt on other vectors than model "
                + String.join(" and ", changed.stream().map(m -> "'" + m + "'").toList())
                + " now has: create it again with POST /api/v1/alignments");
    problem.with("alignment", id).with("changed", changed);
    return problem;
  }

  static AlignmentProblem dimensionMismatch(
      String source, int sourceDimension, String target, int targetDimension) {
    AlignmentProblem problem =
        new AlignmentProblem(
            HttpStatus.BAD_REQUEST,
            "dimension-mismatch",
            "Dimensions differ",
            "model '"
                + source
                + "' has "
                + sourceDimension
                + " dimensions and model '"
                + target
                + "' "
                + targetDimension
                + ": only models of one dimension can be aligned");
    problem
        .with("source", source)
        .with("target", target)
        .with("sourceDimension", sourceDimension)
        .with("targetDimension", targetDimension);
    return problem;
  }

  static AlignmentProblem tooFewPairs(int pairs, int minimum, AlignmentRecord attempt) {
    AlignmentProblem problem =
        new AlignmentProblem(
            HttpStatus.BAD_REQUEST,
            "too-few-pairs",
            "Too few dictionary pairs",
            "the dictionary has "
                + pairs
                + " usable pairs (both words known), fewer than the "
                + minimum
                + " an alignment of "
                + minimum
                + "-dimensional models needs"
                + (attempt.missingInSource() + attempt.missingInTarget() > 0
                    ? "; "
                        + attempt.missingInSource()
                        + " pairs have a source word model '"
                        + attempt.source()
                        + "' lacks and "
                        + attempt.missingInTarget()
                        + " a target word model '"
                        + attempt.target()
                        + "' lacks"
                    : ""));
    problem
        .with("pairs", pairs)
        .with("minimum", minimum)
        .with("missingInSource", attempt.missingInSource())
        .with("missingInTarget", attempt.missingInTarget())
        .with("missingSourceWords", attempt.missingSourceWords())
        .with("missingTargetWords", attempt.missingTargetWords());
    return problem;
  }

  static AlignmentProblem tooMany(int limit) {
    AlignmentProblem problem =
        new AlignmentProblem(
            HttpStatus.CONFLICT,
            "too-many-alignments",
            "Too many alignments",
            limit + " alignments are saved (wordvec.alignments.max-alignments): delete one first");
    problem.with("limit", limit);
    return problem;
  }
}
