package io.wordvec.phrases;

/**
 * One phrase found by detection.
 *
 * @param text the joined token, {@code new_york}
 * @param pass the detection pass that found it, from 1
 * @param score its score, above the threshold
 * @param count how many times its two parts were adjacent in that pass's input
 */
public record Phrase(String text, int pass, double score, long count) {}
