package io.wordvec.spark;

import java.io.Serializable;
import java.util.List;

/**
 * One partition of the corpus as id blocks, cached on its executor for the whole run.
 *
 * @param partition the partition's index
 * @param blocks block {@code r} is trained in sync round {@code r} of every epoch
 * @param words vocabulary words over all blocks
 * @param sentences sentences of the partition's text (before the vocabulary cut)
 * @param tokens tokens of the text
 * @param truncatedTokens tokens cut to the word-length limit
 */
record PartitionBlocks(
    int partition,
    List<int[]> blocks,
    long words,
    long sentences,
    long tokens,
    long truncatedTokens)
    implements Serializable {}
