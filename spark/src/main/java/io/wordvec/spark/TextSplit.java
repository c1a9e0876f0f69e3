package io.wordvec.spark;

import java.io.Serializable;

/**
 * A byte range of one corpus file, read by one partition: the lines that start in {@code [start,
 * end)}, the last one read to its end even past {@code end} ({@link SplitStream}).
 *
 * @param file the file's URI, as Hadoop's file systems name it
 * @param start first byte of the range
 * @param end end of the range, exclusive
 */
record TextSplit(String file, long start, long end) implements Serializable {}
