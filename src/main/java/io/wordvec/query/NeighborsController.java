package io.wordvec.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wordvec.models.ModelRegistry;
import io.wordvec.system.BadRequestProblem;
import io.wordvec.system.InvalidParameterException;
import io.wordvec.system.NotFoundProblem;
import io.wordvec.system.PayloadTooLargeProblem;
import io.wordvec.vectors.AnalogyMethod;
import io.wordvec.vectors.Neighbor;
import io.wordvec.vectors.NeighborList;
import io.wordvec.vectors.SearchOptions;
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
@Tag(name = "Neighbours", description = "Nearest neighbours and analogies")
class NeighborsController {

  private static final int DEFAULT_TOPN = 10;

  private final QuerySupport support;

  NeighborsController(QuerySupport support) {
    this.support = support;
  }

  @GetMapping("/neighbors")
  @Operation(
      summary = "Nearest neighbours of a word",
      description =
          "The words with the most similar vectors (cosine), best first. A model with an"
              + " approximate index answers from it (\"search\": \"hnsw\"): the scores are"
              + " exact, a few of the true neighbours may be missing; exact=true scores every"
              + " word.")
  @ApiResponse(responseCode = "200", description = "The neighbours")
  @BadRequestProblem(
      "word missing or blank, topn, restrictVocab or ef out of range, oov not ngram or error")
  @NotFoundProblem("Unknown model or word")
  NeighborsResponse neighbors(
      @ModelName @PathVariable String model,
      @Parameter(description = "The word", example = "king") @RequestParam String word,
      @Parameter(description = "How many neighbours (1 to wordvec.limits.max-topn)", example = "10")
          @RequestParam(required = false)
          Integer topn,
      @Parameter(description = "Search only the N most frequent words; 0 = all", example = "0")
          @RequestParam(required = false)
          Integer restrictVocab,
      @Parameter(description = QuerySupport.EXACT_DESCRIPTION, example = "false")
          @RequestParam(required = false)
          Boolean exact,
      @Parameter(description = QuerySupport.EF_DESCRIPTION, example = "100")
          @RequestParam(required = false)
          Integer ef,
      @OovMode @RequestParam(required = false) String oov) {
    support.word("word", word);
    int n = support.topn(topn, DEFAULT_TOPN);
    int restrict = support.restrictVocab(restrictVocab);
    SearchOptions options = support.searchOptions(exact, ef);
    boolean ngrams = support.ngrams(oov);
    return support.query(
        model,
        selection -> {
          String name = selection.name();
          WordVectors vectors = selection.model().vectors();
          SubwordQueries subwords = QuerySupport.subwords(selection.model(), ngrams);
          List<SubwordQueries.Term> terms = subwords.resolve(List.of(word));
          NeighborList found = subwords.mostSimilar(terms, List.of(), n, restrict, options);
          return new NeighborsResponse(
              name,
              List.of(word),
              List.of(),
              QuerySupport.methodName(AnalogyMethod.COSADD),
              found.search(),
              scored(found.neighbors()),
              QuerySupport.oov(terms),
              QuerySupport.oovWords(terms));
        });
  }

  @PostMapping("/neighbors")
  @Operation(
      summary = "Nearest neighbours of a word combination, a vector, or many queries",
      description =
          "Neighbours of mean(positive) - mean(negative) with cosadd (gensim's most_similar), or"
              + " the 3CosMul objective with cosmul (most_similar_cosmul). With `vector` instead of"
              + " words: the neighbours of that vector (similar_by_vector), floats or base64 of"
              + " little-endian float32. With `queries`: many such queries in one request,"
              + " answered in parallel, and the answer is `{model, results}`. The example is the"
              + " analogy king - man + woman.")
  @ApiResponse(
      responseCode = "200",
      description = "The neighbours (or one result per query for `queries`)",
      content =
          @Content(
              schema = @Schema(oneOf = {NeighborsResponse.class, NeighborsBatchResponse.class})))
  @BadRequestProblem(
      "No body, no words or a blank word, topn, restrictVocab or ef out of range, unknown method,"
          + " a vector of the wrong dimension or with words")
  @NotFoundProblem("Unknown model or word")
  @PayloadTooLargeProblem("More words or queries than wordvec.limits.max-batch-words")
  Object neighborsOf(
      @ModelName @PathVariable String model,
      @RequestBody NeighborsRequest request,
      @OovMode @RequestParam(required = false) String oov) {
    boolean ngrams = support.ngrams(oov);
    if (request.queries() != null) {
      return batch(model, request, ngrams);
    }
    Query query = prepare("", request, ngrams);
    return support.query(model, query::answer);
  }

  private NeighborsBatchResponse batch(String model, NeighborsRequest request, boolean ngrams) {
    List<NeighborsRequest> queries = request.queries();
    if (request.positive() != null
        || request.negative() != null
        || request.vector() != null
        || request.topn() != null
        || request.restrictVocab() != null
        || request.method() != null
        || request.exact() != null
        || request.ef() != null) {
      throw new InvalidParameterException(
          "queries", "queries with other fields", "alone: put every field inside each query");
    }
    if (queries.isEmpty()) {
      throw new InvalidParameterException("queries", "[]", "a non-empty list of queries");
    }
    support.batch("queries", queries.size());
    List<Query> prepared = new java.util.ArrayList<>(queries.size());
    long words = 0;
    for (int i = 0; i < queries.size(); i++) {
      NeighborsRequest q = queries.get(i);
      String prefix = "queries[" + i + "].";
      if (q == null) {
        throw new InvalidParameterException("queries[" + i + "]", null, "a query object");
      }
      if (q.queries() != null) {
        throw new InvalidParameterException(prefix + "queries", "nested queries", "absent");
      }
      Query query = prepare(prefix, q, ngrams);
      words += query.positive().size() + query.negative().size();
      prepared.add(query);
    }
    support.batch("queries[*].positive+negative", (int) Math.min(Integer.MAX_VALUE, words));
    return support.query(
        model,
        selection -> {
          String name = selection.name();
          var vectors = selection.model().vectors();
          // one model for the whole batch (selected once); the queries share no state
          NeighborsResponse[] results = new NeighborsResponse[prepared.size()];
          java.util.stream.IntStream.range(0, prepared.size())
              .parallel()
              .forEach(
                  i -> {
                    try {
                      results[i] = prepared.get(i).answer(selection);
                    } catch (io.wordvec.vectors.UnknownWordsException e) {
                      throw support.wordNotFound(selection, e.words()).with("query", i);
                    }
                  });
          return new NeighborsBatchResponse(name, List.of(results));
        });
  }

  /** One validated neighbour query, ready to run on a model. */
  private record Query(
      List<String> positive,
      List<String> negative,
      float[] vector,
      int topn,
      int restrictVocab,
      AnalogyMethod method,
      SearchOptions options,
      String prefix,
      boolean ngrams) {

    NeighborsResponse answer(ModelRegistry.Selection selection) {
      String name = selection.name();
      WordVectors vectors = selection.model().vectors();
      NeighborList found;
      List<SubwordQueries.Term> terms = List.of();
      if (vector != null) {
        QuerySupport.dimension(prefix + "vector", vector, vectors.dimension());
        found = vectors.similarByVector(vector, topn, restrictVocab, options);
      } else {
        SubwordQueries subwords = QuerySupport.subwords(selection.model(), ngrams);
        List<String> all = new java.util.ArrayList<>(positive);
        all.addAll(negative);
        terms = subwords.resolve(all); // every unknown word of both lists in one 404
        List<SubwordQueries.Term> pos = terms.subList(0, positive.size());
        List<SubwordQueries.Term> neg = terms.subList(positive.size(), terms.size());
        if (method == AnalogyMethod.COSMUL) {
          cosMulNeedsVocabularyWords(prefix + "method", terms);
          found =
              vectors.mostSimilarCosMulIds(
                  SubwordQueries.ids(pos), SubwordQueries.ids(neg), topn, restrictVocab, options);
        } else {
          found = subwords.mostSimilar(pos, neg, topn, restrictVocab, options);
        }
      }
      return new NeighborsResponse(
          name,
          positive,
          negative,
          QuerySupport.methodName(method),
          found.search(),
          scored(found.neighbors()),
          QuerySupport.oov(terms),
          QuerySupport.oovWords(terms));
    }
  }

  /**
   * 3CosMul scores rows by their cosines with each query word's row, which a word outside the
   * vocabulary does not have: such a query is a 400 that says to use cosadd.
   */
  private static void cosMulNeedsVocabularyWords(String name, List<SubwordQueries.Term> terms) {
    List<String> oov = QuerySupport.oovWords(terms);
    if (oov != null) {
      throw new InvalidParameterException(
              name,
              "cosmul",
              "'cosadd' (or absent): "
                  + oov
                  + " are outside the vocabulary and answered from n-grams, which 3CosMul does not"
                  + " take (or send oov=error)")
          .with("oovWords", oov);
    }
  }

  private Query prepare(String prefix, NeighborsRequest request, boolean ngrams) {
    List<String> positive = support.optionalWords(prefix + "positive", request.positive());
    List<String> negative = support.optionalWords(prefix + "negative", request.negative());
    float[] vector =
        request.vector() == null ? null : QuerySupport.vector(prefix + "vector", request.vector());
    if (vector != null && (!positive.isEmpty() || !negative.isEmpty())) {
      throw new InvalidParameterException(
          prefix + "vector", "a vector with words", "given without 'positive' and 'negative'");
    }
    if (vector == null && positive.isEmpty() && negative.isEmpty()) {
      throw new InvalidParameterException(
          prefix + "positive",
          request.positive(),
          "a non-empty list of words (or give 'negative', or a 'vector')");
    }
    support.batch(prefix + "positive+negative", positive.size() + negative.size());
    int n = support.topn(request.topn(), DEFAULT_TOPN);
    int restrict = support.restrictVocab(request.restrictVocab());
    AnalogyMethod method = support.method(request.method());
    if (method == AnalogyMethod.COSMUL && positive.isEmpty()) {
      throw new InvalidParameterException(
          prefix + "positive",
          request.positive(),
          "a non-empty list of words with method 'cosmul'");
    }
    if (vector != null && method == AnalogyMethod.COSMUL) {
      throw new InvalidParameterException(
          prefix + "method", request.method(), "'cosadd' (or absent) with a vector");
    }
    SearchOptions options = support.searchOptions(prefix, request.exact(), request.ef());
    return new Query(positive, negative, vector, n, restrict, method, options, prefix, ngrams);
  }

  @GetMapping("/analogy")
  @Operation(
      summary = "Analogy: a is to b as c is to ?",
      description =
          "With the example, man is to king as woman is to ? (expect queen). The three words are"
              + " excluded from the answers. A model with an approximate index answers from it"
              + " unless exact=true. Words outside the vocabulary of a subword model take their"
              + " n-gram vectors (cosadd only), marked in `oov` and `oovWords`.")
  @ApiResponse(responseCode = "200", description = "The answers, best first")
  @BadRequestProblem(
      "a, b or c missing or blank, topn or ef out of range, unknown method, oov not ngram or"
          + " error, cosmul with a word answered from n-grams")
  @NotFoundProblem("Unknown model or word")
  AnalogyResponse analogy(
      @ModelName @PathVariable String model,
      @Parameter(description = "a", example = "man") @RequestParam String a,
      @Parameter(description = "b", example = "king") @RequestParam String b,
      @Parameter(description = "c", example = "woman") @RequestParam String c,
      @Parameter(description = "How many answers (1 to wordvec.limits.max-topn)", example = "5")
          @RequestParam(required = false)
          Integer topn,
      @Parameter(
              description = "cosadd (3CosAdd) or cosmul (3CosMul)",
              example = "cosadd",
              schema = @Schema(allowableValues = {"cosadd", "cosmul"}))
          @RequestParam(required = false)
          String method,
      @Parameter(description = QuerySupport.EXACT_DESCRIPTION, example = "false")
          @RequestParam(required = false)
          Boolean exact,
      @Parameter(description = QuerySupport.EF_DESCRIPTION, example = "100")
          @RequestParam(required = false)
          Integer ef,
      @OovMode @RequestParam(required = false) String oov) {
    support.word("a", a);
    support.word("b", b);
    support.word("c", c);
    int n = support.topn(topn, DEFAULT_TOPN);
    AnalogyMethod analogyMethod = support.method(method);
    SearchOptions options = support.searchOptions(exact, ef);
    boolean ngrams = support.ngrams(oov);
    return support.query(
        model,
        selection -> {
          String name = selection.name();
          WordVectors vectors = selection.model().vectors();
          SubwordQueries subwords = QuerySupport.subwords(selection.model(), ngrams);
          List<SubwordQueries.Term> terms = subwords.resolve(List.of(a, b, c));
          NeighborList found;
          if (analogyMethod == AnalogyMethod.COSMUL) {
            cosMulNeedsVocabularyWords("method", terms);
            // by rows: a query word may be a phrase asked as "New York"
            found =
                vectors.mostSimilarCosMulIds(
                    SubwordQueries.ids(terms.subList(1, 3)),
                    SubwordQueries.ids(terms.subList(0, 1)),
                    n,
                    0,
                    options);
          } else {
            found = subwords.mostSimilar(terms.subList(1, 3), terms.subList(0, 1), n, 0, options);
          }
          return new AnalogyResponse(
              name,
              a,
              b,
              c,
              QuerySupport.methodName(analogyMethod),
              found.search(),
              scored(found.neighbors()),
              QuerySupport.oov(terms),
              QuerySupport.oovWords(terms));
        });
  }

  private static List<NeighborsResponse.ScoredWord> scored(List<Neighbor> neighbors) {
    return neighbors.stream()
        .map(neighbor -> new NeighborsResponse.ScoredWord(neighbor.word(), neighbor.score()))
        .toList();
  }
}
