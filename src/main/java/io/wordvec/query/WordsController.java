package io.wordvec.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wordvec.system.BadRequestProblem;
import io.wordvec.system.InvalidParameterException;
import io.wordvec.system.NotFoundProblem;
import io.wordvec.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/models/{model}")
@Tag(name = "Explore", description = "Maps of words and vocabulary search, for browsing a model")
class WordsController {

  private static final int DEFAULT_LIMIT = 10;
  private static final int MAX_PREFIX_LENGTH = 100;

  private final QuerySupport support;
  private final ExploreProperties explore;

  WordsController(QuerySupport support, ExploreProperties explore) {
    this.support = support;
    this.explore = explore;
  }

  /**
   * Words of the vocabulary that start with a prefix.
   *
   * @param model the model that answered
   * @param prefix the prefix searched
   * @param words the matches, most frequent first
   */
  record WordsResponse(String model, String prefix, List<WordCount> words) {}

  /**
   * One vocabulary word.
   *
   * @param word the word
   * @param rank its frequency rank (0 = most frequent) in the model's vocabulary
   * @param count its corpus count, 0 when the model does not know it (plain vector files)
   */
  record WordCount(@Schema(example = "king") String word, int rank, long count) {}

  @GetMapping("/words")
  @Operation(
      summary = "Search the vocabulary by prefix",
      description =
          "Words that start with the prefix, ignoring case, most frequent first: for"
              + " autocompletion. An empty prefix lists the most frequent words.")
  @ApiResponse(responseCode = "200", description = "The matching words")
  @BadRequestProblem("limit out of range or prefix too long")
  @NotFoundProblem("Unknown model")
  WordsResponse words(
      @ModelName @PathVariable String model,
      @Parameter(description = "The beginning of the words", example = "ki")
          @RequestParam(defaultValue = "")
          String prefix,
      @Parameter(
              description = "How many words (1 to wordvec.explore.max-prefix-matches)",
              example = "10")
          @RequestParam(required = false)
          Integer limit) {
    int max = explore.maxPrefixMatches();
    int n = QuerySupport.count("limit", limit, Math.min(DEFAULT_LIMIT, max), max);
    if (prefix.length() > MAX_PREFIX_LENGTH) {
      throw new InvalidParameterException(
              "prefix", prefix, "at most " + MAX_PREFIX_LENGTH + " characters long")
          .with("limit", MAX_PREFIX_LENGTH);
    }
    return support.query(
        model,
        (name, vectors) ->
            new WordsResponse(name, prefix, startingWith(vectors.vocabulary(), prefix, n)));
  }

  /**
   * A scan in id order, which is frequency order for vocabularies built from a corpus and for the
   * usual vector files, so the first matches are the most frequent ones and a common prefix stops
   * early. A rare prefix scans the whole vocabulary: about a millisecond per 100,000 words, cheap
   * next to the request itself, so no index is kept.
   */
  private static List<WordCount> startingWith(Vocabulary vocabulary, String prefix, int limit) {
    List<WordCount> matches = new ArrayList<>(limit);
    int size = vocabulary.size();
    for (int id = 0; id < size && matches.size() < limit; id++) {
      String word = vocabulary.word(id);
      if (word.regionMatches(true, 0, prefix, 0, prefix.length())) {
        matches.add(new WordCount(word, id, vocabulary.count(id)));
      }
    }
    return matches;
  }
}
