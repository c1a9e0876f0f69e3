package io.wordvec.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the exploration endpoints behind the web page.
 *
 * @param maxProjectionWords most words one projection may map (the cost grows with the square of
 *     the count, and a map of more words is unreadable anyway)
 * @param maxPrefixMatches largest {@code limit} of a prefix search
 */
@ConfigurationProperties("wordvec.explore")
record ExploreProperties(
    @DefaultValue("500") int maxProjectionWords, @DefaultValue("100") int maxPrefixMatches) {}
