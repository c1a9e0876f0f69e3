package io.wordvec.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wordvec.align.Criterion;
import io.wordvec.alignments.AlignmentService;
import io.wordvec.alignments.Translated;
import io.wordvec.system.BadRequestProblem;
import io.wordvec.system.ConflictProblem;
import io.wordvec.system.NotFoundProblem;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/models/{model}")
@Tag(name = "Alignments")
class TranslateController {

  private static final int DEFAULT_TOPN = 10;

  private static final Map<String, Criterion> CRITERIA =
      Map.of("nn", Criterion.NN, "csls", Criterion.CSLS);

  private final QuerySupport support;
  private final AlignmentService alignments;

  TranslateController(QuerySupport support, AlignmentService alignments) {
    this.support = support;
    this.alignments = alignments;
  }

  @GetMapping("/translate")
  @Operation(
      summary = "Translate a word into another model",
      description =
          "The target model's words nearest to this model's word mapped through their saved"
              + " alignment (POST /api/v1/alignments). nn ranks them by cosine; csls by"
              + " 2cos(Wx, y) - r_T(Wx) - r_S(y) (Conneau et al. 2018, k = wordvec.alignments"
              + ".csls-k), which demotes hubs, over the wordvec.alignments.csls-candidates"
              + " nearest by cosine. A csls query computes each target word's penalty once,"
              + " so the first ones are slower. 404 without an alignment for the pair, 409"
              + " when a model changed since it was made. A word outside the vocabulary of a"
              + " subword source model is translated by its n-gram vector, marked `oov` (unless"
              + " `oov=error`).")
  @ApiResponse(responseCode = "200", description = "The translations, best first")
  @BadRequestProblem(
      "word or target missing or blank, topn out of range, unknown criterion, `oov` not ngram or"
          + " error")
  @NotFoundProblem("Unknown model, target model or word, or no alignment for the two models")
  @ConflictProblem(
      "A model changed since the alignment was made (/problems/alignment-stale): create it again")
  TranslateResponse translate(
      @ModelName @PathVariable String model,
      @Parameter(description = "The word to translate", example = "king") @RequestParam String word,
      @Parameter(description = "The model to translate into, or `default`", example = "default")
          @RequestParam
          String target,
      @Parameter(
              description = "How many translations (1 to wordvec.limits.max-topn)",
              example = "5")
          @RequestParam(required = false)
          Integer topn,
      @Parameter(
              description = "nn (nearest neighbour, the default) or csls",
              example = "csls",
              schema = @Schema(allowableValues = {"nn", "csls"}))
          @RequestParam(required = false)
          String criterion,
      @OovMode @RequestParam(required = false) String oov) {
    support.word("word", word);
    boolean ngrams = support.ngrams(oov);
    support.word("target", target);
    int n = support.topn(topn, DEFAULT_TOPN);
    Criterion how =
        QuerySupport.choice("criterion", criterion, Criterion.NN, CRITERIA, "'nn' or 'csls'");
    return support.query(
        model,
        source -> {
          Translated found = alignments.translate(source, target, word, ngrams, n, how);
          return new TranslateResponse(
              found.source(),
              found.target(),
              word,
              how.name().toLowerCase(Locale.ROOT),
              found.alignment(),
              found.translations().stream()
                  .map(t -> new TranslateResponse.TranslatedWord(t.word(), t.score(), t.cosine()))
                  .toList(),
              found.oov() ? Boolean.TRUE : null);
        });
  }
}
