package io.wordvec.index;

import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.NodesIterator;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.util.Bits;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * An index file opened for searching, as jvector's {@link ImmutableGraphIndex}: jvector's searcher
 * walks it exactly as it walks the graph it built, but the neighbour lists of level 0 are read from
 * the mapped file instead of the heap.
 *
 * <p>Thread-safe and immutable: the heap arrays are never written after opening, and the mapped
 * buffers are read with absolute gets only. Every node of level 0 is live (indexes are built over a
 * whole model and never changed).
 */
final class MappedGraph implements ImmutableGraphIndex {

  private final Path file;
  private final GraphFile.Header header;

  /** Per upper level: its nodes, ascending (index 0 unused). */
  private final int[][] upperNodes;

  /** Per upper level: one record of {@code 1 + degree} ints per node of {@link #upperNodes}. */
  private final int[][] upperRecords;

  /** Level 0's records, in chunks of {@link #rowsPerChunk} nodes. */
  private final IntBuffer[] level0;

  private final int rowsPerChunk;
  private final int recordInts0;
  private final MappedView view = new MappedView(null);

  MappedGraph(
      Path file,
      GraphFile.Header header,
      int[][] upperNodes,
      int[][] upperRecords,
      IntBuffer[] level0,
      int rowsPerChunk) {
    this.file = file;
    this.header = header;
    this.upperNodes = upperNodes;
    this.upperRecords = upperRecords;
    this.level0 = level0;
    this.rowsPerChunk = rowsPerChunk;
    this.recordInts0 = 1 + header.degrees()[0];
  }

  GraphFile.Header header() {
    return header;
  }

  @Override
  public NodesIterator getNodes(int level) {
    if (level == 0) {
      int rows = header.rows();
      return new NodesIterator() {
        int next;

        @Override
        public int size() {
          return rows;
        }

        @Override
        public int nextInt() {
          return next++;
        }

        @Override
        public boolean hasNext() {
          return next < rows;
        }
      };
    }
    return new NodesIterator.ArrayNodesIterator(upperNodes[level]);
  }

  @Override
  public View getView() {
    return view;
  }

  /**
   * A view for one searcher at a time that keeps its own visited set ({@link VisitedSet}) instead
   * of marking nodes in the one jvector's searcher passes in (a hash set it fills to clear before
   * every search). Call {@link MappedView#startWalk()} before each search.
   */
  MappedView searchView() {
    return new MappedView(new VisitedSet());
  }

  @Override
  public int maxDegree() {
    return Arrays.stream(header.degrees()).max().orElse(0);
  }

  @Override
  public List<Integer> maxDegrees() {
    List<Integer> degrees = new ArrayList<>();
    for (int degree : header.degrees()) {
      degrees.add(degree);
    }
    return degrees;
  }

  @Override
  public int getDimension() {
    return header.dimension();
  }

  @Override
  public void close() {
    // Mapped buffers are released by the garbage collector; there is nothing else to free.
  }

  @Override
  public boolean isHierarchical() {
    return header.levels() > 1;
  }

  @Override
  public int getMaxLevel() {
    return header.levels() - 1;
  }

  @Override
  public int getDegree(int level) {
    int[] degrees = header.degrees();
    return degrees[Math.min(level, degrees.length - 1)];
  }

  @Override
  public double getAverageDegree(int level) {
    int nodes = size(level);
    long edges = 0;
    for (int i = 0; i < nodes; i++) {
      edges += level == 0 ? level0Count(i) : upperRecords[level][i * (1 + getDegree(level))];
    }
    return nodes == 0 ? 0 : (double) edges / nodes;
  }

  @Override
  public int size(int level) {
    if (level == 0) {
      return header.rows();
    }
    return level < header.levels() ? upperNodes[level].length : 0;
  }

  @Override
  public long ramBytesUsed() {
    long bytes = 0;
    for (int level = 1; level < header.levels(); level++) {
      bytes += 4L * (upperNodes[level].length + upperRecords[level].length);
    }
    return bytes;
  }

  private int level0Count(int node) {
    IntBuffer chunk = level0[node / rowsPerChunk];
    return chunk.get((node % rowsPerChunk) * recordInts0);
  }

  /** Calls {@code action} with each neighbour of {@code node} on {@code level}, best first. */
  private void forEachNeighbor(int level, int node, IntConsumer action) {
    int rows = header.rows();
    if (level == 0) {
      IntBuffer chunk = level0[node / rowsPerChunk];
      int base = (node % rowsPerChunk) * recordInts0;
      int count = chunk.get(base);
      if (count < 0 || count >= recordInts0) {
        throw corrupt(node);
      }
      for (int i = 1; i <= count; i++) {
        int neighbour = chunk.get(base + i);
        // Level 0 is mapped, not checked when opened (that would read every page of it): an id
        // out of range is caught here, one comparison per neighbour.
        if (Integer.compareUnsigned(neighbour, rows) >= 0) {
          throw corrupt(node);
        }
        action.accept(neighbour);
      }
      return;
    }
    int index = Arrays.binarySearch(upperNodes[level], node);
    if (index < 0) {
      return;
    }
    int recordInts = 1 + getDegree(level);
    int[] records = upperRecords[level];
    int base = index * recordInts;
    for (int i = 1; i <= records[base]; i++) {
      action.accept(records[base + i]);
    }
  }

  private IllegalStateException corrupt(int node) {
    return new IllegalStateException(
        file.getFileName() + ": corrupt neighbour list of node " + node + "; rebuild the index");
  }

  /**
   * jvector's view of the mapped graph. The shared one ({@link #getView()}) marks visited nodes in
   * the set the searcher passes; a view from {@link #searchView()} marks them in its own set, and
   * is used by one searcher at a time.
   */
  final class MappedView implements View {

    /** This view's own visited set, or null to use the searcher's. */
    private final VisitedSet visitedByWalk;

    private MappedView(VisitedSet visitedByWalk) {
      this.visitedByWalk = visitedByWalk;
    }

    /**
     * Empties this view's visited set and marks the entry node in it, as jvector's searcher marks
     * it in its own when a search starts.
     */
    void startWalk() {
      visitedByWalk.clear();
      visitedByWalk.add(header.entryNode());
    }

    private boolean mark(IntMarker visited, int node) {
      return visitedByWalk != null ? visitedByWalk.add(node) : visited.mark(node);
    }

    @Override
    public NodesIterator getNeighborsIterator(int level, int node) {
      IntStream.Builder neighbours = IntStream.builder();
      forEachNeighbor(level, node, neighbours::add);
      return new NodesIterator.ArrayNodesIterator(neighbours.build().toArray());
    }

    @Override
    public void processNeighbors(
        int level,
        int node,
        ScoreFunction scoreFunction,
        IntMarker visited,
        NeighborProcessor neighborProcessor) {
      if (level != 0) {
        forEachNeighbor(
            level,
            node,
            neighbour -> {
              if (mark(visited, neighbour)) {
                neighborProcessor.process(neighbour, scoreFunction.similarityTo(neighbour));
              }
            });
        return;
      }
      // Level 0 is where a search spends its time: the loop is written out, no lambda.
      int rows = header.rows();
      IntBuffer chunk = level0[node / rowsPerChunk];
      int base = (node % rowsPerChunk) * recordInts0;
      int count = chunk.get(base);
      if (count < 0 || count >= recordInts0) {
        throw corrupt(node);
      }
      for (int i = 1; i <= count; i++) {
        int neighbour = chunk.get(base + i);
        if (Integer.compareUnsigned(neighbour, rows) >= 0) {
          throw corrupt(node);
        }
        if (mark(visited, neighbour)) {
          neighborProcessor.process(neighbour, scoreFunction.similarityTo(neighbour));
        }
      }
    }

    @Override
    public int size() {
      return header.rows();
    }

    @Override
    public NodeAtLevel entryNode() {
      return new NodeAtLevel(header.entryLevel(), header.entryNode());
    }

    @Override
    public Bits liveNodes() {
      return Bits.ALL;
    }

    @Override
    public boolean contains(int level, int node) {
      if (level == 0) {
        return node >= 0 && node < header.rows();
      }
      return level < header.levels() && Arrays.binarySearch(upperNodes[level], node) >= 0;
    }

    @Override
    public void close() {
      // Shared by every searcher; nothing to release.
    }
  }
}
