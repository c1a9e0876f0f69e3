package io.wordvec.io;

import io.wordvec.train.CorpusStats;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingConfig;
import io.wordvec.train.TrainingInfo;
import io.wordvec.vectors.NonFiniteVectorException;
import io.wordvec.vectors.QuantizedRows;
import io.wordvec.vectors.RowSource;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.zip.CRC32C;

/**
 * wordvec's own model file ({@code .wvm}): everything a {@link TrainedModel} holds, so a model can
 * be served and fine-tuned after a restart, or just a set of {@link WordVectors} (e.g. converted
 * from a word2vec file).
 *
 * <p>Layout, all numbers little-endian:
 *
 * <pre>
 * header, 64 bytes:
 *   magic        8 bytes  0x89 'W' 'V' 'M' '\r' '\n' 0x1A '\n'  (catches text-mode mangling)
 *   version      int32    2 (version 1 is the same without flag bit 1)
 *   flags        int32    bit 0: a full trained model (output matrix and training metadata)
 *                         bit 1: the 8-bit rows follow the matrices
 *   words        int32    vocabulary size N
 *   dimension    int32    D
 *   metaBytes    int64    length of the metadata section
 *   wordBytes    int64    length of the UTF-8 word section
 *   contentBytes int64    length of everything after the header
 *   crc32c       int32    CRC32C of everything after the header
 *   (zero padding to 64)
 * content:
 *   metadata     int32 entry count, then per entry: int32 length + UTF-8 key, int32 length + UTF-8
 *                value (createdAt, config.*, corpus.*, evaluation.*)
 *   counts       N int64
 *   word lengths N int32 (UTF-8 byte lengths)
 *   words        wordBytes bytes of UTF-8, concatenated
 *   padding      zeros to a multiple of 8 bytes from the file start
 *   input        N x D float32, row-major (the word vectors)
 *   output       N x D float32, only for a full model
 *   scales       N float32, only with flag bit 1: the scale of each 8-bit row
 *   codes        N x D int8, only with flag bit 1: the unit-normalised input rows coded to 8 bits
 * </pre>
 *
 * <p>The 8-bit rows ({@link QuantizedRows}) are derived data, stored for models big enough to use
 * them so that a load copies them instead of computing them: with the unit-normalised copy built in
 * the same parallel pass that copies the vectors, a load costs little more than reading the bytes.
 *
 * <p>Training settings and corpus statistics are stored by record component name, so a file stays
 * readable when {@link TrainingConfig} gains a component: a missing one takes its {@link
 * TrainingConfig#defaults()} value.
 *
 * <p>Reads are bulk copies from memory-mapped windows of the file (no per-float parsing); the whole
 * file's checksum is verified before the vectors are built, so a truncated, corrupt or mismatched
 * file is rejected, never half-loaded. Writes are atomic ({@link AtomicFiles}).
 */
public final class NativeFormat {

  /** File extension, without the dot. */
  public static final String EXTENSION = "wvm";

  /** The version this code writes and the newest it reads. */
  public static final int VERSION = 2;

  static final byte[] MAGIC = {(byte) 0x89, 'W', 'V', 'M', '\r', '\n', 0x1A, '\n'};
  static final int HEADER_BYTES = 64;
  private static final int FLAG_FULL_MODEL = 1;
  private static final int FLAG_QUANTIZED = 2;
  private static final int CHUNK = 8 << 20;

  /** Matrices are mapped in windows of this many bytes (a multiple of 4, well under 2 GB). */
  private static final long MAP_WINDOW = 256L << 20;

  private NativeFormat() {}

  /** Whether {@code head} (the first bytes of a file) starts with this format's magic. */
  public static boolean hasMagic(byte[] head) {
    return head.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(head, MAGIC.length), MAGIC);
  }

  /** Writes a full trained model atomically. */
  public static void write(TrainedModel model, Path file) throws IOException {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("createdAt", model.createdAt().toString());
    putComponents(meta, "config.", model.config());
    if (model.corpus() != null) {
      putComponents(meta, "corpus.", model.corpus());
    }
    model.evaluation().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> meta.put("evaluation." + e.getKey(), Double.toString(e.getValue())));
    QuantizedRows quantized =
        QuantizedRows.worthwhile(model.vocabulary().size(), model.dimension())
            ? model.wordVectors().quantizedRows().orElse(null)
            : null;
    write(
        file,
        model.vocabulary(),
        model.dimension(),
        model.inputVectors(),
        model.outputVectors(),
        quantized,
        meta);
  }

  /** Writes word vectors only (no output matrix, no training metadata) atomically. */
  public static void write(WordVectors vectors, Path file) throws IOException {
    write(
        file,
        vectors.vocabulary(),
        vectors.dimension(),
        vectors.rawVectors(),
        null,
        vectors.quantizedRows().orElse(null),
        Map.of());
  }

  private static void putComponents(Map<String, String> meta, String prefix, Record record) {
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      try {
        Object value = c.getAccessor().invoke(record);
        if (value != null) {
          meta.put(prefix + c.getName(), value.toString());
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + prefix + c.getName(), e);
      }
    }
  }

  private static void write(
      Path file,
      Vocabulary vocabulary,
      int dim,
      float[] input,
      float[] output,
      QuantizedRows quantized,
      Map<String, String> meta)
      throws IOException {
    int n = vocabulary.size();
    byte[][] words = new byte[n][];
    long totalWordBytes = 0;
    for (int i = 0; i < n; i++) {
      words[i] = vocabulary.word(i).getBytes(StandardCharsets.UTF_8);
      totalWordBytes += words[i].length;
    }
    long wordBytes = totalWordBytes;
    byte[] metaBytes = encodeMeta(meta);
    long beforePadding = HEADER_BYTES + metaBytes.length + 12L * n + wordBytes;
    int padding = (int) ((8 - beforePadding % 8) % 8);
    long matrixBytes = (long) n * dim * Float.BYTES;
    long quantizedBytes = quantized == null ? 0 : (long) n * Float.BYTES + (long) n * dim;
    long contentBytes =
        beforePadding
            - HEADER_BYTES
            + padding
            + matrixBytes * (output == null ? 1 : 2)
            + quantizedBytes;
    long[] counts = vocabulary.counts();
    AtomicFiles.writeChannel(
        file,
        channel -> {
          CheckedWriter out = new CheckedWriter(channel, HEADER_BYTES);
          out.putBytes(metaBytes, 0, metaBytes.length);
          for (long count : counts) {
            out.putLong(count);
          }
          for (byte[] w : words) {
            out.putInt(w.length);
          }
          for (byte[] w : words) {
            out.putBytes(w, 0, w.length);
          }
          out.putBytes(new byte[padding], 0, padding);
          out.putFloats(input);
          if (output != null) {
            out.putFloats(output);
          }
          if (quantized != null) {
            out.putFloats(quantized.scales());
            out.putBytes(quantized.codes(), 0, quantized.codes().length);
          }
          out.flush();
          if (out.written() != contentBytes) {
            throw new IllegalStateException(
                "wrote " + out.written() + " content bytes, expected " + contentBytes);
          }
          ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
          header.put(MAGIC);
          header.putInt(VERSION);
          header.putInt(
              (output == null ? 0 : FLAG_FULL_MODEL) | (quantized == null ? 0 : FLAG_QUANTIZED));
          header.putInt(n);
          header.putInt(dim);
          header.putLong(metaBytes.length);
          header.putLong(wordBytes);
          header.putLong(contentBytes);
          header.putInt((int) out.crc());
          header.clear();
          while (header.hasRemaining()) {
            channel.write(header, header.position());
          }
        });
  }

  private static byte[] encodeMeta(Map<String, String> meta) {
    int size = 4;
    byte[][] parts = new byte[meta.size() * 2][];
    int i = 0;
    for (Map.Entry<String, String> e : meta.entrySet()) {
      parts[i++] = e.getKey().getBytes(StandardCharsets.UTF_8);
      parts[i++] = e.getValue().getBytes(StandardCharsets.UTF_8);
    }
    for (byte[] p : parts) {
      size += 4 + p.length;
    }
    ByteBuffer buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(meta.size());
    for (byte[] p : parts) {
      buf.putInt(p.length).put(p);
    }
    return buf.array();
  }

  /** Reads every word and the output matrix; see {@link #read(Path, int, boolean)}. */
  public static LoadedModel read(Path file) throws IOException {
    return read(file, 0, true);
  }

  /**
   * Reads the first {@code limit} words and the output matrix; see {@link #read(Path, int,
   * boolean)}.
   */
  public static LoadedModel read(Path file, int limit) throws IOException {
    return read(file, limit, true);
  }

  /**
   * Reads a native model file, verifying its checksum before anything is returned.
   *
   * @param limit keep only the first N words (the most frequent in a trained vocabulary); 0 = all.
   *     The whole file is still read, to verify it.
   * @param withOutput whether to copy a full model's output matrix into the heap. Without it the
   *     result has the vectors and the {@linkplain LoadedModel#training() training metadata} but no
   *     {@linkplain LoadedModel#trained() trained model}: what serving needs, in about {@code N x D
   *     x 4} bytes less heap. The output section is still covered by the checksum, but its values
   *     are not checked for NaN or infinity until a read with it.
   * @throws InvalidModelFileException naming the file and the problem: bad magic, an unsupported
   *     version, a size that does not match the header, a checksum mismatch, a non-finite value
   */
  public static LoadedModel read(Path file, int limit, boolean withOutput) throws IOException {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0 (0 = all words), was " + limit);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long fileSize = channel.size();
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      while (header.hasRemaining() && channel.read(header) >= 0) {}
      header.flip();
      byte[] magic = new byte[MAGIC.length];
      header.get(0, magic);
      if (header.limit() < MAGIC.length || !Arrays.equals(magic, MAGIC)) {
        throw new InvalidModelFileException(file, "not a wordvec model file (bad magic number)");
      }
      if (header.limit() < HEADER_BYTES) {
        throw new InvalidModelFileException(
            file, "truncated: the file is " + fileSize + " bytes, shorter than the header");
      }
      header.position(MAGIC.length);
      int version = header.getInt();
      int flags = header.getInt();
      int n = header.getInt();
      int dim = header.getInt();
      long metaBytes = header.getLong();
      long wordBytes = header.getLong();
      long contentBytes = header.getLong();
      int expectedCrc = header.getInt();
      if (version < 1 || version > VERSION) {
        throw new InvalidModelFileException(
            file,
            "format version "
                + version
                + " is not supported (this wordvec reads versions 1 to "
                + VERSION
                + ")");
      }
      int knownFlags = version == 1 ? FLAG_FULL_MODEL : FLAG_FULL_MODEL | FLAG_QUANTIZED;
      if ((flags & ~knownFlags) != 0) {
        throw new InvalidModelFileException(
            file, "corrupt header: unknown flags " + flags + " for format version " + version);
      }
      boolean full = (flags & FLAG_FULL_MODEL) != 0;
      boolean quantized = (flags & FLAG_QUANTIZED) != 0;
      if (n < 0 || dim <= 0 || metaBytes < 4 || wordBytes < 0 || contentBytes < 0) {
        throw new InvalidModelFileException(
            file,
            "corrupt header: words "
                + n
                + ", dimension "
                + dim
                + ", metadata "
                + metaBytes
                + " bytes, words "
                + wordBytes
                + " bytes, content "
                + contentBytes
                + " bytes");
      }
      if ((long) n * dim > Integer.MAX_VALUE - 8 || metaBytes > Integer.MAX_VALUE - 8) {
        throw new InvalidModelFileException(
            file, n + " x " + dim + " floats is more than one array can hold");
      }
      long beforePadding = HEADER_BYTES + metaBytes + 12L * n + wordBytes;
      int padding = (int) ((8 - beforePadding % 8) % 8);
      long matrixBytes = (long) n * dim * Float.BYTES;
      long quantizedBytes = quantized ? (long) n * Float.BYTES + (long) n * dim : 0;
      long expectedContent =
          beforePadding - HEADER_BYTES + padding + matrixBytes * (full ? 2 : 1) + quantizedBytes;
      if (contentBytes != expectedContent) {
        throw new InvalidModelFileException(
            file,
            "corrupt header: content length "
                + contentBytes
                + " does not match "
                + n
                + " words x "
                + dim
                + " dimensions ("
                + expectedContent
                + " bytes)");
      }
      if (fileSize != HEADER_BYTES + contentBytes) {
        String problem =
            fileSize < HEADER_BYTES + contentBytes
                ? "truncated: the header promises "
                    + (HEADER_BYTES + contentBytes)
                    + " bytes, the file has "
                    + fileSize
                : "the file has "
                    + (fileSize - HEADER_BYTES - contentBytes)
                    + " bytes after the end the header declares ("
                    + (HEADER_BYTES + contentBytes)
                    + ")";
        throw new InvalidModelFileException(file, problem);
      }

      long prefixBytes = beforePadding - HEADER_BYTES + padding;
      CRC32C crc = new CRC32C();
      CheckedReader in = new CheckedReader(channel, HEADER_BYTES, prefixBytes, crc);
      byte[] metaRaw = new byte[(int) metaBytes];
      in.getBytes(metaRaw, 0, metaRaw.length);
      long[] counts = new long[n];
      in.getLongs(counts);
      int[] lengths = new int[n];
      in.getInts(lengths);
      String[] words = new String[n];
      byte[] scratch = new byte[256];
      long wordTotal = 0;
      for (int i = 0; i < n; i++) {
        int len = lengths[i];
        wordTotal += len;
        if (len <= 0 || wordTotal > wordBytes) {
          throw new InvalidModelFileException(
              file, "corrupt vocabulary: word " + i + " has length " + len);
        }
        if (len > scratch.length) {
          scratch = new byte[Math.max(len, scratch.length * 2)];
        }
        in.getBytes(scratch, 0, len);
        words[i] = new String(scratch, 0, len, StandardCharsets.UTF_8);
      }
      if (wordTotal != wordBytes) {
        throw new InvalidModelFileException(
            file,
            "corrupt vocabulary: word lengths add up to "
                + wordTotal
                + " bytes, the header says "
                + wordBytes);
      }
      in.skip(padding);
      int keep = limit == 0 ? n : Math.min(n, limit);
      long inputStart = HEADER_BYTES + prefixBytes;
      // The checksum of the matrices is a pass over most of the file: it runs on its own thread
      // while this one copies the sections and builds the vectors. Whatever else goes wrong, a
      // checksum mismatch is what gets reported: it explains everything else.
      BackgroundChecksum checksum = BackgroundChecksum.start(channel, crc, inputStart, fileSize);
      try {
        LoadedModel model =
            readSections(
                file,
                channel,
                inputStart,
                n,
                keep,
                dim,
                full,
                withOutput,
                quantized,
                words,
                counts,
                metaRaw);
        checksum.verify(file, expectedCrc);
        return model;
      } catch (InvalidModelFileException | RuntimeException e) {
        checksum.verify(file, expectedCrc);
        throw e;
      }
    }
  }

  /** The sections after the vocabulary, once the header and the vocabulary were read. */
  private static LoadedModel readSections(
      Path file,
      FileChannel channel,
      long inputStart,
      int n,
      int keep,
      int dim,
      boolean full,
      boolean withOutput,
      boolean quantized,
      String[] words,
      long[] counts,
      byte[] metaRaw)
      throws IOException {
    long matrixBytes = (long) n * dim * Float.BYTES;
    MappedRows input = new MappedRows(channel, inputStart, n, dim);
    float[] output = null;
    long position = inputStart + matrixBytes;
    if (full) {
      // Serving leaves the output matrix in the file (the checksum thread still reads it).
      if (withOutput) {
        output = new float[keep * dim];
        copyMapped(channel, position, output.length * (long) Float.BYTES, floatsInto(output));
      }
      position += matrixBytes;
    }
    QuantizedRows stored = null;
    if (quantized) {
      float[] scales = new float[keep];
      copyMapped(channel, position, keep * (long) Float.BYTES, floatsInto(scales));
      byte[] codes = new byte[keep * dim];
      copyMapped(
          channel,
          position + (long) n * Float.BYTES,
          codes.length,
          (slice, at) -> slice.get(codes, (int) at, slice.remaining()));
      try {
        stored = QuantizedRows.restore(dim, scales, codes);
      } catch (IllegalArgumentException e) {
        throw new InvalidModelFileException(file, "corrupt 8-bit rows: " + e.getMessage(), e);
      }
    }
    Map<String, String> meta = decodeMeta(file, metaRaw);
    if (output != null) {
      checkFinite(file, words, output, dim, "output ");
    }
    Vocabulary vocabulary;
    try {
      vocabulary =
          new Vocabulary(
              keep == n ? words : Arrays.copyOf(words, keep),
              keep == n ? counts : Arrays.copyOf(counts, keep));
    } catch (IllegalArgumentException e) {
      throw new InvalidModelFileException(file, "invalid vocabulary: " + e.getMessage(), e);
    }
    WordVectors vectors;
    try {
      vectors = WordVectors.fromRows(vocabulary, dim, input, stored);
    } catch (NonFiniteVectorException e) {
      throw new InvalidModelFileException(
          file, nonFinite(e.value(), e.position(), "", words, e.row()), e);
    } catch (IllegalArgumentException e) {
      throw new InvalidModelFileException(file, e.getMessage(), e);
    }
    TrainingInfo info = full ? toInfo(file, meta) : null;
    TrainedModel model = null;
    if (output != null) {
      try {
        model = new TrainedModel(vocabulary, dim, vectors.rawVectors(), output, info);
      } catch (IllegalArgumentException e) {
        throw new InvalidModelFileException(file, "inconsistent model: " + e.getMessage(), e);
      }
    }
    return new LoadedModel(file, VectorFormat.NATIVE, vectors, model, info);
  }

  /** The CRC32C of the rest of a file, computed on a thread of its own. */
  private static final class BackgroundChecksum {
    private final FutureTask<Integer> task;

    private BackgroundChecksum(FutureTask<Integer> task) {
      this.task = task;
    }

    /** Continues {@code crc} over bytes {@code [from, to)} of the file, in the background. */
    static BackgroundChecksum start(FileChannel channel, CRC32C crc, long from, long to) {
      FutureTask<Integer> task =
          new FutureTask<>(
              () -> {
                for (long at = from; at < to; at += MAP_WINDOW) {
                  long length = Math.min(MAP_WINDOW, to - at);
                  crc.update(channel.map(FileChannel.MapMode.READ_ONLY, at, length));
                }
                return (int) crc.getValue();
              });
      Thread thread = new Thread(task, "wordvec-checksum");
      thread.setDaemon(true);
      thread.start();
      return new BackgroundChecksum(task);
    }

    /** Waits for the checksum and compares it with the header's. */
    void verify(Path file, int expected) throws IOException {
      int actual;
      try {
        actual = task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while verifying " + file);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw new IOException("cannot verify " + file + ": " + e.getCause(), e.getCause());
      }
      if (actual != expected) {
        throw new InvalidModelFileException(
            file,
            String.format(
                "checksum mismatch (CRC32C %08x, the header says %08x): the file is corrupt",
                actual, expected));
      }
    }
  }

  /** The rows of the input matrix, read in place from memory-mapped windows of whole rows. */
  private static final class MappedRows implements RowSource {
    private final ByteBuffer[] bytes;
    private final FloatBuffer[] floats;
    private final int rowsPerWindow;
    private final int dim;

    MappedRows(FileChannel channel, long offset, int rows, int dim) throws IOException {
      long rowBytes = (long) dim * Float.BYTES;
      this.rowsPerWindow = (int) Math.max(1, MAP_WINDOW / rowBytes);
      this.dim = dim;
      int count = rows == 0 ? 0 : (rows - 1) / rowsPerWindow + 1;
      this.bytes = new ByteBuffer[count];
      this.floats = new FloatBuffer[count];
      for (int w = 0; w < count; w++) {
        long first = (long) w * rowsPerWindow;
        long length = Math.min(rowsPerWindow, rows - first);
        bytes[w] =
            channel
                .map(FileChannel.MapMode.READ_ONLY, offset + first * rowBytes, length * rowBytes)
                .order(ByteOrder.LITTLE_ENDIAN);
        floats[w] = bytes[w].asFloatBuffer();
      }
    }

    @Override
    public void copyRows(int firstRow, int rowCount, float[] dest, int destOffset) {
      int row = firstRow;
      int at = destOffset;
      int end = firstRow + rowCount;
      while (row < end) {
        int w = row / rowsPerWindow;
        int local = row - w * rowsPerWindow;
        int take = Math.min(end - row, rowsPerWindow - local);
        // Absolute bulk get: no buffer state changes, so threads can share the window.
        floats[w].get(local * dim, dest, at, take * dim);
        row += take;
        at += take * dim;
      }
    }
  }

  /** Copies a window into {@code out}, where its first byte is byte {@code at} of the section. */
  private static SliceCopy floatsInto(float[] out) {
    return (slice, at) ->
        slice.asFloatBuffer().get(out, (int) (at / Float.BYTES), slice.remaining() / Float.BYTES);
  }

  /** Receives a window of mapped bytes that starts {@code at} bytes into its section. */
  private interface SliceCopy {
    void copy(ByteBuffer slice, long at);
  }

  /** Copies {@code length} bytes from {@code offset}, mapped in windows. */
  private static void copyMapped(FileChannel channel, long offset, long length, SliceCopy copy)
      throws IOException {
    for (long done = 0; done < length; done += MAP_WINDOW) {
      long windowBytes = Math.min(length - done, MAP_WINDOW);
      copy.copy(
          channel
              .map(FileChannel.MapMode.READ_ONLY, offset + done, windowBytes)
              .order(ByteOrder.LITTLE_ENDIAN),
          done);
    }
  }

  private static void checkFinite(Path file, String[] words, float[] matrix, int dim, String which)
      throws InvalidModelFileException {
    for (int off = 0; off < matrix.length; off += dim) {
      // A NaN or infinity makes the row's sum of squares non-finite: one cheap pass per row.
      if (Float.isFinite(sumOfSquares(matrix, off, dim))) {
        continue;
      }
      for (int i = off; i < off + dim; i++) {
        if (!Float.isFinite(matrix[i])) {
          throw new InvalidModelFileException(
              file, nonFinite(matrix[i], i % dim, which, words, i / dim));
        }
      }
    }
  }

  private static String nonFinite(
      float value, int position, String which, String[] words, int row) {
    return "non-finite value "
        + value
        + " at position "
        + position
        + " of the "
        + which
        + "vector of word '"
        + words[row]
        + "' (row "
        + row
        + ")";
  }

  /** Plain loop, not the Vector API: loads run cold, right after JVM start. */
  private static float sumOfSquares(float[] x, int off, int len) {
    float s0 = 0, s1 = 0;
    int i = off;
    int upper = off + (len & ~1);
    for (; i < upper; i += 2) {
      s0 += x[i] * x[i];
      s1 += x[i + 1] * x[i + 1];
    }
    if (i < off + len) {
      s0 += x[i] * x[i];
    }
    return s0 + s1;
  }

  private static Map<String, String> decodeMeta(Path file, byte[] raw)
      throws InvalidModelFileException {
    ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    Map<String, String> meta = new LinkedHashMap<>();
    try {
      int entries = buf.getInt();
      for (int i = 0; i < entries; i++) {
        String key = readString(buf);
        meta.put(key, readString(buf));
      }
    } catch (RuntimeException e) {
      throw new InvalidModelFileException(file, "corrupt metadata section", e);
    }
    return meta;
  }

  private static String readString(ByteBuffer buf) {
    int len = buf.getInt();
    byte[] bytes = new byte[len];
    buf.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static TrainingInfo toInfo(Path file, Map<String, String> meta)
      throws InvalidModelFileException {
    TrainingConfig config =
        readRecord(file, meta, "config.", TrainingConfig.class, TrainingConfig.defaults());
    CorpusStats corpus =
        meta.keySet().stream().anyMatch(k -> k.startsWith("corpus."))
            ? readRecord(file, meta, "corpus.", CorpusStats.class, null)
            : null;
    Instant createdAt;
    try {
      createdAt = Instant.parse(meta.getOrDefault("createdAt", ""));
    } catch (DateTimeParseException e) {
      throw new InvalidModelFileException(
          file, "bad or missing createdAt '" + meta.get("createdAt") + "'", e);
    }
    Map<String, Double> evaluation = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : meta.entrySet()) {
      if (e.getKey().startsWith("evaluation.")) {
        try {
          evaluation.put(
              e.getKey().substring("evaluation.".length()), Double.parseDouble(e.getValue()));
        } catch (NumberFormatException ex) {
          throw new InvalidModelFileException(
              file, "evaluation score " + e.getKey() + " is not a number: '" + e.getValue() + "'");
        }
      }
    }
    return new TrainingInfo(config, corpus, createdAt, evaluation);
  }

  /**
   * Rebuilds a record from {@code prefix + component name} entries; a missing component takes its
   * value in {@code defaults} (or fails when there are none).
   */
  private static <R extends Record> R readRecord(
      Path file, Map<String, String> meta, String prefix, Class<R> type, R defaults)
      throws InvalidModelFileException {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      String raw = meta.get(prefix + c.getName());
      try {
        if (raw == null) {
          if (defaults == null) {
            throw new InvalidModelFileException(file, "missing " + prefix + c.getName());
          }
          values[i] = c.getAccessor().invoke(defaults);
        } else {
          values[i] = parse(c.getType(), raw);
        }
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        throw new InvalidModelFileException(
            file, "bad value '" + raw + "' for " + prefix + c.getName(), e);
      }
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new InvalidModelFileException(
          file, "invalid " + prefix + "* values: " + cause.getMessage(), cause);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object parse(Class<?> type, String raw) {
    if (type == int.class || type == Integer.class) {
      return Integer.parseInt(raw);
    } else if (type == long.class || type == Long.class) {
      return Long.parseLong(raw);
    } else if (type == double.class || type == Double.class) {
      return Double.parseDouble(raw);
    } else if (type == float.class || type == Float.class) {
      return Float.parseFloat(raw);
    } else if (type == boolean.class || type == Boolean.class) {
      return Boolean.parseBoolean(raw);
    } else if (type == String.class) {
      return raw;
    } else if (type.isEnum()) {
      return Enum.valueOf((Class<? extends Enum>) type, raw);
    }
    throw new IllegalArgumentException("unsupported component type " + type.getName());
  }

  /** Writes content through a direct buffer, keeping a CRC32C of everything written. */
  private static final class CheckedWriter {
    private final FileChannel channel;
    private final ByteBuffer buffer =
        ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    private long position;
    private long written;

    CheckedWriter(FileChannel channel, long start) {
      this.channel = channel;
      this.position = start;
    }

    long written() {
      return written;
    }

    long crc() {
      return crc.getValue();
    }

    private void room(int bytes) throws IOException {
      if (buffer.remaining() < bytes) {
        flush();
      }
    }

    void flush() throws IOException {
      buffer.flip();
      crc.update(buffer.duplicate());
      while (buffer.hasRemaining()) {
        position += channel.write(buffer, position);
      }
      written += buffer.limit();
      buffer.clear();
    }

    void putLong(long v) throws IOException {
      room(8);
      buffer.putLong(v);
    }

    void putInt(int v) throws IOException {
      room(4);
      buffer.putInt(v);
    }

    void putBytes(byte[] bytes, int off, int len) throws IOException {
      while (len > 0) {
        if (!buffer.hasRemaining()) {
          flush();
        }
        int n = Math.min(len, buffer.remaining());
        buffer.put(bytes, off, n);
        off += n;
        len -= n;
      }
    }

    void putFloats(float[] values) throws IOException {
      int off = 0;
      while (off < values.length) {
        if (buffer.remaining() < Float.BYTES) {
          flush();
        }
        int n = Math.min(values.length - off, buffer.remaining() / Float.BYTES);
        buffer.asFloatBuffer().put(values, off, n);
        buffer.position(buffer.position() + n * Float.BYTES);
        off += n;
      }
    }
  }

  /**
   * Reads exactly {@code length} content bytes through a direct buffer, keeping a CRC32C of every
   * byte read; never reads past the declared end.
   */
  private static final class CheckedReader {
    private final FileChannel channel;
    private final ByteBuffer buffer =
        ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc;
    private long position;
    private long left;

    CheckedReader(FileChannel channel, long start, long length, CRC32C crc) {
      this.channel = channel;
      this.position = start;
      this.left = length;
      this.crc = crc;
      buffer.limit(0);
    }

    /** Refills when fewer than {@code bytes} remain (bytes &lt;= 8). */
    private void need(int bytes) throws IOException {
      if (buffer.remaining() >= bytes) {
        return;
      }
      buffer.compact();
      int target = (int) Math.min(buffer.remaining(), left);
      int start = buffer.position();
      buffer.limit(start + target);
      while (buffer.hasRemaining()) {
        int r = channel.read(buffer, position);
        if (r < 0) {
          throw new java.io.EOFException("file ended early at byte " + position);
        }
        position += r;
      }
      left -= target;
      ByteBuffer fresh = buffer.duplicate();
      fresh.position(start);
      crc.update(fresh);
      buffer.flip();
      if (buffer.remaining() < bytes) {
        throw new java.io.EOFException("file ended early at byte " + position);
      }
    }

    void getBytes(byte[] out, int off, int len) throws IOException {
      while (len > 0) {
        need(1);
        int n = Math.min(len, buffer.remaining());
        buffer.get(out, off, n);
        off += n;
        len -= n;
      }
    }

    void skip(int bytes) throws IOException {
      getBytes(new byte[bytes], 0, bytes);
    }

    void getLongs(long[] out) throws IOException {
      int off = 0;
      while (off < out.length) {
        need(Long.BYTES);
        int n = Math.min(out.length - off, buffer.remaining() / Long.BYTES);
        buffer.asLongBuffer().get(out, off, n);
        buffer.position(buffer.position() + n * Long.BYTES);
        off += n;
      }
    }

    void getInts(int[] out) throws IOException {
      int off = 0;
      while (off < out.length) {
        need(Integer.BYTES);
        int n = Math.min(out.length - off, buffer.remaining() / Integer.BYTES);
        buffer.asIntBuffer().get(out, off, n);
        buffer.position(buffer.position() + n * Integer.BYTES);
        off += n;
      }
    }
  }
}
