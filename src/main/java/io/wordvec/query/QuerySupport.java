package io.wordvec.query;

import io.wordvec.io.LoadedModel;
import io.wordvec.models.ModelRegistry;
import io.wordvec.models.QueryMetrics;
import io.wordvec.system.InvalidParameterException;
import io.wordvec.system.LimitsProperties;
import io.wordvec.system.PayloadTooLargeException;
import io.wordvec.vectors.AnalogyMethod;
import io.wordvec.vectors.SearchOptions;
import io.wordvec.vectors.SubwordQueries;
import io.wordvec.vectors.UnknownWordsException;
import io.wordvec.vectors.WordVectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * What every query endpoint does around the engine call: pick the model once (so the request sees
 * one model even during a hot swap), check parameters against the configured limits, and turn
 * unknown words into a problem with spelling suggestions.
 */
@Component
class QuerySupport {

  /** Unknown words beyond this many get no suggestions: the scan costs about 1 ms per word. */
  private static final int MAX_WORDS_WITH_SUGGESTIONS = 10;

  /** The analogy methods by name; the 3-prefixed names are gensim's and the literature's. */
  private static final Map<String, AnalogyMethod> ANALOGY_METHODS =
      Map.of(
          "cosadd", AnalogyMethod.COSADD,
          "3cosadd", AnalogyMethod.COSADD,
          "cosmul", AnalogyMethod.COSMUL,
          "3cosmul", AnalogyMethod.COSMUL);

  private final ModelRegistry registry;
  private final LimitsProperties limits;
  private final QueryMetrics metrics;

  QuerySupport(ModelRegistry registry, LimitsProperties limits, QueryMetrics metrics) {
    this.registry = registry;
    this.limits = limits;
    this.metrics = metrics;
  }

  QueryMetrics metrics() {
    return metrics;
  }

  LimitsProperties limits() {
    return limits;
  }

  /**
   * Selects the model and runs a query that needs only its vectors: {@code query} gets the name of
   * the model that answers and its vectors. Unknown words become a 404 problem.
   */
  <T> T query(String model, BiFunction<String, WordVectors, T> query) {
    return query(model, selection -> query.apply(selection.name(), selection.model().vectors()));
  }

  /** Selects the model and runs the query on it, mapping unknown words to a 404 problem. */
  <T> T query(String model, Function<ModelRegistry.Selection, T> query) {
    ModelRegistry.Selection selection = registry.select(model);
    metrics.answeredBy(selection);
    try {
      return query.apply(selection);
    } catch (UnknownWordsException e) {
      throw wordNotFound(selection, e.words());
    }
  }

  WordNotFoundException wordNotFound(ModelRegistry.Selection selection, List<String> words) {
    Map<String, List<String>> suggestions = new LinkedHashMap<>();
    int max = limits.maxSuggestions();
    for (String word : words) {
      suggestions.put(
          word,
          suggestions.size() < MAX_WORDS_WITH_SUGGESTIONS
              ? SpellingSuggester.suggest(selection.model().vectors().vocabulary(), word, max)
              : List.of());
    }
    return new WordNotFoundException(selection.name(), words, suggestions);
  }

  int topn(Integer topn, int fallback) {
    return count("topn", topn, fallback, limits.maxTopn());
  }

  /** A count between 1 and a configured limit; {@code fallback} when absent. */
  static int count(String name, Integer count, int fallback, int limit) {
    int value = count == null ? fallback : count;
    if (value < 1 || value > limit) {
      throw new InvalidParameterException(
              name, count, "between 1 and " + limit + " (the configured limit)")
          .with("limit", limit);
    }
    return value;
  }

  /**
   * A query's search options: {@code exact} forces the exact scan; {@code ef}, when given, must be
   * between 1 and the configured limit (whether or not the model has an index, so that a request is
   * valid or not whatever model answers it).
   */
  SearchOptions searchOptions(Boolean exact, Integer ef) {
    return searchOptions("", exact, ef);
  }

  /** {@link #searchOptions(Boolean, Integer)} for a field of a query at {@code prefix}. */
  SearchOptions searchOptions(String prefix, Boolean exact, Integer ef) {
    if (ef != null) {
      count(prefix + "ef", ef, 0, limits.maxEf());
    }
    return new SearchOptions(Boolean.TRUE.equals(exact), ef == null ? 0 : ef);
  }

  int restrictVocab(Integer restrictVocab) {
    int value = restrictVocab == null ? 0 : restrictVocab;
    if (value < 0) {
      throw new InvalidParameterException(
          "restrictVocab", restrictVocab, ">= 0 (0 searches the whole vocabulary)");
    }
    return value;
  }

  /** A required word (query parameter or path segment): present and not blank. */
  String word(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidParameterException(name, value, "a non-empty word");
    }
    return value;
  }

  /** A word list: present, {@code min} items or more, within the batch limit, no blank word. */
  List<String> words(String name, List<String> words, int min) {
    if (words == null || words.size() < min) {
      throw new InvalidParameterException(
          name,
          words,
          min <= 1 ? "a non-empty list of words" : "a list of at least " + min + " words");
    }
    batch(name, words.size());
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (word == null || word.isBlank()) {
        throw new InvalidParameterException(name + "[" + i + "]", word, "a non-empty word");
      }
    }
    return words;
  }

  /** An optional word list: null is empty. */
  List<String> optionalWords(String name, List<String> words) {
    return words == null || words.isEmpty() ? List.of() : words(name, words, 1);
  }

  void batch(String name, int size) {
    if (size > limits.maxBatchWords()) {
      throw new PayloadTooLargeException(name, size, limits.maxBatchWords(), "items");
    }
  }

  /** The {@code oov} parameter's values: whether unknown words get their n-gram vectors. */
  private static final Map<String, Boolean> OOV_MODES = Map.of("ngram", true, "error", false);

  /** What the API calls {@code oov=ngram|error}, in one place for every route's documentation. */
  /** The documentation of the {@code exact} parameter, the same on every route that takes it. */
  static final String EXACT_DESCRIPTION =
      "Score every word, even when the model has an approximate index";

  /** The documentation of the {@code ef} parameter, the same on every route that takes it. */
  static final String EF_DESCRIPTION =
      "Candidates the model's approximate index keeps while it searches (1 to"
          + " wordvec.limits.max-ef); more finds more of the exact answers, more slowly. Default"
          + " wordvec.index.ef-search; ignored without an index or with exact";

  /** The documentation of a response's {@code oov} flag. */
  static final String OOV_FLAG_DESCRIPTION =
      "true when a query word is outside the vocabulary and answered from its character n-grams;"
          + " absent otherwise";

  /** The documentation of a response's {@code oovWords}. */
  static final String OOV_WORDS_DESCRIPTION =
      "The query words answered from their n-grams; absent when none";

  static final String OOV_DESCRIPTION =
      "What a word outside the vocabulary gets: `ngram` (the default) its vector from its"
          + " character n-grams, when the model has them (a subword model, e.g. read from a"
          + " fastText .bin), marked `oov`; `error` a 404 with suggested spellings, as a model"
          + " without n-grams always answers";

  /**
   * The {@code oov} parameter: true ({@code ngram}, the default) when unknown words of a subword
   * model get their n-gram vectors, false ({@code error}) when they are a 404.
   */
  boolean ngrams(String oov) {
    return choice("oov", oov, true, OOV_MODES, "'ngram' or 'error'");
  }

  /**
   * The model's vectors answering words outside the vocabulary as {@code ngrams} says, and a query
   * word of several words as the phrase it names when the model was trained with phrases.
   */
  static SubwordQueries subwords(LoadedModel model, boolean ngrams) {
    return new SubwordQueries(model.vectors(), ngrams, model::phraseFor);
  }

  /**
   * The query words answered from their n-grams, each once, in order; null when none was (omitted
   * in JSON).
   */
  static List<String> oovWords(List<SubwordQueries.Term> terms) {
    List<String> words =
        terms.stream().filter(SubwordQueries.Term::oov).map(t -> t.word()).distinct().toList();
    return words.isEmpty() ? null : words;
  }

  /** {@code true} when some query word was answered from its n-grams, else null (omitted). */
  static Boolean oov(List<SubwordQueries.Term> terms) {
    return terms.stream().anyMatch(SubwordQueries.Term::oov) ? Boolean.TRUE : null;
  }

  AnalogyMethod method(String method) {
    return choice("method", method, AnalogyMethod.COSADD, ANALOGY_METHODS, "'cosadd' or 'cosmul'");
  }

  /**
   * One of a few named options, ignoring case; {@code fallback} when absent or blank.
   *
   * @param expected the accepted names for the error message, e.g. {@code "'mean' or 'sif'"}
   */
  static <T> T choice(
      String name, String value, T fallback, Map<String, T> options, String expected) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    T chosen = options.get(value.toLowerCase(Locale.ROOT));
    if (chosen == null) {
      throw new InvalidParameterException(name, value, expected);
    }
    return chosen;
  }

  static String methodName(AnalogyMethod method) {
    return method.name().toLowerCase(Locale.ROOT);
  }

  /**
   * A query vector from JSON: an array of numbers, or a base64 string of little-endian float32
   * values (the encoding of OpenAI-style embeddings). Its length is checked against the model
   * later, when the model is known.
   */
  static float[] vector(String name, Object value) {
    if (value instanceof String text) {
      byte[] bytes;
      try {
        bytes = java.util.Base64.getDecoder().decode(text.strip());
      } catch (IllegalArgumentException e) {
        throw new InvalidParameterException(
            name, "(base64 text)", "an array of numbers or base64 of little-endian float32 values");
      }
      if (bytes.length == 0 || bytes.length % Float.BYTES != 0) {
        throw new InvalidParameterException(
            name,
            bytes.length + " bytes",
            "base64 of little-endian float32 values (a non-zero multiple of 4 bytes)");
      }
      float[] vector = new float[bytes.length / Float.BYTES];
      java.nio.ByteBuffer.wrap(bytes)
          .order(java.nio.ByteOrder.LITTLE_ENDIAN)
          .asFloatBuffer()
          .get(vector);
      return finite(name, vector);
    }
    if (value instanceof List<?> list && !list.isEmpty()) {
      float[] vector = new float[list.size()];
      for (int i = 0; i < vector.length; i++) {
        if (!(list.get(i) instanceof Number number)) {
          throw new InvalidParameterException(name + "[" + i + "]", list.get(i), "a number");
        }
        vector[i] = number.floatValue();
      }
      return finite(name, vector);
    }
    throw new InvalidParameterException(
        name,
        value instanceof List<?> ? "[]" : value,
        "a non-empty array of numbers or base64 of little-endian float32 values");
  }

  private static float[] finite(String name, float[] vector) {
    for (int i = 0; i < vector.length; i++) {
      if (!Float.isFinite(vector[i])) {
        throw new InvalidParameterException(
            name + "[" + i + "]", vector[i], "a finite number within the float range");
      }
    }
    return vector;
  }

  /** Checks a query vector's length against the model's dimension. */
  static void dimension(String name, float[] vector, int dimension) {
    if (vector.length != dimension) {
      throw new InvalidParameterException(
              name, vector.length + " values", dimension + " values (the model's dimension)")
          .with("dimension", dimension);
    }
  }
}
