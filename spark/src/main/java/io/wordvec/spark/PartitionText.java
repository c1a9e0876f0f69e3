package io.wordvec.spark;

import java.io.Serializable;

/**
 * One partition's text after the only pass over it: its distinct words with their counts, and its
 * tokens as indices into those words, so that the vocabulary is counted and the blocks are encoded
 * from the same read. Cached on the executor until the blocks are built.
 *
 * @param partition the partition's index
 * @param words the partition's distinct words (index = local id)
 * @param counts their counts in the partition
 * @param ids the tokens as local ids, {@link io.wordvec.train.BlockTrainer#SENTENCE_END} after each
 *     sentence, {@link #DROPPED} for a word the count had to prune
 * @param length ints used in {@code ids}
 * @param sentences sentences of the text
 * @param tokens tokens of the text
 * @param truncatedTokens tokens cut to the word-length limit
 */
record PartitionText(
    int partition,
    String[] words,
    long[] counts,
    int[] ids,
    int length,
    long sentences,
    long tokens,
    long truncatedTokens)
    implements Serializable {

  /** A token whose word the partition's count pruned (more distinct words than it holds). */
  static final int DROPPED = -2;
}
