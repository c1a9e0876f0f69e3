/**
 * Phrase detection, as word2phrase and gensim's {@code Phrases} do it: a streaming pass counts
 * words and adjacent pairs ({@link io.wordvec.phrases.PhraseCounter}), pairs that score above a
 * threshold become phrases ({@link io.wordvec.phrases.PhraseLayer}), and further passes over the
 * rewritten text build longer ones ({@link io.wordvec.phrases.Phrases}). {@link
 * io.wordvec.phrases.PhraseJoiner} joins the phrases a model knows in query text.
 *
 * <p>Part of the engine: imports only {@code io.wordvec.vocab}, never Spring.
 */
package io.wordvec.phrases;
