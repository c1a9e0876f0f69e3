package io.wordvec.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wordvec.io.LoadedModel;
import io.wordvec.system.BadRequestProblem;
import io.wordvec.system.InvalidParameterException;
import io.wordvec.system.NotFoundProblem;
import io.wordvec.system.PayloadTooLargeProblem;
import io.wordvec.vectors.VectorMath;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Tokenizer;
import io.wordvec.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/models/{model}")
@Tag(name = "Embeddings", description = "Vectors for whole texts")
class EmbedController {

  /** Arora et al.'s smoothing constant for SIF weights, a / (a + p(w)). */
  static final double SIF_A = 1e-3;

  /** The Euler-Mascheroni constant, for the harmonic number in the Zipf estimate. */
  private static final double EULER_GAMMA = 0.5772156649;

  /** The weightings by name: whether each is SIF. */
  private static final Map<String, Boolean> SIF = Map.of("mean", false, "sif", true);

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
              + " component removal). Unknown tokens are listed and skipped. A building block for"
              + " text classification and sentence similarity.")
  @ApiResponse(responseCode = "200", description = "The embeddings")
  @BadRequestProblem("No body, no texts, unknown weighting or tokenizer")
  @NotFoundProblem("Unknown model")
  @PayloadTooLargeProblem("More texts than wordvec.limits.max-batch-words")
  EmbedResponse embed(@ModelName @PathVariable String model, @RequestBody EmbedRequest request) {
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
    boolean sif =
        QuerySupport.choice("weighting", request.weighting(), false, SIF, "'mean' or 'sif'");
    Tokenizer tokenizer =
        QuerySupport.choice(
            "tokenizer",
            request.tokenizer(),
            Tokenizer.normalizing(),
            TOKENIZERS,
            "'normalizing' or 'whitespace'");
    return support.query(
        model,
        selection -> {
          LoadedModel loaded = selection.model();
          List<EmbedResponse.TextEmbedding> embeddings = new ArrayList<>(texts.size());
          for (String text : texts) {
            embeddings.add(embed(loaded, tokenizer.tokenize(text), sif));
          }
          return new EmbedResponse(
              selection.name(),
              sif ? "sif" : "mean",
              tokenizer.toString(),
              loaded.vectors().dimension(),
              embeddings);
        });
  }

  static EmbedResponse.TextEmbedding embed(LoadedModel model, List<String> tokens, boolean sif) {
    WordVectors vectors = model.vectors();
    Vocabulary vocabulary = vectors.vocabulary();
    int dim = vectors.dimension();
    float[] unit = vectors.normalizedVectors();
    float[] sum = new float[dim];
    Set<String> unknown = new LinkedHashSet<>();
    int known = 0;
    boolean realCounts = model.hasCorpusCounts();
    for (String token : tokens) {
      int id = vocabulary.id(token);
      if (id < 0) {
        unknown.add(token);
        continue;
      }
      known++;
      float weight = sif ? (float) sifWeight(vocabulary, id, realCounts) : 1f;
      VectorMath.axpy(weight, unit, id * dim, sum, 0, dim);
    }
    if (known > 0) {
      VectorMath.scale(1f / known, sum, 0, dim);
    }
    return new EmbedResponse.TextEmbedding(tokens.size(), known, List.copyOf(unknown), sum);
  }

  /**
   * a / (a + p(w)). With real corpus counts p(w) is the word's relative frequency; plain vector
   * files have none, so p(w) is estimated from the frequency rank by Zipf's law, p(r) = 1 / (r *
   * H(n)) with H(n) the n-th harmonic number.
   */
  static double sifWeight(Vocabulary vocabulary, int id, boolean realCounts) {
    double p;
    if (realCounts) {
      p = (double) vocabulary.count(id) / vocabulary.totalCount();
    } else {
      double harmonic = Math.log(vocabulary.size()) + EULER_GAMMA;
      p = 1.0 / ((id + 1) * harmonic);
    }
    return SIF_A / (SIF_A + p);
  }
}
