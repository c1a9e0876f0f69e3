package io.wordvec.spark;

import io.wordvec.train.BlockTrainer;
import java.io.Serializable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * The model of a run between sync rounds, held by the driver, merged into in place and broadcast
 * once per round: both matrices packed as little-endian floats into chunks of whole rows. Chunk
 * {@code c} holds rows {@code [c * rowsPerChunk, (c + 1) * rowsPerChunk)}: their input rows, then
 * their output rows.
 *
 * <p>Why bytes: Spark stores, sizes and serializes a broadcast value, which for a byte array is a
 * bulk copy where float arrays are written float by float; and each task needs its own copy of the
 * matrices anyway (in local mode the broadcast value is the driver's own object), which {@link
 * #copyTo} makes. Why chunks: a Java array holds fewer than 2^31 elements, and both matrices of a
 * 1M-word, 300-dimensional model are 2.4 GB, more than one byte array can hold (one array of both
 * matrices stopped the engine at 894k words at 300 dimensions). A chunk is at most {@link
 * #DEFAULT_CHUNK_BYTES} by default.
 *
 * <p>Not thread-safe for writes: the driver merges ({@link #addToInputRow}) between rounds, when no
 * task reads it. Reads ({@link #copyTo}, {@link #input}) may run concurrently.
 */
final class ModelState implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The default largest chunk: a quarter of a gigabyte. */
  static final long DEFAULT_CHUNK_BYTES = 256L << 20;

  /** The largest byte array the JVM allocates. */
  static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private static final VarHandle FLOAT =
      MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

  private final int rows;
  private final int dim;
  private final int rowsPerChunk;
  private final byte[][] chunks;

  private ModelState(int rows, int dim, long chunkBytes) {
    if (rows < 0 || dim < 1) {
      throw new IllegalArgumentException("bad model shape " + rows + " x " + dim);
    }
    requireArrays(rows, dim);
    long rowBytes = 8L * dim;
    this.rows = rows;
    this.dim = dim;
    this.rowsPerChunk =
        (int) Math.max(1, Math.min(Math.min(chunkBytes, MAX_ARRAY) / rowBytes, Math.max(1, rows)));
    int count = (int) ((rows + (long) rowsPerChunk - 1) / rowsPerChunk);
    this.chunks = new byte[count][];
    for (int c = 0; c < count; c++) {
      chunks[c] = new byte[(int) (rowBytes * rowsIn(c))];
    }
  }

  /**
   * Rows x dim floats as one Java array, or a clear error naming the limit: a partition trains on
   * float arrays, one per matrix, and the trained model is two such arrays.
   *
   * @throws IllegalArgumentException if a matrix of {@code rows x dim} floats cannot be one array
   */
  static void requireArrays(long rows, int dim) {
    long cells = rows * dim;
    if (cells > MAX_ARRAY) {
      throw new IllegalArgumentException(
          "vocabulary of "
              + rows
              + " words x dimension "
              + dim
              + " is "
              + cells
              + " floats per matrix; the Spark engine trains each partition on Java float arrays"
              + " of at most "
              + MAX_ARRAY
              + " floats (for example "
              + (MAX_ARRAY / dim)
              + " words at dimension "
              + dim
              + "); lower dimension or maxVocab, or raise minCount");
    }
  }

  /**
   * A run's first model: input rows as a local training with the same seed starts, output rows 0.
   */
  static ModelState initial(int rows, int dim, long seed, long chunkBytes) {
    requireArrays(rows, dim);
    return of(BlockTrainer.initialInputVectors(rows, dim, seed), null, rows, dim, chunkBytes);
  }

  /**
   * The matrices packed into chunks of at most {@code chunkBytes} (at least one row each).
   *
   * @param outputVectors the output matrix, or null for zeros
   */
  static ModelState of(
      float[] inputVectors, float[] outputVectors, int rows, int dim, long chunkBytes) {
    ModelState state = new ModelState(rows, dim, chunkBytes);
    if (inputVectors.length != (long) rows * dim
        || (outputVectors != null && outputVectors.length != inputVectors.length)) {
      throw new IllegalArgumentException("matrices must hold rows x dim floats");
    }
    for (int c = 0; c < state.chunks.length; c++) {
      int from = c * state.rowsPerChunk * dim;
      int n = state.rowsIn(c) * dim;
      FloatBuffer floats = state.view(c);
      floats.put(inputVectors, from, n);
      if (outputVectors != null) {
        floats.put(outputVectors, from, n);
      }
    }
    return state;
  }

  /**
   * A new matrix of {@code cells} floats, or an {@link IllegalStateException} saying "out of memory
   * for {@code what}". Why not let the {@link OutOfMemoryError} through: Spark takes an executor
   * with a fatal error down (in local mode, the driver JVM itself, whose last words are then a
   * cancellation), and a CLI run would end in the error's stack trace; a plain exception fails the
   * task, or the run, with the reason. The error is not attached as the cause, since Spark looks
   * for fatal errors among the causes too.
   */
  static float[] matrix(long cells, String what) {
    try {
      return new float[Math.toIntExact(cells)];
    } catch (OutOfMemoryError e) {
      throw new IllegalStateException("out of memory for " + what);
    }
  }

  int rows() {
    return rows;
  }

  int dim() {
    return dim;
  }

  int chunkCount() {
    return chunks.length;
  }

  /** Bytes of the two matrices, what one broadcast carries before compression. */
  long bytes() {
    return 8L * rows * dim;
  }

  /** Copies the matrices into {@code rows x dim} arrays (a task's own copy, the trained model). */
  void copyTo(float[] inputVectors, float[] outputVectors) {
    for (int c = 0; c < chunks.length; c++) {
      int from = c * rowsPerChunk * dim;
      int n = rowsIn(c) * dim;
      FloatBuffer floats = view(c);
      floats.get(inputVectors, from, n);
      floats.get(outputVectors, from, n);
    }
  }

  /** Copies row {@code row} of both matrices into the same row of two {@code rows x dim} arrays. */
  void copyRowTo(int row, float[] inputVectors, float[] outputVectors) {
    int c = row / rowsPerChunk;
    FloatBuffer floats = view(c);
    int n = rowsIn(c);
    int at = (row - c * rowsPerChunk) * dim;
    floats.get(at, inputVectors, row * dim, dim);
    floats.get(n * dim + at, outputVectors, row * dim, dim);
  }

  /** Float {@code i} of input row {@code row}. */
  float input(int row, int i) {
    int c = row / rowsPerChunk;
    return (float) FLOAT.get(chunks[c], 4 * ((row - c * rowsPerChunk) * dim + i));
  }

  /** Float {@code i} of output row {@code row}. */
  float output(int row, int i) {
    int c = row / rowsPerChunk;
    return (float) FLOAT.get(chunks[c], 4 * ((rowsIn(c) + row - c * rowsPerChunk) * dim + i));
  }

  /**
   * Subtracts row {@code row} of both matrices from the same row of {@code inputVectors} and {@code
   * outputVectors} ({@code rows x dim} each), in place.
   */
  void subtractRow(int row, float[] inputVectors, float[] outputVectors) {
    int c = row / rowsPerChunk;
    byte[] chunk = chunks[c];
    int in = 4 * (row - c * rowsPerChunk) * dim;
    int out = in + 4 * rowsIn(c) * dim;
    int base = row * dim;
    for (int i = 0; i < dim; i++) {
      inputVectors[base + i] -= (float) FLOAT.get(chunk, in + 4 * i);
      outputVectors[base + i] -= (float) FLOAT.get(chunk, out + 4 * i);
    }
  }

  /**
   * Writes the change of input row {@code row} into {@code to[at..at + dim)}: the row of {@code
   * trained} ({@code rows x dim}) less this model's, rounded as a packed change is ({@link
   * RowDelta#round}).
   */
  void inputChange(int row, float[] trained, float[] to, int at) {
    int c = row / rowsPerChunk;
    change(chunks[c], 4 * (row - c * rowsPerChunk) * dim, trained, row * dim, to, at);
  }

  /** The same as {@link #inputChange} for output row {@code row}. */
  void outputChange(int row, float[] trained, float[] to, int at) {
    int c = row / rowsPerChunk;
    change(chunks[c], 4 * (rowsIn(c) + row - c * rowsPerChunk) * dim, trained, row * dim, to, at);
  }

  private void change(byte[] chunk, int from, float[] trained, int base, float[] to, int at) {
    for (int i = 0; i < dim; i++) {
      to[at + i] = RowDelta.round(trained[base + i] - (float) FLOAT.get(chunk, from + 4 * i));
    }
  }

  /** Adds {@code change[from..from + dim)} to input row {@code row}. */
  void addToInputRow(int row, float[] change, int from) {
    int c = row / rowsPerChunk;
    add(chunks[c], 4 * (row - c * rowsPerChunk) * dim, change, from);
  }

  /** Adds {@code change[from..from + dim)} to output row {@code row}. */
  void addToOutputRow(int row, float[] change, int from) {
    int c = row / rowsPerChunk;
    add(chunks[c], 4 * (rowsIn(c) + row - c * rowsPerChunk) * dim, change, from);
  }

  private void add(byte[] chunk, int at, float[] change, int from) {
    for (int i = 0; i < dim; i++) {
      int b = at + 4 * i;
      FLOAT.set(chunk, b, (float) FLOAT.get(chunk, b) + change[from + i]);
    }
  }

  private int rowsIn(int c) {
    return Math.min(rowsPerChunk, rows - c * rowsPerChunk);
  }

  /** Chunk {@code c} as floats, positioned at its start; a new view per call (thread-safe). */
  private FloatBuffer view(int c) {
    return ByteBuffer.wrap(chunks[c]).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
  }
}
