package io.wordvec.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wordvec.system.BadRequestProblem;
import io.wordvec.system.NotFoundProblem;
import io.wordvec.system.PayloadTooLargeProblem;
import io.wordvec.vectors.SubwordQueries;
import io.wordvec.vectors.WordVectors;
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
@Tag(name = "Similarity", description = "Compare words and word sets")
class SimilarityController {

  private final QuerySupport support;

  SimilarityController(QuerySupport support) {
    this.support = support;
  }

  @GetMapping("/similarity")
  @Operation(
      summary = "Cosine similarity of two words",
      description =
          "A word outside the vocabulary of a subword model is compared by its n-gram vector,"
              + " marked in `oov` and `oovWords` (unless `oov=error`).")
  @ApiResponse(responseCode = "200", description = "The similarity")
  @BadRequestProblem("A word missing or blank, `oov` not ngram or error")
  @NotFoundProblem("Unknown model or word")
  SimilarityResponse similarity(
      @ModelName @PathVariable String model,
      @Parameter(description = "First word", example = "france") @RequestParam String a,
      @Parameter(description = "Second word", example = "paris") @RequestParam String b,
      @OovMode @RequestParam(required = false) String oov) {
    support.word("a", a);
    support.word("b", b);
    boolean ngrams = support.ngrams(oov);
    return support.query(
        model,
        selection -> {
          String name = selection.name();
          WordVectors vectors = selection.model().vectors();
          SubwordQueries subwords = QuerySupport.subwords(selection.model(), ngrams);
          List<SubwordQueries.Term> terms = subwords.resolve(List.of(a, b));
          return new SimilarityResponse(
              name,
              a,
              b,
              subwords.similarity(terms.get(0), terms.get(1)),
              QuerySupport.oov(terms),
              QuerySupport.oovWords(terms));
        });
  }

  @PostMapping("/similarity")
  @Operation(
      summary = "Similarity of two word sets",
      description =
          "Cosine similarity of the means of the two sets' raw vectors (not of their unit"
              + " vectors), as gensim's n_similarity computes it. Words outside the vocabulary of"
              + " a subword model take part by their n-gram vectors, marked in `oov` and"
              + " `oovWords` (unless `oov=error`).")
  @ApiResponse(responseCode = "200", description = "The similarity")
  @BadRequestProblem("No body, an empty set or a blank word, `oov` not ngram or error")
  @NotFoundProblem("Unknown model or word")
  @PayloadTooLargeProblem("More words in a and b together than wordvec.limits.max-batch-words")
  SetSimilarityResponse setSimilarity(
      @ModelName @PathVariable String model,
      @RequestBody SetSimilarityRequest request,
      @OovMode @RequestParam(required = false) String oov) {
    List<String> a = support.words("a", request.a(), 1);
    List<String> b = support.words("b", request.b(), 1);
    support.batch("a+b", a.size() + b.size());
    boolean ngrams = support.ngrams(oov);
    return support.query(
        model,
        selection -> {
          String name = selection.name();
          WordVectors vectors = selection.model().vectors();
          SubwordQueries subwords = QuerySupport.subwords(selection.model(), ngrams);
          List<SubwordQueries.Term> terms = subwords.resolve(concat(a, b));
          float similarity =
              subwords.nSimilarity(
                  terms.subList(0, a.size()), terms.subList(a.size(), terms.size()));
          return new SetSimilarityResponse(
              name, a, b, similarity, QuerySupport.oov(terms), QuerySupport.oovWords(terms));
        });
  }

  @PostMapping("/doesnt-match")
  @Operation(
      summary = "The odd one out",
      description =
          "The word furthest from the mean of the others (gensim's doesnt_match). Words outside"
              + " the vocabulary of a subword model take part by their n-gram vectors, marked in"
              + " `oov` and `oovWords` (unless `oov=error`).")
  @ApiResponse(responseCode = "200", description = "The odd one out")
  @BadRequestProblem("No body, fewer than two words or a blank word, `oov` not ngram or error")
  @NotFoundProblem("Unknown model or word")
  @PayloadTooLargeProblem("More words than wordvec.limits.max-batch-words")
  DoesntMatchResponse doesntMatch(
      @ModelName @PathVariable String model,
      @RequestBody DoesntMatchRequest request,
      @OovMode @RequestParam(required = false) String oov) {
    List<String> words = support.words("words", request.words(), 2);
    boolean ngrams = support.ngrams(oov);
    return support.query(
        model,
        selection -> {
          String name = selection.name();
          WordVectors vectors = selection.model().vectors();
          SubwordQueries subwords = QuerySupport.subwords(selection.model(), ngrams);
          List<SubwordQueries.Term> terms = subwords.resolve(words);
          return new DoesntMatchResponse(
              name,
              words,
              subwords.doesntMatch(terms),
              QuerySupport.oov(terms),
              QuerySupport.oovWords(terms));
        });
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    return all;
  }
}
