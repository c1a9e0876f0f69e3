package io.wordvec.alignments;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What to align, and from which dictionary.
 *
 * @param source the model whose words are translated (a name, or {@code default})
 * @param target the model they are translated into
 * @param dictionary {@code [source word, target word]} pairs; absent: the words spelt the same in
 *     both models, the most frequent in both first
 * @param identicalWords without a dictionary, how many identical words to learn from (default
 *     wordvec.alignments.identical-words)
 */
public record CreateAlignmentRequest(
    @Schema(description = "The model whose words are translated, or `default`", example = "default")
        String source,
    @Schema(description = "The model they are translated into", example = "default") String target,
    @Schema(
            description =
                "[source word, target word] pairs (a bilingual dictionary). Absent: the words"
                    + " spelt the same in both models, the most frequent in both first. At least"
                    + " as many usable pairs (both words known) as the models have dimensions;"
                    + " pairs with a word either model lacks are dropped and reported")
        List<List<String>> dictionary,
    @Schema(
            description =
                "Without a dictionary: how many words frequent in both models to learn from"
                    + " (default wordvec.alignments.identical-words, 5000)",
            example = "5000")
        Integer identicalWords) {}
