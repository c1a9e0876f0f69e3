/**
 * Words and their counts: {@link io.wordvec.vocab.Vocabulary}, the counting {@link
 * io.wordvec.vocab.VocabularyBuilder}, {@link io.wordvec.vocab.Tokenizer} and the streaming {@link
 * io.wordvec.vocab.CorpusReader}, and fastText's character n-grams of a word ({@link
 * io.wordvec.vocab.CharNgrams}).
 *
 * <p>The bottom of the engine: imports no other {@code io.wordvec} package, and never Spring.
 */
package io.wordvec.vocab;
