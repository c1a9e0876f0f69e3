package io.wordvec.alignments;

import io.wordvec.align.Translation;
import java.util.List;

/**
 * Translations of one word through a saved alignment.
 *
 * @param alignment the alignment's id
 * @param source the source model's name
 * @param target the target model's name
 * @param translations best first
 * @param oov whether the word is outside the source vocabulary and was translated by its n-gram
 *     vector
 */
public record Translated(
    String alignment, String source, String target, List<Translation> translations, boolean oov) {}
