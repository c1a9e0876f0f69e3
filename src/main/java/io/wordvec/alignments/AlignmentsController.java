package io.wordvec.alignments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wordvec.system.BadRequestProblem;
import io.wordvec.system.ConflictProblem;
import io.wordvec.system.NotFoundProblem;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/alignments")
@Tag(
    name = "Alignments",
    description =
        "Orthogonal maps between two models' vector spaces (two languages, seeds, corpora or"
            + " years), for translate")
class AlignmentsController {

  private final AlignmentService alignments;

  AlignmentsController(AlignmentService alignments) {
    this.alignments = alignments;
  }

  @PostMapping
  @Operation(
      summary = "Align two models",
      description =
          "Learns the orthogonal map W from the source model's space to the target's that brings"
              + " the dictionary's pairs closest (Procrustes: W = U V^T from the SVD of X^T Y over"
              + " their unit vectors) and saves it; GET /api/v1/models/{source}/translate then"
              + " answers through it. Without a dictionary the words spelt the same in both"
              + " models, the most frequent in both first, are the pairs: right for two models of"
              + " one language. The dictionary needs at least as many usable pairs as the models"
              + " have dimensions; pairs with a word either model lacks are dropped, counted and"
              + " listed. One alignment per (source, target): a new one replaces the pair's"
              + " previous one. Answers 201 with the alignment and how well it fits its pairs.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content =
          @Content(
              examples = {
                @ExampleObject(
                    name = "identical words",
                    summary = "Two models of one language: the 5,000 words frequent in both",
                    value = "{\"source\": \"default\", \"target\": \"default\"}"),
                @ExampleObject(
                    name = "more identical words",
                    summary = "10,000 identical words",
                    value =
                        "{\"source\": \"default\", \"target\": \"default\", \"identicalWords\":"
                            + " 10000}")
              }))
  @ApiResponse(responseCode = "201", description = "Learnt and saved")
  @BadRequestProblem(
      "source or target missing, a malformed dictionary, identicalWords out of range, models of"
          + " different dimensions (/problems/dimension-mismatch) or fewer usable pairs than"
          + " dimensions (/problems/too-few-pairs, with the missing words)")
  @NotFoundProblem("Unknown source or target model")
  @ConflictProblem("wordvec.alignments.max-alignments alignments are saved already")
  ResponseEntity<AlignmentView> create(@RequestBody CreateAlignmentRequest request)
      throws IOException {
    AlignmentView created = alignments.create(request);
    return ResponseEntity.created(URI.create("/api/v1/alignments/" + created.id())).body(created);
  }

  @GetMapping
  @Operation(
      summary = "List the alignments",
      description =
          "Every saved alignment, oldest first, with its status: ready, stale (a model changed"
              + " since: create it again) or model-missing.")
  @ApiResponse(responseCode = "200", description = "The alignments")
  List<AlignmentView> list() {
    return alignments.list();
  }

  @GetMapping("/{id}")
  @Operation(summary = "Show one alignment")
  @ApiResponse(responseCode = "200", description = "The alignment")
  @NotFoundProblem("No alignment with this id")
  AlignmentView get(
      @Parameter(description = "Alignment id", example = "3f2a9c1d0b7e") @PathVariable String id) {
    return alignments.get(id);
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete an alignment")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @NotFoundProblem("No alignment with this id")
  ResponseEntity<Void> delete(
      @Parameter(description = "Alignment id", example = "3f2a9c1d0b7e") @PathVariable String id)
      throws IOException {
    alignments.delete(id);
    return ResponseEntity.noContent().build();
  }
}
