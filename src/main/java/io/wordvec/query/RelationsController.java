package io.wordvec.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wordvec.system.BadRequestProblem;
import io.wordvec.system.InvalidParameterException;
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
@RequestMapping("/api/v1/models/{model}")
@Tag(name = "Relations", description = "Distances and ranks between words")
class RelationsController {

  private final QuerySupport support;

  RelationsController(QuerySupport support) {
    this.support = support;
  }

  /**
   * Distances from a word or a vector to other words.
   *
   * @param word the word to measure from
   * @param vector or a vector to measure from: numbers, or base64 of little-endian float32
   * @param others the words to measure to
   */
  record DistancesRequest(
      @Schema(description = "The word to measure from", example = "king") String word,
      @Schema(
              description = "Or a vector: numbers, or base64 of little-endian float32",
              oneOf = {float[].class, String.class},
              example = "null")
          Object vector,
      @Schema(description = "The words to measure to", example = "[\"queen\", \"paris\"]")
          List<String> others) {}

  /**
   * Cosine distances, in the order of the request.
   *
   * @param model the model that answered
   * @param word the word measured from, absent for a vector
   * @param distances one per other word
   * @param oov true when a word is outside the vocabulary and measured by its n-gram vector; absent
   *     otherwise
   * @param oovWords those words; absent when none
   */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record DistancesResponse(
      String model,
      String word,
      List<WordDistance> distances,
      @Schema(description = QuerySupport.OOV_FLAG_DESCRIPTION, example = "null") Boolean oov,
      @Schema(description = QuerySupport.OOV_WORDS_DESCRIPTION, example = "null")
          List<String> oovWords) {}

  /**
   * One distance.
   *
   * @param word the other word
   * @param distance {@code 1 - cosine}: 0 for the same direction, 2 for the opposite
   */
  record WordDistance(
      @Schema(example = "queen") String word, @Schema(example = "0.27") float distance) {}

  /**
   * Where a word stands among another's neighbours.
   *
   * @param model the model that answered
   * @param word the word whose neighbours are ranked
   * @param other the word ranked among them
   * @param distance {@code 1 - cosine} between the two
   * @param rank 1 + the number of words closer to {@code word} than {@code other} is (gensim's
   *     {@code rank})
   * @param closerThan those words, in vocabulary order (gensim's {@code closer_than}), at most
   *     {@code limit} of them
   * @param truncated whether {@code closerThan} was cut at {@code limit}
   * @param oov true when {@code word} or {@code other} is outside the vocabulary and ranked by its
   *     n-gram vector; absent otherwise
   * @param oovWords those words; absent when none
   */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record RankResponse(
      String model,
      @Schema(example = "king") String word,
      @Schema(example = "queen") String other,
      @Schema(example = "0.27") float distance,
      @Schema(example = "3") int rank,
      List<String> closerThan,
      boolean truncated,
      @Schema(description = QuerySupport.OOV_FLAG_DESCRIPTION, example = "null") Boolean oov,
      @Schema(description = QuerySupport.OOV_WORDS_DESCRIPTION, example = "null")
          List<String> oovWords) {}

  @PostMapping("/distances")
  @Operation(
      summary = "Distances from a word or a vector to other words",
      description =
          "Cosine distances, 1 - cosine, from `word` (or from `vector`) to each of `others`, in"
              + " order (gensim's `distances`). Words outside the vocabulary of a subword model"
              + " are measured by their n-gram vectors, marked in `oov` and `oovWords` (unless"
              + " `oov=error`).")
  @ApiResponse(responseCode = "200", description = "The distances")
  @BadRequestProblem(
      "No body, neither or both of word and vector, no others, a vector of the wrong dimension,"
          + " `oov` not ngram or error")
  @NotFoundProblem("Unknown model or word")
  @PayloadTooLargeProblem("More words than wordvec.limits.max-batch-words")
  DistancesResponse distances(
      @ModelName @PathVariable String model,
      @RequestBody DistancesRequest request,
      @OovMode @RequestParam(required = false) String oov) {
    List<String> others = support.words("others", request.others(), 1);
    boolean byWord = request.word() != null;
    if (byWord == (request.vector() != null)) {
      throw new InvalidParameterException(
          "word", request.word(), "given, or else a 'vector' (one of the two)");
    }
    String word = byWord ? support.word("word", request.word()) : null;
    float[] given = byWord ? null : QuerySupport.vector("vector", request.vector());
    boolean ngrams = support.ngrams(oov);
    return support.query(
        model,
        selection -> {
          String name = selection.name();
          WordVectors vectors = selection.model().vectors();
          SubwordQueries subwords = QuerySupport.subwords(selection.model(), ngrams);
          List<SubwordQueries.Term> terms =
              subwords.resolve(byWord ? concat(word, others) : others);
          float[] from;
          if (byWord) {
            from = subwords.vector(terms.get(0), false);
          } else {
            QuerySupport.dimension("vector", given, vectors.dimension());
            from = given;
          }
          float[] distances =
              subwords.distances(from, byWord ? terms.subList(1, terms.size()) : terms);
          List<WordDistance> out = new ArrayList<>(others.size());
          for (int i = 0; i < distances.length; i++) {
            out.add(new WordDistance(others.get(i), distances[i]));
          }
          return new DistancesResponse(
              name, word, out, QuerySupport.oov(terms), QuerySupport.oovWords(terms));
        });
  }

  @GetMapping("/rank")
  @Operation(
      summary = "Rank of a word among another's neighbours",
      description =
          "How far down `word`'s neighbour list `other` comes (gensim's `rank`), and the words"
              + " closer to `word` than `other` is (gensim's `closer_than`), in vocabulary order."
              + " A word outside the vocabulary of a subword model is ranked by its n-gram vector"
              + " (for `other`: where it would stand), marked in `oov` and `oovWords` (unless"
              + " `oov=error`).")
  @ApiResponse(responseCode = "200", description = "The rank")
  @BadRequestProblem("word or other missing or blank, limit out of range, `oov` not ngram or error")
  @NotFoundProblem("Unknown model or word")
  RankResponse rank(
      @ModelName @PathVariable String model,
      @Parameter(description = "The word whose neighbours are ranked", example = "king")
          @RequestParam
          String word,
      @Parameter(description = "The word to find among them", example = "queen") @RequestParam
          String other,
      @Parameter(
              description = "Most closer words listed (1 to wordvec.limits.max-topn)",
              example = "10")
          @RequestParam(required = false)
          Integer limit,
      @OovMode @RequestParam(required = false) String oov) {
    support.word("word", word);
    support.word("other", other);
    int n = support.topn(limit, 10);
    boolean ngrams = support.ngrams(oov);
    return support.query(
        model,
        selection -> {
          String name = selection.name();
          WordVectors vectors = selection.model().vectors();
          SubwordQueries subwords = QuerySupport.subwords(selection.model(), ngrams);
          List<SubwordQueries.Term> terms = subwords.resolve(List.of(word, other));
          int[] closer = subwords.closerThan(terms.get(0), terms.get(1));
          List<String> words = new ArrayList<>(Math.min(n, closer.length));
          for (int i = 0; i < closer.length && i < n; i++) {
            words.add(vectors.vocabulary().word(closer[i]));
          }
          float distance =
              subwords.distances(subwords.vector(terms.get(0), false), terms.subList(1, 2))[0];
          return new RankResponse(
              name,
              word,
              other,
              distance,
              closer.length + 1,
              words,
              closer.length > n,
              QuerySupport.oov(terms),
              QuerySupport.oovWords(terms));
        });
  }

  private static List<String> concat(String word, List<String> others) {
    List<String> all = new ArrayList<>(others.size() + 1);
    all.add(word);
    all.addAll(others);
    return all;
  }
}
