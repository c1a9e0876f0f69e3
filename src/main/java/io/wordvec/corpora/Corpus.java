package io.wordvec.corpora;

import java.time.Instant;

/**
 * An uploaded corpus, stored as plain text in the data directory.
 *
 * @param id its id, used by jobs
 * @param name the uploaded file's name, if one was given
 * @param bytes size of the stored (uncompressed) text
 * @param lines lines (sentences)
 * @param tokens whitespace-separated tokens
 * @param uploadedAt when it was stored
 */
public record Corpus(
    String id, String name, long bytes, long lines, long tokens, Instant uploadedAt) {}
