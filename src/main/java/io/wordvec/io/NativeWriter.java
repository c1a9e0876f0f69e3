package io.wordvec.io;

import io.wordvec.vectors.NgramVectors;
import io.wordvec.vectors.QuantizedRows;
import io.wordvec.vectors.UnitRows;
import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Writes a version-4 native file ({@link NativeFormat}) row by row, without knowing how many rows
 * will come: a word2vec file of any size streams through it into a model file, and the heap holds
 * only a block of rows, the norms and the scales (8 bytes a word), never the matrix.
 *
 * <p>Each row is normalised ({@link UnitRows#normalize}) and written to the file at once; each
 * block of 16 rows is coded to 8 bits ({@link UnitRows#quantizeBlock}) into a scratch file beside
 * the target. {@link #finish} appends the norms, the output matrix of a full model, the scales, the
 * codes from the scratch file and the vocabulary, writes the header and renames the file over the
 * target; {@link #close} without it leaves the target untouched and deletes both temporary files.
 *
 * <p>Not thread-safe.
 */
final class NativeWriter implements AutoCloseable {

  private final Path file;
  private final int dim;
  private final AtomicFiles.Pending target;
  private final CheckedWriter out;
  private final Path codesPath;
  private final FileChannel codes;
  private final float[] unitBlock;
  private final byte[] codeBlock;
  private final float[] blockScales = new float[QuantizedRows.BLOCK_ROWS];
  private float[] norms = new float[1024];
  private float[] scales = new float[1024];
  private int rows;
  private boolean finished;

  private NativeWriter(Path file, int dim) throws IOException {
    this.file = file;
    this.dim = dim;
    this.unitBlock = new float[QuantizedRows.BLOCK_ROWS * dim];
    this.codeBlock = new byte[QuantizedRows.BLOCK_ROWS * dim];
    this.target = AtomicFiles.Pending.create(file);
    Path scratch = null;
    FileChannel channel = null;
    try {
      scratch = AtomicFiles.Pending.scratchFile(file);
      channel =
          FileChannel.open(
              scratch,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              StandardOpenOption.DELETE_ON_CLOSE);
    } catch (IOException | RuntimeException e) {
      target.close();
      if (scratch != null) {
        Files.deleteIfExists(scratch);
      }
      throw e;
    }
    this.codesPath = scratch;
    this.codes = channel;
    this.out = new CheckedWriter(target.channel(), NativeFormat.HEADER_BYTES);
  }

  /**
   * A writer of rows of {@code dim} floats into {@code file} (replaced only on {@link #finish}).
   */
  static NativeWriter create(Path file, int dim) throws IOException {
    if (dim <= 0) {
      throw new IllegalArgumentException("dimension must be > 0, was " + dim);
    }
    return new NativeWriter(file, dim);
  }

  /** Rows added so far. */
  int rows() {
    return rows;
  }

  /**
   * Adds the raw row at {@code raw[offset]}: its unit-length copy and its norm go to the file.
   *
   * @throws io.wordvec.vectors.NonFiniteVectorException on a NaN or infinite value
   */
  void addRaw(float[] raw, int offset) throws IOException {
    int local = rows % QuantizedRows.BLOCK_ROWS;
    float norm = UnitRows.normalize(raw, offset, unitBlock, local * dim, dim, rows);
    add(local, norm);
  }

  /** Adds a row already normalised (by {@link UnitRows#normalize}), with its norm. */
  void addUnit(float[] unit, int offset, float norm) throws IOException {
    int local = rows % QuantizedRows.BLOCK_ROWS;
    System.arraycopy(unit, offset, unitBlock, local * dim, dim);
    add(local, norm);
  }

  private void add(int local, float norm) throws IOException {
    if (rows == Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("too many rows");
    }
    out.putFloats(unitBlock, local * dim, dim);
    if (rows == norms.length) {
      norms = Arrays.copyOf(norms, rows + (rows >> 1));
      scales = Arrays.copyOf(scales, norms.length);
    }
    norms[rows++] = norm;
    if (local == QuantizedRows.BLOCK_ROWS - 1) {
      codeBlock(QuantizedRows.BLOCK_ROWS);
    }
  }

  /** Codes the block of rows collected so far and appends it to the scratch file. */
  private void codeBlock(int count) throws IOException {
    UnitRows.quantizeBlock(unitBlock, 0, count, dim, codeBlock, 0, blockScales, 0);
    System.arraycopy(blockScales, 0, scales, rows - count, count);
    ByteBuffer bytes = ByteBuffer.wrap(codeBlock);
    while (bytes.hasRemaining()) {
      codes.write(bytes);
    }
  }

  /**
   * Completes the file and renames it over the target.
   *
   * @param vocabulary one word per row added, in order
   * @param output a full model's output matrix (rows x dim), or null for vectors only
   * @param meta the encoded metadata ({@link NativeMetadata#encode})
   * @param quantize whether to store the 8-bit rows
   * @param subwords a subword model's n-gram rows, stored after the 8-bit rows (the file is then
   *     version 5), or null
   * @param wordRows a full subword model's words' own input rows (rows x dim), stored after the
   *     n-gram rows; null otherwise
   */
  void finish(
      Vocabulary vocabulary,
      float[] output,
      byte[] meta,
      boolean quantize,
      NgramVectors subwords,
      float[] wordRows)
      throws IOException {
    if ((wordRows != null) != (subwords != null && output != null)) {
      throw new IllegalArgumentException(
          "a full subword model needs its word rows, and only it has them");
    }
    if (wordRows != null && wordRows.length != (long) rows * dim) {
      throw new IllegalArgumentException(
          "the word rows have " + wordRows.length + " floats, not " + rows + " x " + dim);
    }
    if (subwords != null && subwords.dimension() != dim) {
      throw new IllegalArgumentException(
          "n-gram rows of dimension " + subwords.dimension() + " for rows of " + dim);
    }
    if (vocabulary.size() != rows) {
      throw new IllegalStateException(vocabulary.size() + " words for " + rows + " rows");
    }
    if (output != null && output.length != (long) rows * dim) {
      throw new IllegalArgumentException(
          "the output matrix has " + output.length + " floats, not " + rows + " x " + dim);
    }
    int partial = rows % QuantizedRows.BLOCK_ROWS;
    if (partial > 0) {
      codeBlock(partial);
    }
    NativeHeader header =
        NativeHeader.of(
            subwords == null ? NativeFormat.VERSION : NativeFormat.NEWEST_VERSION,
            rows,
            dim,
            meta.length,
            vocabulary.utf8Bytes(),
            output != null,
            quantize,
            subwords == null ? null : subwords.ngrams());
    out.putFloats(norms, 0, rows);
    if (output != null) {
      out.putFloats(output);
    }
    if (quantize) {
      out.putFloats(scales, 0, rows);
      copyCodes(header.codeBytes(rows));
    }
    if (subwords != null) {
      int blockRows = Math.max(1, (1 << 14) / dim);
      float[] block = new float[blockRows * dim];
      for (int first = 0; first < subwords.rows(); first += blockRows) {
        int count = Math.min(blockRows, subwords.rows() - first);
        subwords.copyRows(first, count, block, 0);
        out.putFloats(block, 0, count * dim);
      }
    }
    if (wordRows != null) {
      out.putFloats(wordRows);
    }
    out.startSection();
    out.putBytes(meta, 0, meta.length);
    for (int i = 0; i < rows; i++) {
      out.putLong(vocabulary.count(i));
    }
    for (int i = 0; i < rows; i++) {
      out.putInt(vocabulary.utf8Length(i));
    }
    byte[] word = new byte[64];
    for (int i = 0; i < rows; i++) {
      int length = vocabulary.utf8Length(i);
      if (length > word.length) {
        word = new byte[Math.max(length, 2 * word.length)];
      }
      vocabulary.copyUtf8(i, word, 0);
      out.putBytes(word, 0, length);
    }
    out.flush();
    if (out.written() != header.contentBytes()) {
      throw new IllegalStateException(
          "wrote " + out.written() + " content bytes, expected " + header.contentBytes());
    }
    ByteBuffer encoded = header.withCrc((int) out.crc(), (int) out.sectionCrc()).encode();
    FileChannel channel = target.channel();
    while (encoded.hasRemaining()) {
      channel.write(encoded, encoded.position());
    }
    target.commit();
    finished = true;
  }

  /** Appends the scratch file's codes, which must be {@code expected} bytes. */
  private void copyCodes(long expected) throws IOException {
    if (codes.size() != expected) {
      throw new IllegalStateException(
          "the scratch file holds " + codes.size() + " bytes of codes, not " + expected);
    }
    ByteBuffer buffer = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    byte[] array = buffer.array();
    for (long at = 0; at < expected; ) {
      buffer.clear();
      int n = codes.read(buffer, at);
      if (n < 0) {
        throw new IOException("the scratch file of " + file.getFileName() + " ended early");
      }
      out.putBytes(array, 0, n);
      at += n;
    }
  }

  /** Deletes the temporary files; the target is replaced only if {@link #finish} completed. */
  @Override
  public void close() throws IOException {
    try {
      codes.close();
      Files.deleteIfExists(codesPath);
    } finally {
      if (!finished) {
        target.close();
      }
    }
  }
}
