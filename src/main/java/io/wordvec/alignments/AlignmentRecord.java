package io.wordvec.alignments;

import java.time.Instant;
import java.util.List;

/**
 * A saved alignment, as its JSON file in the data directory holds it: what it maps, how it was
 * learnt, the fingerprints of the two models it was learnt on, and the matrix itself.
 *
 * @param id the alignment's id
 * @param source the source model's name
 * @param target the target model's name
 * @param dimension both models' dimension
 * @param dictionary {@code given} (pairs in the request) or {@code identical} (words in both)
 * @param requestedPairs pairs given, or identical words asked for
 * @param pairs pairs the map was learnt from (both words known)
 * @param missingInSource given pairs whose source word the source model lacks
 * @param missingInTarget given pairs whose target word the target model lacks
 * @param missingSourceWords the first of those source words
 * @param missingTargetWords the first of those target words
 * @param meanCosine mean cosine of the mapped source words to their pairs' target words
 * @param sourceWords the source model's vocabulary size when aligned
 * @param targetWords the target model's vocabulary size when aligned
 * @param sourceFingerprint the source model's fingerprint when aligned
 * @param targetFingerprint the target model's fingerprint when aligned
 * @param createdAt when it was learnt
 * @param matrix the {@code dimension x dimension} map, row-major little-endian float32, base64
 */
record AlignmentRecord(
    String id,
    String source,
    String target,
    int dimension,
    String dictionary,
    int requestedPairs,
    int pairs,
    int missingInSource,
    int missingInTarget,
    List<String> missingSourceWords,
    List<String> missingTargetWords,
    double meanCosine,
    int sourceWords,
    int targetWords,
    String sourceFingerprint,
    String targetFingerprint,
    Instant createdAt,
    String matrix) {}
