package io.wordvec.align;

import java.util.Objects;

/**
 * One entry of a bilingual (or cross-model) dictionary: a word of the source model and the word of
 * the target model it should map to.
 *
 * @param source a word of the source model
 * @param target its translation in the target model
 */
public record WordPair(String source, String target) {

  public WordPair {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
  }
}
