package io.wordvec.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request limits of the query API. A request over a limit gets a problem detail naming the
 * parameter and the limit (400, or 413 for oversize batches and bodies, 429 when too many queries
 * run at once).
 *
 * @param maxTopn largest {@code topn} a neighbour or analogy query may ask for
 * @param maxBatchWords most words (or texts, or queries) one batch request may carry
 * @param maxBodySize largest JSON request body
 * @param maxSuggestions most spelling suggestions given for one unknown word
 * @param maxConcurrentQueries most query requests answered at once; the next one gets 429 at once
 *     instead of waiting in a queue without bound. 0 = no cap
 * @param queryRetryAfter the {@code Retry-After} a query refused by the cap is told
 * @param maxWmdWords most distinct known words a text may have for the word mover's distance, whose
 *     cost grows with the product of both texts' counts
 * @param maxEf largest {@code ef} (candidates an approximate index keeps) a query may ask for: the
 *     bound on one request's search effort
 */
@ConfigurationProperties("wordvec.limits")
public record LimitsProperties(
    @DefaultValue("1000") int maxTopn,
    @DefaultValue("1000") int maxBatchWords,
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue("5") int maxSuggestions,
    @DefaultValue("64") int maxConcurrentQueries,
    @DefaultValue("1s") Duration queryRetryAfter,
    @DefaultValue("200") int maxWmdWords,
    @DefaultValue("1000") int maxEf) {}
