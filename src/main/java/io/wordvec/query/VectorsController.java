package io.wordvec.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wordvec.io.LoadedModel;
import io.wordvec.system.BadRequestProblem;
import io.wordvec.system.NotFoundProblem;
import io.wordvec.system.PayloadTooLargeProblem;
import io.wordvec.vectors.SubwordQueries;
import io.wordvec.vectors.WordVectors;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/models/{model}/vectors")
@Tag(name = "Vectors", description = "Look up word vectors")
class VectorsController {

  private final QuerySupport support;

  VectorsController(QuerySupport support) {
    this.support = support;
  }

  @GetMapping("/{word}")
  @Operation(
      summary = "Vector of one word",
      description =
          "The word's vector with its frequency rank and corpus count. A word outside the"
              + " vocabulary of a subword model gets its vector from its character n-grams,"
              + " marked `\"oov\": true` (unless `oov=error`).")
  @ApiResponse(responseCode = "200", description = "The vector")
  @BadRequestProblem("A blank word, `normalized` not true or false, `oov` not ngram or error")
  @NotFoundProblem("Unknown model, or unknown word (with suggested spellings)")
  VectorResponse vector(
      @ModelName @PathVariable String model,
      @Parameter(description = "The word to look up", example = "king") @PathVariable String word,
      @Parameter(description = "Return the unit-length vector", example = "false")
          @RequestParam(defaultValue = "false")
          boolean normalized,
      @OovMode @RequestParam(required = false) String oov) {
    support.word("word", word);
    boolean ngrams = support.ngrams(oov);
    return support.query(
        model,
        selection -> {
          WordVectors vectors = selection.model().vectors();
          SubwordQueries subwords = QuerySupport.subwords(selection.model(), ngrams);
          SubwordQueries.Term term = subwords.resolve(word);
          boolean known = !term.oov();
          return new VectorResponse(
              selection.name(),
              word,
              known ? term.id() + 1 : null,
              known ? count(selection.model(), term.id()) : null,
              normalized,
              vectors.dimension(),
              subwords.vector(term, normalized),
              known ? null : Boolean.TRUE);
        });
  }

  @PostMapping
  @Operation(
      summary = "Vectors of several words",
      description =
          "One result per requested word, in order. Words outside the vocabulary are marked"
              + " `known: false`; a subword model gives them their n-gram vector, marked `oov:"
              + " true` (unless `oov=error`). Words without a vector are listed in `unknown`;"
              + " they do not fail the batch.")
  @ApiResponse(responseCode = "200", description = "The vectors")
  @BadRequestProblem("No body, no words or a blank word, `oov` not ngram or error")
  @NotFoundProblem("Unknown model")
  @PayloadTooLargeProblem("More words than wordvec.limits.max-batch-words")
  BatchVectorsResponse vectors(
      @ModelName @PathVariable String model,
      @RequestBody BatchVectorsRequest request,
      @OovMode @RequestParam(required = false) String oov) {
    List<String> words = support.words("words", request.words(), 1);
    boolean normalized = Boolean.TRUE.equals(request.normalized());
    boolean ngrams = support.ngrams(oov);
    return support.query(
        model,
        selection -> {
          WordVectors vectors = selection.model().vectors();
          SubwordQueries subwords = QuerySupport.subwords(selection.model(), ngrams);
          List<BatchVectorsResponse.WordVector> results = new ArrayList<>(words.size());
          List<String> unknown = new ArrayList<>();
          for (String word : words) {
            SubwordQueries.Term term = subwords.lookup(word, false);
            if (term == null) {
              unknown.add(word);
              results.add(new BatchVectorsResponse.WordVector(word, false, null, null, null, null));
            } else if (term.oov()) {
              results.add(
                  new BatchVectorsResponse.WordVector(
                      word, false, null, null, subwords.vector(term, normalized), true));
            } else {
              results.add(
                  new BatchVectorsResponse.WordVector(
                      word,
                      true,
                      term.id() + 1,
                      count(selection.model(), term.id()),
                      subwords.vector(term, normalized),
                      null));
            }
          }
          return new BatchVectorsResponse(
              selection.name(), normalized, vectors.dimension(), results, unknown);
        });
  }

  /** The corpus count, or null when the model has no real counts to show. */
  static Long count(LoadedModel model, int id) {
    return model.hasCorpusCounts() ? model.vectors().vocabulary().count(id) : null;
  }
}
