package io.wordvec.query;

import java.util.List;

/**
 * The answers to a batch of neighbour queries, in the order of the queries.
 *
 * @param model the model that answered them all
 * @param results one per query
 */
public record NeighborsBatchResponse(String model, List<NeighborsResponse> results) {}
