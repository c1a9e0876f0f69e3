package io.wordvec.service.query;

import io.wordvec.service.models.ModelRegistry;
import io.wordvec.service.system.InvalidParameterException;
import io.wordvec.service.system.LimitsProperties;
import io.wordvec.service.system.PayloadTooLargeException;
import io.wordvec.vectors.AnalogyMethod;
import io.wordvec.vectors.UnknownWordsException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  private final ModelRegistry registry;
  private final LimitsProperties limits;

  QuerySupport(ModelRegistry registry, LimitsProperties limits) {
    this.registry = registry;
    this.limits = limits;
  }

  LimitsProperties limits() {
    return limits;
  }

  /** Selects the model and runs the query on it, mapping unknown words to a 404 problem. */
  <T> T query(String model, Function<ModelRegistry.Selection, T> query) {
    ModelRegistry.Selection selection = registry.select(model);
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
    int value = topn == null ? fallback : topn;
    if (value < 1 || value > limits.maxTopn()) {
      throw new InvalidParameterException(
              "topn", topn, "between 1 and " + limits.maxTopn() + " (the configured limit)")
          .with("limit", limits.maxTopn());
    }
    return value;
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

  AnalogyMethod method(String method) {
    if (method == null || method.isBlank()) {
      return AnalogyMethod.COSADD;
    }
    return switch (method.toLowerCase(Locale.ROOT)) {
      case "cosadd", "3cosadd" -> AnalogyMethod.COSADD;
      case "cosmul", "3cosmul" -> AnalogyMethod.COSMUL;
      default -> throw new InvalidParameterException("method", method, "'cosadd' or 'cosmul'");
    };
  }

  static String methodName(AnalogyMethod method) {
    return method.name().toLowerCase(Locale.ROOT);
  }
}
