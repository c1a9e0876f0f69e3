package io.wordvec.train;

/**
 * What a training run saw of its corpus.
 *
 * @param source a human-readable name of the corpus (file name, upload id), never a full path
 * @param sentences lines (sentences) read in one pass
 * @param tokens tokens read in one pass, before the vocabulary cut
 * @param retainedTokens tokens of in-vocabulary words in one pass
 * @param distinctWords distinct words seen before the {@code minCount} cut
 * @param truncatedTokens tokens longer than the word-length limit, cut to it (in one pass)
 */
public record CorpusStats(
    String source,
    long sentences,
    long tokens,
    long retainedTokens,
    long distinctWords,
    long truncatedTokens) {

  /** Statistics of a corpus with no token cut. */
  public CorpusStats(
      String source, long sentences, long tokens, long retainedTokens, long distinctWords) {
    this(source, sentences, tokens, retainedTokens, distinctWords, 0);
  }
}
