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

/**
 * An index file opened for searching: the upper levels in the heap, the neighbour lists of level 0
 * read from the mapped file. Queries walk it with {@link GraphWalker} ({@link #neighbours}); it is
 * also jvector's {@link ImmutableGraphIndex}, which jvector's searcher walks exactly as the graph
 * it built, so that the two walks can be compared (the tests and the library benchmark do).
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

  /** The 8-bit rows the walks score, or null (an index file of version 1). */
  private final RowCodes codes;

  private final int recordInts0;
  private final MappedView view = new MappedView();

  MappedGraph(
      Path file,
      GraphFile.Header header,
      int[][] upperNodes,
      int[][] upperRecords,
      IntBuffer[] level0,
      int rowsPerChunk,
      RowCodes codes) {
    this.file = file;
    this.header = header;
    this.upperNodes = upperNodes;
    this.upperRecords = upperRecords;
    this.level0 = level0;
    this.rowsPerChunk = rowsPerChunk;
    this.codes = codes;
    this.recordInts0 = 1 + header.degrees()[0];
  }

  GraphFile.Header header() {
    return header;
  }

  /** The index's 8-bit copy of the rows, or null if its file has none. */
  RowCodes codes() {
    return codes;
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

  /**
   * Copies the neighbours of {@code node} on {@code level} into {@code out} (at least {@link
   * #maxDegree()} long), best first, and returns how many there are: none for a node absent from an
   * upper level.
   *
   * @throws IllegalStateException if the file's neighbour list of the node is corrupt
   */
  int neighbours(int level, int node, int[] out) {
    if (level == 0) {
      IntBuffer chunk = level0[node / rowsPerChunk];
      int base = (node % rowsPerChunk) * recordInts0;
      int count = chunk.get(base);
      if (count < 0 || count >= recordInts0) {
        throw corrupt(node);
      }
      chunk.get(base + 1, out, 0, count);
      int rows = header.rows();
      for (int i = 0; i < count; i++) {
        // Level 0 is mapped, not checked when opened (that would read every page of it): an id
        // out of range is caught here, one comparison per neighbour.
        if (Integer.compareUnsigned(out[i], rows) >= 0) {
          throw corrupt(node);
        }
      }
      return count;
    }
    int index = Arrays.binarySearch(upperNodes[level], node);
    if (index < 0) {
      return 0;
    }
    int[] records = upperRecords[level];
    int base = index * (1 + getDegree(level));
    int count = records[base];
    System.arraycopy(records, base + 1, out, 0, count);
    return count;
  }

  /** The neighbours of {@code node} on {@code level}, best first, as a new array. */
  private int[] neighbours(int level, int node) {
    int[] out = new int[maxDegree()];
    return Arrays.copyOf(out, neighbours(level, node, out));
  }

  private IllegalStateException corrupt(int node) {
    return new IllegalStateException(
        file.getFileName() + ": corrupt neighbour list of node " + node + "; rebuild the index");
  }

  /**
   * jvector's view of the mapped graph, for jvector's own searcher (the service walks it with
   * {@link GraphWalker}); it marks visited nodes in the set the searcher passes.
   */
  final class MappedView implements View {

    @Override
    public NodesIterator getNeighborsIterator(int level, int node) {
      return new NodesIterator.ArrayNodesIterator(neighbours(level, node));
    }

    @Override
    public void processNeighbors(
        int level,
        int node,
        ScoreFunction scoreFunction,
        IntMarker visited,
        NeighborProcessor neighborProcessor) {
      for (int neighbour : neighbours(level, node)) {
        if (visited.mark(neighbour)) {
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
