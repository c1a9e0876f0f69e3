package io.wordvec.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wordvec.io.LoadedModel;
import io.wordvec.models.ModelRegistry;
import io.wordvec.system.BadRequestProblem;
import io.wordvec.system.InvalidParameterException;
import io.wordvec.system.NotFoundProblem;
import io.wordvec.system.PayloadTooLargeException;
import io.wordvec.system.PayloadTooLargeProblem;
import io.wordvec.vectors.SubwordQueries;
import io.wordvec.vectors.TextEmbedder;
import io.wordvec.vectors.TextEmbedder.Weighting;
import io.wordvec.vectors.VectorMath;
import io.wordvec.vocab.Tokenizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/models/{model}")
@Tag(name = "Similarity", description = "Similarity of words, word sets and texts")
class TextSimilarityController {

  /** How texts are compared. */
  private enum Method {
    MEAN,
    SIF,
    WMD
  }

  private static final Map<String, Method> METHODS =
      Map.of("mean", Method.MEAN, "sif", Method.SIF, "wmd", Method.WMD);

  private static final Map<String, Tokenizer> TOKENIZERS =
      Map.of("normalizing", Tokenizer.normalizing(), "whitespace", Tokenizer.whitespace());

  private final QuerySupport support;

  TextSimilarityController(QuerySupport support) {
    this.support = support;
  }

  /**
   * One text compared with many.
   *
   * @param source the text the others are compared with
   * @param texts the texts to compare with it
   * @param weighting {@code mean} (default), {@code sif} or {@code wmd}
   * @param tokenizer {@code normalizing} (default) or {@code whitespace}
   * @param caseFallback whether an unknown token is tried in lower case, then Title case
   */
  record TextSimilarityRequest(
      @Schema(description = "The text to compare with", example = "The king rules the land.")
          String source,
      @Schema(
              description = "The texts to compare with it",
              example = "[\"The queen reigns.\", \"Bread and butter.\"]")
          List<String> texts,
      @Schema(
              description =
                  "mean or sif: cosine of the texts' embeddings (higher is closer); wmd: word"
                      + " mover's distance between their unit word vectors, as gensim's"
                      + " wmdistance (lower is closer)",
              allowableValues = {"mean", "sif", "wmd"},
              example = "mean")
          String weighting,
      @Schema(
              description = "normalizing (default) or whitespace",
              allowableValues = {"normalizing", "whitespace"},
              example = "normalizing")
          String tokenizer,
      @Schema(
              description =
                  "Try an unknown token in lower case, then in Title case (for models that keep"
                      + " case, such as GoogleNews); default false",
              example = "false")
          Boolean caseFallback) {}

  /**
   * The comparisons, in the order of the texts.
   *
   * @param model the model that answered
   * @param weighting {@code mean}, {@code sif} or {@code wmd}
   * @param source what the model knew of the source text
   * @param results one per text
   */
  record TextSimilarityResponse(
      String model,
      @Schema(example = "mean") String weighting,
      TextResult source,
      List<TextResult> results) {}

  /**
   * One text's comparison. A text (or the source) with no known word cannot be compared: its
   * similarity or distance is then absent, and its unknown words say why.
   *
   * @param similarity cosine with the source ({@code mean}, {@code sif}); absent for {@code wmd}
   * @param distance word mover's distance to the source ({@code wmd}); absent otherwise
   * @param tokens how many tokens the text has
   * @param known how many of them the model knows
   * @param unknown the distinct tokens without a vector (skipped), in order of appearance
   * @param oov true when some token is outside the vocabulary and took part by its n-gram vector (a
   *     subword model); absent otherwise
   * @param oovWords those tokens, distinct, in order of appearance; absent when none
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TextResult(
      @Schema(example = "0.71") Double similarity,
      Double distance,
      @Schema(example = "4") int tokens,
      @Schema(example = "4") int known,
      List<String> unknown,
      @Schema(
              description =
                  "true when some token is outside the vocabulary and took part by its n-gram"
                      + " vector; absent otherwise",
              example = "null")
          Boolean oov,
      @Schema(
              description = "Those tokens, distinct, in order of appearance; absent when none",
              example = "null")
          List<String> oovWords) {

    TextResult(
        Double similarity,
        Double distance,
        int tokens,
        int known,
        List<String> unknown,
        List<String> oovWords) {
      this(
          similarity,
          distance,
          tokens,
          known,
          unknown,
          oovWords.isEmpty() ? null : Boolean.TRUE,
          oovWords.isEmpty() ? null : oovWords);
    }
  }

  @PostMapping("/similarity/texts")
  @Operation(
      summary = "Similarity of one text with many",
      description =
          "Compares `source` with each of `texts`, in order: the cosine of their mean or SIF"
              + " embeddings, or the word mover's distance (`wmd`, as gensim's `wmdistance`)."
              + " Unknown words are skipped and listed, never an error; a subword model gives"
              + " tokens outside its vocabulary their n-gram vectors instead, listed in"
              + " `oovWords` (unless `oov=error`).")
  @ApiResponse(responseCode = "200", description = "One result per text")
  @BadRequestProblem(
      "No body, no source or texts, unknown weighting or tokenizer, `oov` not ngram or error")
  @NotFoundProblem("Unknown model")
  @PayloadTooLargeProblem(
      "More texts than wordvec.limits.max-batch-words, or with wmd a text with more distinct"
          + " known words than wordvec.limits.max-wmd-words")
  TextSimilarityResponse similarity(
      @ModelName @PathVariable String model,
      @RequestBody TextSimilarityRequest request,
      @OovMode @RequestParam(required = false) String oov) {
    boolean ngrams = support.ngrams(oov);
    if (request.source() == null || request.source().isBlank()) {
      throw new InvalidParameterException("source", request.source(), "a non-empty text");
    }
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
    Method method =
        QuerySupport.choice(
            "weighting", request.weighting(), Method.MEAN, METHODS, "'mean', 'sif' or 'wmd'");
    Tokenizer tokenizer =
        QuerySupport.choice(
            "tokenizer",
            request.tokenizer(),
            Tokenizer.normalizing(),
            TOKENIZERS,
            "'normalizing' or 'whitespace'");
    boolean caseFallback = Boolean.TRUE.equals(request.caseFallback());
    return support.query(
        model,
        selection -> {
          Comparison comparison =
              method == Method.WMD
                  ? new WmdComparison(selection, tokenizer, caseFallback, ngrams)
                  : new EmbeddingComparison(selection, tokenizer, caseFallback, ngrams, method);
          TextResult source = comparison.source(request.source());
          List<TextResult> results = new ArrayList<>(texts.size());
          for (int i = 0; i < texts.size(); i++) {
            results.add(comparison.compare("texts[" + i + "]", texts.get(i)));
          }
          long tokens = source.tokens();
          long known = source.known();
          for (TextResult result : results) {
            tokens += result.tokens();
            known += result.known();
          }
          support.metrics().tokens(selection, known, tokens - known);
          return new TextSimilarityResponse(
              selection.name(), method.name().toLowerCase(java.util.Locale.ROOT), source, results);
        });
  }

  /** Compares texts with a source text set once. */
  private interface Comparison {

    TextResult source(String text);

    TextResult compare(String name, String text);
  }

  /** Cosine of mean or SIF embeddings. */
  private static final class EmbeddingComparison implements Comparison {

    private final LoadedModel loaded;
    private final TextEmbedder embedder;
    private final Tokenizer tokenizer;
    private final boolean caseFallback;
    private final boolean ngrams;
    private final Weighting weighting;
    private float[] source;

    EmbeddingComparison(
        ModelRegistry.Selection selection,
        Tokenizer tokenizer,
        boolean caseFallback,
        boolean ngrams,
        Method method) {
      this.loaded = selection.model();
      this.embedder = new TextEmbedder(loaded.vectors(), loaded.hasCorpusCounts());
      this.tokenizer = tokenizer;
      this.caseFallback = caseFallback;
      this.ngrams = ngrams;
      this.weighting = method == Method.SIF ? Weighting.SIF : Weighting.MEAN;
    }

    @Override
    public TextResult source(String text) {
      TextEmbedder.Embedding e = embed(text);
      source = e.contributing() > 0 ? e.unitVector() : null;
      return new TextResult(null, null, e.tokens(), e.known(), e.unknown(), e.oov());
    }

    @Override
    public TextResult compare(String name, String text) {
      TextEmbedder.Embedding e = embed(text);
      Double similarity =
          source == null || e.contributing() == 0
              ? null
              : (double) VectorMath.dot(source, e.unitVector());
      return new TextResult(similarity, null, e.tokens(), e.known(), e.unknown(), e.oov());
    }

    private TextEmbedder.Embedding embed(String text) {
      return embedder.embed(
          loaded.joinPhrases(tokenizer.tokenize(text)), weighting, caseFallback, ngrams);
    }
  }

  /** Word mover's distance between the texts' words that have vectors. */
  private final class WmdComparison implements Comparison {

    private final ModelRegistry.Selection selection;
    private final Tokenizer tokenizer;
    private final boolean caseFallback;
    private final SubwordQueries subwords;
    private List<SubwordQueries.Term> source;

    WmdComparison(
        ModelRegistry.Selection selection,
        Tokenizer tokenizer,
        boolean caseFallback,
        boolean ngrams) {
      this.selection = selection;
      this.tokenizer = tokenizer;
      this.caseFallback = caseFallback;
      this.subwords = QuerySupport.subwords(selection.model(), ngrams);
    }

    @Override
    public TextResult source(String text) {
      Words words = words("source", text);
      source = words.terms();
      return new TextResult(
          null, null, words.tokens(), words.known(), words.unknown(), words.oov());
    }

    @Override
    public TextResult compare(String name, String text) {
      Words words = words(name, text);
      List<SubwordQueries.Term> terms = words.terms();
      Double distance =
          source.isEmpty() || terms.isEmpty() ? null : subwords.wordMoversDistance(source, terms);
      return new TextResult(
          null, distance, words.tokens(), words.known(), words.unknown(), words.oov());
    }

    private Words words(String name, String text) {
      List<String> tokens = selection.model().joinPhrases(tokenizer.tokenize(text));
      List<SubwordQueries.Term> terms = new ArrayList<>(tokens.size());
      Set<String> unknown = new LinkedHashSet<>();
      Set<String> oov = new LinkedHashSet<>();
      int known = 0;
      for (String token : tokens) {
        SubwordQueries.Term term = subwords.lookup(token, caseFallback);
        if (term == null) {
          unknown.add(token);
          continue;
        }
        terms.add(term);
        if (term.oov()) {
          oov.add(token);
        } else {
          known++;
        }
      }
      int distinct = SubwordQueries.distinctWords(terms);
      int limit = support.limits().maxWmdWords();
      if (distinct > limit) {
        throw new PayloadTooLargeException(name, distinct, limit, "distinct known words");
      }
      return new Words(tokens.size(), known, terms, List.copyOf(unknown), List.copyOf(oov));
    }
  }

  private record Words(
      int tokens,
      int known,
      List<SubwordQueries.Term> terms,
      List<String> unknown,
      List<String> oov) {}
}
