package io.wordvec.query;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A neighbour query over word combinations.
 *
 * @param positive words that pull the answer towards them
 * @param negative words that push it away
 * @param topn how many neighbours (default 10)
 * @param restrictVocab search only the N most frequent words (default 0 = all)
 * @param method {@code cosadd} (default) or {@code cosmul}
 * @param vector a query vector instead of words (gensim's {@code similar_by_vector}): an array of
 *     numbers or base64 of little-endian float32 values, of the model's dimension
 * @param queries many queries in one request, each with the fields above, answered in parallel; the
 *     other fields must then be absent
 * @param exact answer with the exact scan even when the model has an approximate index
 * @param ef candidates the model's index keeps while it searches (default: its configured one)
 */
public record NeighborsRequest(
    @Schema(description = "Words that attract", example = "[\"king\", \"woman\"]")
        List<String> positive,
    @Schema(description = "Words that repel", example = "[\"man\"]") List<String> negative,
    @Schema(description = "How many neighbours (1 to wordvec.limits.max-topn)", example = "10")
        Integer topn,
    @Schema(description = "Search only the N most frequent words; 0 = all", example = "0")
        Integer restrictVocab,
    @Schema(
            description = "cosadd (3CosAdd, gensim most_similar) or cosmul (3CosMul)",
            allowableValues = {"cosadd", "cosmul"},
            example = "cosadd")
        String method,
    @Schema(
            description =
                "A query vector instead of words: numbers, or base64 of little-endian float32;"
                    + " as many as the model's dimension. Nothing is excluded from the answer.",
            oneOf = {float[].class, String.class},
            example = "null")
        Object vector,
    @Schema(
            description =
                "Many queries at once (up to wordvec.limits.max-batch-words), answered in"
                    + " parallel; the answer is then {model, results} with one result per query",
            example = "null")
        List<NeighborsRequest> queries,
    @Schema(
            description =
                "Score every word, even when the model has an approximate index (default false)",
            example = "false")
        Boolean exact,
    @Schema(
            description =
                "Candidates the model's approximate index keeps while it searches (1 to"
                    + " wordvec.limits.max-ef): more finds more of the exact answers, more slowly."
                    + " Default wordvec.index.ef-search; ignored without an index or with exact",
            example = "100")
        Integer ef) {}
