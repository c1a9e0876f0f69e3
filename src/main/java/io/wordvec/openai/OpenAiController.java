package io.wordvec.openai;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wordvec.io.LoadedModel;
import io.wordvec.models.ModelRegistry;
import io.wordvec.models.ModelsNotReadyException;
import io.wordvec.models.QueryMetrics;
import io.wordvec.system.ApiException;
import io.wordvec.system.InvalidParameterException;
import io.wordvec.system.LimitsProperties;
import io.wordvec.system.PayloadTooLargeException;
import io.wordvec.vectors.TextEmbedder;
import io.wordvec.vectors.TextEmbedder.Weighting;
import io.wordvec.vocab.Tokenizer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "OpenAI-compatible",
    description =
        "Embeddings in OpenAI's API shape, for OpenAI SDKs, LangChain, LlamaIndex and Spring AI:"
            + " point their base URL at this server's /v1. Errors use OpenAI's envelope"
            + " {error: {message, type, param, code}}.")
class OpenAiController {

  private static final Map<String, Weighting> WEIGHTINGS =
      Map.of("mean", Weighting.MEAN, "sif", Weighting.SIF);

  /** How many unknown tokens a 422 lists. */
  private static final int MAX_UNKNOWN_LISTED = 20;

  private final ModelRegistry registry;
  private final LimitsProperties limits;
  private final QueryMetrics metrics;
  private final Weighting defaultWeighting;

  OpenAiController(
      ModelRegistry registry,
      LimitsProperties limits,
      QueryMetrics metrics,
      OpenAiProperties properties) {
    this.registry = registry;
    this.limits = limits;
    this.metrics = metrics;
    Weighting configured = WEIGHTINGS.get(properties.weighting().toLowerCase(Locale.ROOT));
    if (configured == null) {
      throw new IllegalArgumentException(
          "wordvec.openai.weighting must be 'mean' or 'sif', was '" + properties.weighting() + "'");
    }
    this.defaultWeighting = configured;
  }

  @PostMapping({"/v1/embeddings", "/embeddings"})
  @Operation(
      summary = "Create embeddings (OpenAI-compatible)",
      description =
          """
          One unit-length vector per input text: the mean of its known words' unit vectors \
          (or with `weighting: sif` the smooth-inverse-frequency weighted mean), scaled to unit \
          length. A subword model (e.g. read from a fastText .bin) gives words outside its \
          vocabulary their character n-gram vectors, and counts them as known. Texts are tokenised as by `/api/v1/models/{model}/embed` (lowercase, split on \
          anything not a letter or digit). `/embeddings` is an alias.

          ```
          curl -s localhost:8080/v1/embeddings -H 'Content-Type: application/json' \\
            -d '{"model": "default", "input": ["The king and the queen.", "Paris"]}'
          ```

          An input of token ids gets a 400 (send text; for LangChain's OpenAIEmbeddings set \
          `check_embedding_ctx_length=False`); `dimensions` other than the model's gets a 400; \
          an input with no known word gets a 422 naming its index.""")
  @ApiResponse(responseCode = "200", description = "The embeddings")
  EmbeddingsResponse embeddings(@RequestBody EmbeddingsRequest request) {
    List<String> texts = texts(request.input());
    if (request.model() == null || request.model().isBlank()) {
      throw new InvalidParameterException(
          "model", request.model(), "a model name from GET /v1/models, or 'default'");
    }
    boolean base64 = base64(request.encodingFormat());
    Weighting weighting = weighting(request.weighting());
    if (request.dimensions() != null && request.dimensions() <= 0) {
      throw new InvalidParameterException("dimensions", request.dimensions(), "a positive number");
    }
    ModelRegistry.Selection selection = registry.select(request.model());
    metrics.answeredBy(selection);
    LoadedModel model = selection.model();
    int dimension = model.vectors().dimension();
    if (request.dimensions() != null && request.dimensions() != dimension) {
      throw new InvalidParameterException(
              "dimensions",
              request.dimensions(),
              dimension + ", the dimension of model '" + selection.name() + "' (or absent)")
          .with("dimension", dimension);
    }
    TextEmbedder embedder = new TextEmbedder(model.vectors(), model.hasCorpusCounts());
    Tokenizer tokenizer = Tokenizer.normalizing();
    List<EmbeddingsResponse.Embedding> data = new ArrayList<>(texts.size());
    long tokens = 0;
    long known = 0;
    for (int i = 0; i < texts.size(); i++) {
      // a subword model answers tokens outside its vocabulary from their n-grams
      TextEmbedder.Embedding e =
          embedder.embed(
              model.joinPhrases(tokenizer.tokenize(texts.get(i))), weighting, false, true);
      tokens += e.tokens();
      known += e.contributing();
      if (e.contributing() == 0) {
        metrics.tokens(selection, known, tokens - known);
        throw noKnownWords(selection.name(), i, e);
      }
      float[] vector = e.unitVector();
      data.add(new EmbeddingsResponse.Embedding("embedding", i, base64 ? encode(vector) : vector));
    }
    metrics.tokens(selection, known, tokens - known);
    return new EmbeddingsResponse(
        "list", data, selection.name(), new EmbeddingsResponse.Usage(tokens, tokens));
  }

  @GetMapping("/v1/models")
  @Operation(
      summary = "List the models (OpenAI-compatible)",
      description = "Every loaded model; its `id` is what `model` names in an embeddings request.")
  @ApiResponse(responseCode = "200", description = "The models")
  ModelList models() {
    if (!registry.isReady()) {
      throw new ModelsNotReadyException();
    }
    List<ModelList.Model> data = new ArrayList<>();
    for (ModelRegistry.Selection selection : registry.selections()) {
      data.add(model(selection));
    }
    return new ModelList("list", data);
  }

  @GetMapping("/v1/models/{model}")
  @Operation(summary = "Describe one model (OpenAI-compatible)")
  @ApiResponse(responseCode = "200", description = "The model")
  ModelList.Model model(
      @Parameter(description = "Model name, or `default`", example = "default") @PathVariable
          String model) {
    return model(registry.select(model));
  }

  private static ModelList.Model model(ModelRegistry.Selection selection) {
    long created =
        selection
            .model()
            .training()
            .map(training -> training.createdAt().getEpochSecond())
            .orElse(selection.loadedAt() == null ? 0 : selection.loadedAt().getEpochSecond());
    return new ModelList.Model(selection.name(), "model", created, "wordvec");
  }

  /** The input as a list of texts; token ids, wrong types and empty texts are refused. */
  private List<String> texts(Object input) {
    if (input instanceof String text) {
      return List.of(text(0, "input", text));
    }
    if (!(input instanceof List<?> items)) {
      if (input instanceof Number) {
        throw tokenIds();
      }
      throw new InvalidParameterException(
          "input", input, "a string or a non-empty array of strings");
    }
    if (items.isEmpty()) {
      throw new InvalidParameterException(
          "input", "[]", "a string or a non-empty array of strings");
    }
    if (items.size() > limits.maxBatchWords()) {
      throw new PayloadTooLargeException("input", items.size(), limits.maxBatchWords(), "inputs");
    }
    List<String> texts = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (item instanceof String text) {
        texts.add(text(i, "input[" + i + "]", text));
      } else if (item instanceof Number || item instanceof List<?>) {
        throw tokenIds();
      } else {
        throw new InvalidParameterException("input[" + i + "]", item, "a string");
      }
    }
    return texts;
  }

  private static String text(int index, String name, String text) {
    if (text.isBlank()) {
      throw new InvalidParameterException(name, text, "a non-empty text").with("index", index);
    }
    return text;
  }

  private static ApiException tokenIds() {
    return new ApiException(
            HttpStatus.BAD_REQUEST,
            "token-ids-not-supported",
            "Token ids are not supported",
            "'input' holds token ids: wordvec embeds text and has no tokenizer of OpenAI's, so"
                + " send the texts themselves (LangChain's OpenAIEmbeddings:"
                + " check_embedding_ctx_length=False)")
        .with("parameter", "input");
  }

  private static ApiException noKnownWords(String model, int index, TextEmbedder.Embedding e) {
    List<String> unknown = e.unknown().stream().limit(MAX_UNKNOWN_LISTED).toList();
    return new ApiException(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "no-known-words",
            "No known words",
            "input["
                + index
                + "] has no word that model '"
                + model
                + "' knows, so it has no embedding"
                + (unknown.isEmpty() ? " (it has no words at all)" : "; unknown: " + unknown))
        .with("parameter", "input[" + index + "]")
        .with("index", index)
        .with("model", model)
        .with("unknown", unknown);
  }

  private static boolean base64(String format) {
    if (format == null || format.equals("float")) {
      return false;
    }
    if (format.equals("base64")) {
      return true;
    }
    throw new InvalidParameterException("encoding_format", format, "'float' or 'base64'");
  }

  private Weighting weighting(String name) {
    if (name == null) {
      return defaultWeighting;
    }
    Weighting chosen = WEIGHTINGS.get(name.toLowerCase(Locale.ROOT));
    if (chosen == null) {
      throw new InvalidParameterException("weighting", name, "'mean' or 'sif'");
    }
    return chosen;
  }

  /** Little-endian float32, as OpenAI's SDKs decode it. */
  private static String encode(float[] vector) {
    ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES);
    bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(vector);
    return Base64.getEncoder().encodeToString(bytes.array());
  }
}
