package io.wordvec.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request limits of the query API. A request over a limit gets a problem detail naming the
 * parameter and the limit (400, or 413 for oversize batches and bodies).
 *
 * @param maxTopn largest {@code topn} a neighbour or analogy query may ask for
 * @param maxBatchWords most words (or texts) one batch request may carry
 * @param maxBodySize largest JSON request body
 * @param maxSuggestions most spelling suggestions given for one unknown word
 * @param maxEf largest {@code ef} (candidates an approximate index keeps) a query may ask for: the
 *     bound on one request's search effort
 */
@ConfigurationProperties("wordvec.limits")
public record LimitsProperties(
    @DefaultValue("1000") int maxTopn,
    @DefaultValue("1000") int maxBatchWords,
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue("5") int maxSuggestions,
    @DefaultValue("1000") int maxEf) {}
