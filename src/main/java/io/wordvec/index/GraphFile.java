package io.wordvec.index;

import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.NodesIterator;
import io.wordvec.io.AtomicFiles;
import io.wordvec.vectors.MappedBytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The index file: an HNSW graph as flat little-endian int arrays, laid out so that opening it maps
 * the big part and reads only the small one.
 *
 * <pre>
 * header   64 bytes: magic "WVHG", version, rows, dimension, levels, entry node, fingerprint (8),
 *                    beam width, alpha, overflow, entry level, code record bytes, 3 reserved ints
 * degrees  levels ints: the most neighbours a node has on each level
 * level L  for L = levels-1 .. 1: node count n; n node ids, ascending; n records
 * level 0  rows records, node id = record number (every row is on level 0)
 * record   1 + degree ints: the neighbour count, then the neighbours best first, zero-padded
 * codes    (version 2) zeros up to a multiple of 64 bytes, then one {@link RowCodes} record per row
 * </pre>
 *
 * <p>Version 1 files, which have no codes (and 0 code record bytes), are still read: their walks
 * score the float rows.
 *
 * <p>The upper levels hold about one node in {@code degree} and are read onto the heap; level 0,
 * {@code rows * (1 + degree) * 4} bytes, is memory-mapped (in chunks below 2 GB, the most one
 * mapping can hold on Java 17), so opening an index costs next to nothing and processes serving the
 * same file share its pages.
 */
final class GraphFile {

  static final int MAGIC = 0x47485657; // "WVHG" read as little-endian bytes
  static final int VERSION = 2;

  /** The oldest version this build reads: version 1 is version 2 without the codes. */
  static final int OLDEST_VERSION = 1;

  static final int HEADER_BYTES = 64;

  /** Highest level count and degree a file may claim: far above what any build produces. */
  private static final int MAX_LEVELS = 64;

  private static final int MAX_DEGREE = 4096;

  /** Bytes written to the channel at a time. */
  private static final int WRITE_BUFFER = 1 << 20;

  /** Largest level-0 chunk mapped at once: 1 GiB, well below the 2 GB limit of one mapping. */
  static final long CHUNK_BYTES = 1L << 30;

  private GraphFile() {}

  /** What the header says about the graph and how it was built. */
  record Header(
      int rows,
      int dimension,
      int levels,
      int entryLevel,
      int entryNode,
      long fingerprint,
      int beamWidth,
      float alpha,
      float overflow,
      int[] degrees) {}

  /**
   * Writes a complete graph (after jvector's cleanup) atomically: a crash leaves the old file or
   * none, never half of one.
   */
  static void write(
      Path file, ImmutableGraphIndex graph, UnitRows unitRows, long fingerprint, HnswParameters p)
      throws IOException {
    int rows = unitRows.rows();
    int dimension = unitRows.dimension();
    int codeRecordBytes = RowCodes.recordBytes(dimension);
    int levels = graph.getMaxLevel() + 1;
    int[] degrees = new int[levels];
    for (int level = 0; level < levels; level++) {
      degrees[level] = graph.getDegree(level);
    }
    AtomicFiles.writeChannel(
        file,
        channel -> {
          ByteBuffer buffer = ByteBuffer.allocate(WRITE_BUFFER).order(ByteOrder.LITTLE_ENDIAN);
          try (ImmutableGraphIndex.View view = graph.getView()) {
            buffer.putInt(MAGIC).putInt(VERSION).putInt(rows).putInt(dimension).putInt(levels);
            buffer.putInt(view.entryNode().node).putLong(fingerprint);
            buffer.putInt(p.beamWidth()).putFloat(p.alpha()).putFloat(p.overflow());
            buffer.putInt(view.entryNode().level);
            buffer.putInt(codeRecordBytes);
            buffer.position(HEADER_BYTES);
            for (int degree : degrees) {
              buffer.putInt(degree);
            }
            int[] record = new int[1 + Arrays.stream(degrees).max().orElse(0)];
            for (int level = levels - 1; level >= 1; level--) {
              int[] nodes = nodesOf(graph, level);
              put(channel, buffer, nodes.length);
              for (int node : nodes) {
                put(channel, buffer, node);
              }
              for (int node : nodes) {
                putRecord(channel, buffer, view, level, node, degrees[level], record);
              }
            }
            for (int node = 0; node < rows; node++) {
              putRecord(channel, buffer, view, 0, node, degrees[0], record);
            }
          }
          flush(channel, buffer);
          long end = channel.position();
          buffer.put(new byte[(int) (codesStart(end) - end)]);
          float[] unit = new float[dimension];
          byte[] codes = new byte[codeRecordBytes];
          for (int row = 0; row < rows; row++) {
            unitRows.copy(row, unit);
            RowCodes.encode(unit, codes);
            if (buffer.remaining() < codes.length) {
              flush(channel, buffer);
            }
            buffer.put(codes);
          }
          flush(channel, buffer);
        });
  }

  private static int[] nodesOf(ImmutableGraphIndex graph, int level) {
    NodesIterator it = graph.getNodes(level);
    int[] nodes = new int[it.size()];
    int n = 0;
    while (it.hasNext()) {
      nodes[n++] = it.nextInt();
    }
    int[] result = n == nodes.length ? nodes : Arrays.copyOf(nodes, n);
    Arrays.sort(result);
    return result;
  }

  private static void putRecord(
      FileChannel channel,
      ByteBuffer buffer,
      ImmutableGraphIndex.View view,
      int level,
      int node,
      int degree,
      int[] record)
      throws IOException {
    Arrays.fill(record, 0, 1 + degree, 0);
    NodesIterator neighbours = view.getNeighborsIterator(level, node);
    int count = 0;
    // jvector trims every list to the level's degree in its cleanup; the bound is a safeguard.
    while (neighbours.hasNext() && count < degree) {
      record[1 + count++] = neighbours.nextInt();
    }
    record[0] = count;
    for (int i = 0; i <= degree; i++) {
      put(channel, buffer, record[i]);
    }
  }

  private static void put(FileChannel channel, ByteBuffer buffer, int value) throws IOException {
    if (buffer.remaining() < Integer.BYTES) {
      flush(channel, buffer);
    }
    buffer.putInt(value);
  }

  private static void flush(FileChannel channel, ByteBuffer buffer) throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }

  /**
   * Opens an index file: checks its header and size, reads the upper levels and maps level 0.
   *
   * @throws IndexFileException if the file is not a complete index of this version
   */
  static MappedGraph open(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < HEADER_BYTES) {
        throw new IndexFileException(file, "too short to be an index (" + size + " bytes)");
      }
      ByteBuffer head = read(channel, 0, HEADER_BYTES);
      if (head.getInt() != MAGIC) {
        throw new IndexFileException(file, "not an index file (wrong magic number)");
      }
      int version = head.getInt();
      if (version < OLDEST_VERSION || version > VERSION) {
        throw new IndexFileException(
            file,
            "index format version "
                + version
                + ", this build reads "
                + OLDEST_VERSION
                + " to "
                + VERSION);
      }
      int rows = head.getInt();
      int dimension = head.getInt();
      int levels = head.getInt();
      int entry = head.getInt();
      long fingerprint = head.getLong();
      int beamWidth = head.getInt();
      float alpha = head.getFloat();
      float overflow = head.getFloat();
      int entryLevel = head.getInt();
      int codeRecordBytes = head.getInt();
      if (rows <= 0 || dimension <= 0 || levels < 1 || levels > MAX_LEVELS) {
        throw new IndexFileException(
            file,
            "corrupt header ("
                + rows
                + " rows, "
                + dimension
                + " dimensions, "
                + levels
                + " levels)");
      }
      if (entry < 0 || entry >= rows || entryLevel < 0 || entryLevel >= levels) {
        throw new IndexFileException(
            file, "corrupt header (entry node " + entry + " on level " + entryLevel + ")");
      }
      long position = HEADER_BYTES;
      ByteBuffer degreeBytes = read(channel, position, levels * Integer.BYTES, size, file);
      position += (long) levels * Integer.BYTES;
      int[] degrees = new int[levels];
      for (int level = 0; level < levels; level++) {
        degrees[level] = degreeBytes.getInt();
        if (degrees[level] < 1 || degrees[level] > MAX_DEGREE) {
          throw new IndexFileException(
              file, "corrupt header (degree " + degrees[level] + " on level " + level + ")");
        }
      }
      int[][] upperNodes = new int[levels][];
      int[][] upperRecords = new int[levels][];
      for (int level = levels - 1; level >= 1; level--) {
        int count = read(channel, position, Integer.BYTES, size, file).getInt();
        position += Integer.BYTES;
        if (count < 1 || count > rows) {
          throw new IndexFileException(file, "corrupt level " + level + " (" + count + " nodes)");
        }
        if ((long) count * Integer.BYTES > size - position) {
          // Checked in longs before any allocation: the count is a claim of the file.
          throw new IndexFileException(
              file, "truncated: level " + level + " claims " + count + " nodes, past the end");
        }
        upperNodes[level] = ints(read(channel, position, count * Integer.BYTES, size, file), count);
        position += (long) count * Integer.BYTES;
        int recordInts = 1 + degrees[level];
        long recordBytes = (long) count * recordInts * Integer.BYTES;
        if (recordBytes > Integer.MAX_VALUE) {
          throw new IndexFileException(file, "corrupt level " + level + " (too large)");
        }
        upperRecords[level] =
            ints(read(channel, position, (int) recordBytes, size, file), count * recordInts);
        position += recordBytes;
        checkUpperLevel(file, level, upperNodes[level], upperRecords[level], recordInts, rows);
      }
      if (entryLevel > 0 && Arrays.binarySearch(upperNodes[entryLevel], entry) < 0) {
        throw new IndexFileException(
            file, "corrupt header (entry node " + entry + " is not on level " + entryLevel + ")");
      }
      if (version >= 2 && codeRecordBytes != RowCodes.recordBytes(dimension)) {
        throw new IndexFileException(
            file, "corrupt header (" + codeRecordBytes + " bytes per row of codes)");
      }
      long recordBytes = (1L + degrees[0]) * Integer.BYTES;
      long level0End = position + rows * recordBytes;
      long codesStart = codesStart(level0End);
      long expected = version >= 2 ? codesStart + (long) rows * codeRecordBytes : level0End;
      if (size != expected) {
        throw new IndexFileException(
            file,
            size < expected
                ? "truncated: " + size + " bytes, the header announces " + expected
                : "corrupt: " + size + " bytes, the header announces " + expected);
      }
      int rowsPerChunk = (int) Math.min(rows, CHUNK_BYTES / recordBytes);
      int chunks = (rows + rowsPerChunk - 1) / rowsPerChunk;
      IntBuffer[] level0 = new IntBuffer[chunks];
      for (int c = 0; c < chunks; c++) {
        int first = c * rowsPerChunk;
        int count = Math.min(rowsPerChunk, rows - first);
        MappedByteBuffer mapped =
            channel.map(
                FileChannel.MapMode.READ_ONLY, position + first * recordBytes, count * recordBytes);
        level0[c] = mapped.order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
      }
      Header header =
          new Header(
              rows,
              dimension,
              levels,
              entryLevel,
              entry,
              fingerprint,
              beamWidth,
              alpha,
              overflow,
              degrees);
      RowCodes codes =
          version >= 2
              ? new RowCodes(
                  MappedBytes.map(
                      channel,
                      codesStart,
                      (long) rows * codeRecordBytes,
                      MappedBytes.DEFAULT_CHUNK_SHIFT),
                  rows,
                  dimension)
              : null;
      return new MappedGraph(file, header, upperNodes, upperRecords, level0, rowsPerChunk, codes);
    }
  }

  /**
   * Where the codes start after level 0 ends at {@code end}: the next multiple of 64, so that each
   * record of codes fills whole cache lines of the mapping.
   */
  private static long codesStart(long end) {
    return (end + 63) / 64 * 64;
  }

  /** Upper levels are small: check every id in them now, so that searches need not. */
  private static void checkUpperLevel(
      Path file, int level, int[] nodes, int[] records, int recordInts, int rows)
      throws IndexFileException {
    for (int i = 0; i < nodes.length; i++) {
      if (nodes[i] < 0 || nodes[i] >= rows || (i > 0 && nodes[i] <= nodes[i - 1])) {
        throw new IndexFileException(file, "corrupt level " + level + " (node list)");
      }
      int count = records[i * recordInts];
      if (count < 0 || count >= recordInts) {
        throw new IndexFileException(file, "corrupt level " + level + " (neighbour count)");
      }
      for (int j = 1; j <= count; j++) {
        int neighbour = records[i * recordInts + j];
        if (Arrays.binarySearch(nodes, neighbour) < 0) {
          throw new IndexFileException(
              file, "corrupt level " + level + " (neighbour " + neighbour + ")");
        }
      }
    }
  }

  private static ByteBuffer read(
      FileChannel channel, long position, int length, long size, Path file) throws IOException {
    if (position + length > size) {
      throw new IndexFileException(
          file, "truncated: " + size + " bytes, ends before byte " + (position + length));
    }
    return read(channel, position, length);
  }

  private static ByteBuffer read(FileChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        break;
      }
    }
    buffer.flip();
    return buffer;
  }

  private static int[] ints(ByteBuffer bytes, int count) {
    int[] out = new int[count];
    bytes.asIntBuffer().get(out);
    return out;
  }
}
