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
import io.wordvec.vectors.TextEmbedder;
import io.wordvec.vectors.TextEmbedder.Weighting;
import io.wordvec.vectors.VectorMath;
import io.wordvec.vectors.WordMoversDistance;
import io.wordvec.vocab.Tokenizer;
import io.wordvec.vocab.Vocabulary;
import it.unimi.dsi.fastutil.ints.IntArrayList;
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
   * @param unknown the distinct unknown tokens, in order of appearance
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TextResult(
      @Schema(example = "0.71") Double similarity,
      Double distance,
      @Schema(example = "4") int tokens,
      @Schema(example = "4") int known,
      List<String> unknown) {}

  @PostMapping("/similarity/texts")
  @Operation(
      summary = "Similarity of one text with many",
      description =
          "Compares `source` with each of `texts`, in order: the cosine of their mean or SIF"
              + " embeddings, or the word mover's distance (`wmd`, as gensim's `wmdistance`)."
              + " Unknown words are skipped and listed, never an error.")
  @ApiResponse(responseCode = "200", description = "One result per text")
  @BadRequestProblem("No body, no source or texts, unknown weighting or tokenizer")
  @NotFoundProblem("Unknown model")
  @PayloadTooLargeProblem(
      "More texts than wordvec.limits.max-batch-words, or with wmd a text with more distinct"
          + " known words than wordvec.limits.max-wmd-words")
  TextSimilarityResponse similarity(
      @ModelName @PathVariable String model, @RequestBody TextSimilarityRequest request) {
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
                  ? new WmdComparison(selection, tokenizer, caseFallback)
                  : new EmbeddingComparison(selection, tokenizer, caseFallback, method);
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
    private final Weighting weighting;
    private float[] source;

    EmbeddingComparison(
        ModelRegistry.Selection selection,
        Tokenizer tokenizer,
        boolean caseFallback,
        Method method) {
      this.loaded = selection.model();
      this.embedder = new TextEmbedder(loaded.vectors(), loaded.hasCorpusCounts());
      this.tokenizer = tokenizer;
      this.caseFallback = caseFallback;
      this.weighting = method == Method.SIF ? Weighting.SIF : Weighting.MEAN;
    }

    @Override
    public TextResult source(String text) {
      TextEmbedder.Embedding e = embed(text);
      source = e.known() > 0 ? e.unitVector() : null;
      return new TextResult(null, null, e.tokens(), e.known(), e.unknown());
    }

    @Override
    public TextResult compare(String name, String text) {
      TextEmbedder.Embedding e = embed(text);
      Double similarity =
          source == null || e.known() == 0 ? null : (double) VectorMath.dot(source, e.unitVector());
      return new TextResult(similarity, null, e.tokens(), e.known(), e.unknown());
    }

    private TextEmbedder.Embedding embed(String text) {
      return embedder.embed(loaded.joinPhrases(tokenizer.tokenize(text)), weighting, caseFallback);
    }
  }

  /** Word mover's distance between the texts' known words. */
  private final class WmdComparison implements Comparison {

    private final ModelRegistry.Selection selection;
    private final Tokenizer tokenizer;
    private final boolean caseFallback;
    private int[] source;

    WmdComparison(ModelRegistry.Selection selection, Tokenizer tokenizer, boolean caseFallback) {
      this.selection = selection;
      this.tokenizer = tokenizer;
      this.caseFallback = caseFallback;
    }

    @Override
    public TextResult source(String text) {
      Words words = words("source", text);
      source = words.ids();
      return new TextResult(null, null, words.tokens(), source.length, words.unknown());
    }

    @Override
    public TextResult compare(String name, String text) {
      Words words = words(name, text);
      int[] ids = words.ids();
      Double distance =
          source.length == 0 || ids.length == 0
              ? null
              : WordMoversDistance.distance(selection.model().vectors(), source, ids);
      return new TextResult(null, distance, words.tokens(), ids.length, words.unknown());
    }

    private Words words(String name, String text) {
      Vocabulary vocabulary = selection.model().vectors().vocabulary();
      List<String> tokens = selection.model().joinPhrases(tokenizer.tokenize(text));
      IntArrayList ids = new IntArrayList(tokens.size());
      Set<String> unknown = new LinkedHashSet<>();
      for (String token : tokens) {
        int id = caseFallback ? vocabulary.idWithCaseFallback(token) : vocabulary.id(token);
        if (id >= 0) {
          ids.add(id);
        } else {
          unknown.add(token);
        }
      }
      int[] known = ids.toIntArray();
      int distinct = WordMoversDistance.distinctWords(known);
      int limit = support.limits().maxWmdWords();
      if (distinct > limit) {
        throw new PayloadTooLargeException(name, distinct, limit, "distinct known words");
      }
      return new Words(tokens.size(), known, List.copyOf(unknown));
    }
  }

  private record Words(int tokens, int[] ids, List<String> unknown) {}
}
