package io.wordvec.eval;

/**
 * The outcome of a word-pair similarity evaluation.
 *
 * @param source name of the pair set
 * @param spearman Spearman's rank correlation between human scores and cosine similarities (NaN
 *     when fewer than two pairs could be scored)
 * @param pearson Pearson's correlation of the same (NaN likewise)
 * @param pairs pairs scored
 * @param oov pairs skipped because a word was outside the evaluated vocabulary
 */
public record WordPairResult(String source, double spearman, double pearson, int pairs, int oov) {

  /** Share of the pairs that were skipped, in percent (gensim's {@code oov_ratio}). */
  public double oovPercent() {
    return pairs + oov == 0 ? 0 : 100.0 * oov / (pairs + oov);
  }
}
