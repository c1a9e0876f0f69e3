/**
 * Uploaded training corpora: streamed to the data directory, counted, listed, deleted; a job holds
 * a {@link io.wordvec.corpora.CorpusLease} on the corpus it trains on. Imports system and the
 * engine's vocab (the UTF-8 check uploads share with training): it knows nothing of jobs or models.
 */
package io.wordvec.corpora;
