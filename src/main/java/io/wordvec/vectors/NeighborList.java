package io.wordvec.vectors;

import java.util.List;
import java.util.Objects;

/**
 * Neighbours found by one query, best first, and the name of the search that found them ({@code
 * "exact"} or an index's name such as {@code "hnsw"}), so that an answer can say whether it is
 * exact.
 *
 * @param neighbors best first; unmodifiable
 * @param search {@link NeighborSearch#name()} of the search that answered
 */
public record NeighborList(List<Neighbor> neighbors, String search) {

  public NeighborList {
    neighbors = List.copyOf(neighbors);
    Objects.requireNonNull(search, "search");
  }
}
