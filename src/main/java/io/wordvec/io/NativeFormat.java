package io.wordvec.io;

import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingConfig;
import io.wordvec.train.TrainingInfo;
import io.wordvec.vectors.NonFiniteVectorException;
import io.wordvec.vectors.QuantizedRows;
import io.wordvec.vectors.VectorMath;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
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
 *   version      int32    3 (version 2 stores the codes row after row; version 1 has no flag bit 1)
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
 *   codes        ceil(N / 16) x 16 x D int8, only with flag bit 1: the unit-normalised input rows
 *                coded to 8 bits, in blocks of 16 rows, position-major ({@link QuantizedRows})
 * </pre>
 *
 * <p>The 8-bit rows ({@link QuantizedRows}) are derived data, stored for models big enough to use
 * them so that a load copies them instead of computing them: with the unit-normalised copy built in
 * the same parallel pass that copies the vectors, a load costs little more than reading the bytes.
 *
 * <p>Training settings and corpus statistics are stored by record component name ({@link
 * NativeMetadata}), so a file stays readable when {@link TrainingConfig} gains a component.
 *
 * <p>Reads are bulk copies from memory-mapped windows of the file (no per-float parsing), and the
 * whole file's checksum is computed beside them ({@link BackgroundChecksum}) and verified before a
 * model is returned, so a truncated, corrupt or mismatched file is rejected, never half-loaded.
 * Writes are atomic ({@link AtomicFiles}).
 */
public final class NativeFormat {

  /** File extension, without the dot. */
  public static final String EXTENSION = "wvm";

  /** The version this code writes and the newest it reads. */
  public static final int VERSION = 3;

  static final int HEADER_BYTES = NativeHeader.BYTES;

  /** Buffer size of the sequential reader and writer. */
  static final int CHUNK = 8 << 20;

  /** Matrices are mapped in windows of this many bytes (a multiple of 4, well under 2 GB). */
  static final long MAP_WINDOW = 256L << 20;

  private NativeFormat() {}

  /** Whether {@code head} (the first bytes of a file) starts with this format's magic. */
  public static boolean hasMagic(byte[] head) {
    byte[] magic = NativeHeader.MAGIC;
    return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
  }

  /** Writes a full trained model atomically. */
  public static void write(TrainedModel model, Path file) throws IOException {
    boolean quantize = QuantizedRows.worthwhile(model.vocabulary().size(), model.dimension());
    writeModel(model, quantize ? model.wordVectors() : null, file);
  }

  /**
   * As {@link #write(TrainedModel, Path)}, taking the 8-bit rows from the model's vectors when the
   * caller has already built them ({@code model.wordVectors()}), instead of building them again.
   *
   * @throws IllegalArgumentException if {@code vectors} are not the model's
   */
  public static void write(TrainedModel model, WordVectors vectors, Path file) throws IOException {
    if (vectors.rawVectors() != model.inputVectors()) {
      throw new IllegalArgumentException("the vectors are not this model's (model.wordVectors())");
    }
    writeModel(model, vectors, file);
  }

  private static void writeModel(TrainedModel model, WordVectors vectors, Path file)
      throws IOException {
    write(
        file,
        model.vocabulary(),
        model.dimension(),
        model.inputVectors(),
        model.outputVectors(),
        vectors == null ? null : vectors.quantizedRows().orElse(null),
        NativeMetadata.encode(model.info()));
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
        NativeMetadata.encode(null));
  }

  private static void write(
      Path file,
      Vocabulary vocabulary,
      int dim,
      float[] input,
      float[] output,
      QuantizedRows quantized,
      byte[] metaBytes)
      throws IOException {
    int n = vocabulary.size();
    byte[][] words = new byte[n][];
    long totalWordBytes = 0;
    for (int i = 0; i < n; i++) {
      words[i] = vocabulary.word(i).getBytes(StandardCharsets.UTF_8);
      totalWordBytes += words[i].length;
    }
    // The header's sizes, with a checksum still to come: the layout they imply is the one written.
    NativeHeader sizes =
        NativeHeader.of(
            VERSION,
            n,
            dim,
            metaBytes.length,
            totalWordBytes,
            output != null,
            quantized != null,
            0);
    int padding = sizes.padding();
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
          if (out.written() != sizes.contentBytes()) {
            throw new IllegalStateException(
                "wrote " + out.written() + " content bytes, expected " + sizes.contentBytes());
          }
          ByteBuffer header = sizes.withCrc((int) out.crc()).encode();
          while (header.hasRemaining()) {
            channel.write(header, header.position());
          }
        });
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
      NativeHeader header = NativeHeader.read(file, channel);
      int n = header.words();
      int dim = header.dimension();
      CRC32C crc = new CRC32C();
      CheckedReader in = new CheckedReader(channel, HEADER_BYTES, header.prefixBytes(), crc);
      byte[] metaRaw = new byte[(int) header.metaBytes()];
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
        if (len <= 0 || wordTotal > header.wordBytes()) {
          throw new InvalidModelFileException(
              file, "corrupt vocabulary: word " + i + " has length " + len);
        }
        if (len > scratch.length) {
          scratch = new byte[Math.max(len, scratch.length * 2)];
        }
        in.getBytes(scratch, 0, len);
        words[i] = new String(scratch, 0, len, StandardCharsets.UTF_8);
      }
      if (wordTotal != header.wordBytes()) {
        throw new InvalidModelFileException(
            file,
            "corrupt vocabulary: word lengths add up to "
                + wordTotal
                + " bytes, the header says "
                + header.wordBytes());
      }
      in.skip(header.padding());
      int keep = limit == 0 ? n : Math.min(n, limit);
      long inputStart = header.inputStart();
      // The checksum of the matrices is a pass over most of the file: it runs on its own thread
      // while this one copies the sections and builds the vectors. Whatever else goes wrong, a
      // checksum mismatch is what gets reported: it explains everything else.
      // It reads the input matrix through the same mapped windows as the copy: each page of the
      // file is then mapped into the process once, not once per thread.
      MappedRows input = new MappedRows(channel, inputStart, n, dim);
      BackgroundChecksum checksum =
          BackgroundChecksum.start(
              channel, crc, input.windows(), input.endOffset(), channel.size());
      try {
        LoadedModel model =
            readSections(
                file,
                channel,
                input,
                inputStart,
                n,
                keep,
                dim,
                header,
                withOutput,
                words,
                counts,
                metaRaw);
        checksum.verify(file, header.crc());
        return model;
      } catch (InvalidModelFileException | RuntimeException e) {
        checksum.verify(file, header.crc());
        throw e;
      }
    }
  }

  /** The sections after the vocabulary, once the header and the vocabulary were read. */
  private static LoadedModel readSections(
      Path file,
      FileChannel channel,
      MappedRows input,
      long inputStart,
      int n,
      int keep,
      int dim,
      NativeHeader header,
      boolean withOutput,
      String[] words,
      long[] counts,
      byte[] metaRaw)
      throws IOException {
    long matrixBytes = (long) n * dim * Float.BYTES;
    float[] output = null;
    long position = inputStart + matrixBytes;
    if (header.full()) {
      // Serving leaves the output matrix in the file (the checksum thread still reads it).
      if (withOutput) {
        output = new float[keep * dim];
        copyMapped(channel, position, output.length * (long) Float.BYTES, floatsInto(output));
      }
      position += matrixBytes;
    }
    QuantizedRows stored = null;
    if (header.quantized()) {
      float[] scales = new float[keep];
      copyMapped(channel, position, keep * (long) Float.BYTES, floatsInto(scales));
      // The first rows' codes are a prefix in either layout: whole blocks, or whole rows.
      byte[] codes = new byte[Math.toIntExact(header.codeBytes(keep))];
      copyMapped(
          channel,
          position + (long) n * Float.BYTES,
          codes.length,
          (slice, at) -> slice.get(codes, (int) at, slice.remaining()));
      try {
        stored =
            header.blockedCodes()
                ? QuantizedRows.restore(dim, scales, codes)
                : QuantizedRows.restoreRowMajor(dim, scales, codes);
      } catch (IllegalArgumentException e) {
        throw new InvalidModelFileException(file, "corrupt 8-bit rows: " + e.getMessage(), e);
      }
    }
    Map<String, String> meta = NativeMetadata.decode(file, metaRaw);
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
    TrainingInfo info = header.full() ? NativeMetadata.toInfo(file, meta) : null;
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
    int i = VectorMath.firstNonFinite(matrix, dim);
    if (i >= 0) {
      throw new InvalidModelFileException(
          file, nonFinite(matrix[i], i % dim, which, words, i / dim));
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
}
