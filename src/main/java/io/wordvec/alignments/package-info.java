/**
 * Cross-model alignments over HTTP: {@code /api/v1/alignments} learns an orthogonal map between two
 * served models ({@link io.wordvec.align}), saves it in the data directory, lists, shows and
 * deletes it; {@link io.wordvec.alignments.AlignmentService#translate} answers translations through
 * a saved alignment, for the query API's translate route. Imports models and system and the engine;
 * never query, openai, corpora or jobs.
 */
package io.wordvec.alignments;
