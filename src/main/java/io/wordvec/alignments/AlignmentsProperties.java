package io.wordvec.alignments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-model alignments ({@code wordvec.alignments.*}).
 *
 * @param identicalWords pairs of the default dictionary: the words frequent in both models
 * @param maxDictionaryPairs most pairs a dictionary may have (given or identical words): bounds the
 *     work of one alignment
 * @param maxAlignments most alignments kept; one more is refused with 409 until one is deleted
 * @param cslsK neighbours averaged by CSLS's penalties (k of Conneau et al.)
 * @param cslsCandidates nearest target words by cosine that CSLS ranks again for a query
 */
@ConfigurationProperties("wordvec.alignments")
public record AlignmentsProperties(
    @DefaultValue("5000") int identicalWords,
    @DefaultValue("100000") int maxDictionaryPairs,
    @DefaultValue("100") int maxAlignments,
    @DefaultValue("10") int cslsK,
    @DefaultValue("100") int cslsCandidates) {

  public AlignmentsProperties {
    if (identicalWords < 1
        || maxDictionaryPairs < 1
        || maxAlignments < 1
        || cslsK < 1
        || cslsCandidates < 1) {
      throw new IllegalArgumentException("wordvec.alignments.* settings must all be >= 1");
    }
  }
}
