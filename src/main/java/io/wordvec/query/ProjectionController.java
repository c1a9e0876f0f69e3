package io.wordvec.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wordvec.system.BadRequestProblem;
import io.wordvec.system.NotFoundProblem;
import io.wordvec.system.PayloadTooLargeException;
import io.wordvec.system.PayloadTooLargeProblem;
import io.wordvec.vectors.WordProjection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/models/{model}")
@Tag(name = "Explore", description = "Maps of words and vocabulary search, for browsing a model")
class ProjectionController {

  private final QuerySupport support;
  private final ExploreProperties explore;

  ProjectionController(QuerySupport support, ExploreProperties explore) {
    this.support = support;
    this.explore = explore;
  }

  /**
   * Words to map.
   *
   * @param words the words; unknown ones are listed in the answer, not drawn
   */
  record ProjectionRequest(
      @Schema(example = "[\"king\", \"queen\", \"man\", \"woman\", \"prince\", \"princess\"]")
          List<String> words) {}

  /**
   * One word on the map.
   *
   * @param word the word
   * @param x coordinate on the first principal axis
   * @param y coordinate on the second principal axis
   */
  record Point(@Schema(example = "king") String word, double x, double y) {}

  /**
   * A 2-D map of words.
   *
   * @param model the model that answered
   * @param points the known words, in request order, each once
   * @param unknown the words the model does not know
   * @param explainedVariance the share of the words' variance each axis shows (0..1)
   */
  record ProjectionResponse(
      String model, List<Point> points, List<String> unknown, double[] explainedVariance) {}

  @PostMapping("/projection")
  @Operation(
      summary = "Map words onto a plane",
      description =
          "Projects the unit vectors of the words onto their first two principal components"
              + " (PCA), for drawing them as labelled points. Deterministic: the same words give"
              + " the same map. Unknown words do not fail the request; they are listed.")
  @ApiResponse(responseCode = "200", description = "The map")
  @BadRequestProblem("No body, no words or a blank word")
  @NotFoundProblem("Unknown model")
  @PayloadTooLargeProblem("More words than wordvec.explore.max-projection-words")
  ProjectionResponse project(
      @ModelName @PathVariable String model, @RequestBody ProjectionRequest request) {
    List<String> words = support.words("words", request.words(), 1);
    if (words.size() > explore.maxProjectionWords()) {
      throw new PayloadTooLargeException(
          "words", words.size(), explore.maxProjectionWords(), "words");
    }
    return support.query(
        model,
        (name, vectors) -> {
          WordProjection map = WordProjection.of(vectors, words);
          List<Point> points = new ArrayList<>(map.words().size());
          for (int i = 0; i < map.words().size(); i++) {
            points.add(new Point(map.words().get(i), map.x()[i], map.y()[i]));
          }
          return new ProjectionResponse(name, points, map.unknown(), map.explainedVariance());
        });
  }
}
