package io.wordvec.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wordvec.io.LoadedModel;
import io.wordvec.system.BadRequestProblem;
import io.wordvec.system.InvalidParameterException;
import io.wordvec.system.NotFoundProblem;
import io.wordvec.system.PayloadTooLargeProblem;
import io.wordvec.vectors.TextEmbedder;
import io.wordvec.vectors.TextEmbedder.Weighting;
import io.wordvec.vocab.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/models/{model}")
@Tag(name = "Embeddings", description = "Vectors for whole texts")
class EmbedController {

  /** The weightings by name. */
  private static final Map<String, Weighting> WEIGHTINGS =
      Map.of("mean", Weighting.MEAN, "sif", Weighting.SIF);

  private static final Map<String, Tokenizer> TOKENIZERS =
      Map.of("normalizing", Tokenizer.normalizing(), "whitespace", Tokenizer.whitespace());

  private final QuerySupport support;

  EmbedController(QuerySupport support) {
    this.support = support;
  }

  @PostMapping("/embed")
  @Operation(
      summary = "Embed texts",
      description =
          "One vector per text: the mean of its known words' unit vectors, or with `sif` the mean"
              + " weighted by smooth inverse frequency (Arora et al. 2017, without the common"
              + " component removal). Unknown tokens are listed and skipped; a subword model gives"
              + " tokens outside its vocabulary their n-gram vectors instead (SIF weight 1),"
              + " listed in `oovWords`, unless `oov=error`. A building block for"
              + " text classification and sentence similarity. With `normalize` the vectors are"
              + " unit length, exactly as `/v1/embeddings` returns them.")
  @ApiResponse(responseCode = "200", description = "The embeddings")
  @BadRequestProblem("No body, no texts, unknown weighting or tokenizer, oov not ngram or error")
  @NotFoundProblem("Unknown model")
  @PayloadTooLargeProblem("More texts than wordvec.limits.max-batch-words")
  EmbedResponse embed(
      @ModelName @PathVariable String model,
      @RequestBody EmbedRequest request,
      @OovMode @RequestParam(required = false) String oov) {
    boolean ngrams = support.ngrams(oov);
    List<String> texts = request.texts();
    if (texts == null || texts.isEmpty()) {
      throw new InvalidParameterException("texts", texts, "a non-empty list of texts");
    }
    support.batch("texts", texts.size());
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null) {
        throw new InvalidParameterException("texts[" + i + "]", null, "a string");
      }
    }
    Weighting weighting =
        QuerySupport.choice(
            "weighting", request.weighting(), Weighting.MEAN, WEIGHTINGS, "'mean' or 'sif'");
    Tokenizer tokenizer =
        QuerySupport.choice(
            "tokenizer",
            request.tokenizer(),
            Tokenizer.normalizing(),
            TOKENIZERS,
            "'normalizing' or 'whitespace'");
    boolean normalize = Boolean.TRUE.equals(request.normalize());
    boolean caseFallback = Boolean.TRUE.equals(request.caseFallback());
    return support.query(
        model,
        selection -> {
          LoadedModel loaded = selection.model();
          TextEmbedder embedder = new TextEmbedder(loaded.vectors(), loaded.hasCorpusCounts());
          List<EmbedResponse.TextEmbedding> embeddings = new ArrayList<>(texts.size());
          long known = 0;
          long tokens = 0;
          for (String text : texts) {
            TextEmbedder.Embedding e =
                embedder.embed(
                    loaded.joinPhrases(tokenizer.tokenize(text)), weighting, caseFallback, ngrams);
            embeddings.add(
                new EmbedResponse.TextEmbedding(
                    e.tokens(),
                    e.known(),
                    e.unknown(),
                    normalize ? e.unitVector() : e.vector(),
                    e.oov().isEmpty() ? null : Boolean.TRUE,
                    e.oov().isEmpty() ? null : e.oov()));
            known += e.contributing();
            tokens += e.tokens();
          }
          support.metrics().tokens(selection, known, tokens - known);
          return new EmbedResponse(
              selection.name(),
              weighting == Weighting.SIF ? "sif" : "mean",
              tokenizer.toString(),
              loaded.vectors().dimension(),
              embeddings);
        });
  }
}
