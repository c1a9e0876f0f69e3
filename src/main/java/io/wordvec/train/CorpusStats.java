package io.wordvec.train;

/**
 * What a training run saw of its corpus.
 *
 * @param source a human-readable name of the corpus (file name, upload id), never a full path
 * @param sentences lines (sentences) read in one pass
 * @param tokens tokens read in one pass, before the vocabulary cut
 * @param retainedTokens tokens of in-vocabulary words in one pass
 * @param distinctWords distinct words seen before the {@code minCount} cut
 */
public record CorpusStats(
    String source, long sentences, long tokens, long retainedTokens, long distinctWords) {}
