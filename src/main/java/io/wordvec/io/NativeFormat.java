package io.wordvec.io;

import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingConfig;
import io.wordvec.train.TrainingInfo;
import io.wordvec.vectors.MappedBytes;
import io.wordvec.vectors.MappedLayout;
import io.wordvec.vectors.NgramVectors;
import io.wordvec.vectors.NonFiniteVectorException;
import io.wordvec.vectors.QuantizedRows;
import io.wordvec.vectors.VectorMath;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.CharNgrams;
import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * wordvec's own model file ({@code .wvm}): everything a {@link TrainedModel} holds, so a model can
 * be served and fine-tuned after a restart, or just a set of {@link WordVectors} (e.g. converted
 * from a word2vec file).
 *
 * <p>Layout of version 4, all numbers little-endian:
 *
 * <pre>
 * header, 64 bytes:
 *   magic        8 bytes  0x89 'W' 'V' 'M' '\r' '\n' 0x1A '\n'  (catches text-mode mangling)
 *   version      int32    4
 *   flags        int32    bit 0: a full trained model (output matrix and training metadata)
 *                         bit 1: the 8-bit rows follow the matrices
 *                         bit 2 (version 5): a subword model's n-gram rows follow
 *   words        int32    vocabulary size N
 *   dimension    int32    D
 *   metaBytes    int64    length of the metadata section
 *   wordBytes    int64    length of the UTF-8 word section
 *   contentBytes int64    length of everything after the header
 *   crc32c       int32    CRC32C of everything after the header
 *   tailCrc32c   int32    CRC32C of the tail: metadata, counts, word lengths, words
 *   bucket       int32    version 5 with flag bit 2: the number of n-gram rows, else 0
 *   minn, maxn   2 x int8 version 5 with flag bit 2: the n-gram lengths, else 0
 *   (zero padding to 64)
 * content:
 *   unit rows    N x D float32, row-major: the word vectors scaled to unit length
 *   norms        N float32: each word vector's length, so that vector = unit row x norm
 *   output       N x D float32, only for a full model
 *   scales       N float32, only with flag bit 1: the scale of each 8-bit row
 *   codes        ceil(N / 16) x 16 x D int8, only with flag bit 1: the unit rows coded to 8 bits,
 *                in blocks of 16 rows, position-major ({@link QuantizedRows})
 *   n-gram rows  bucket x D float32, only with flag bit 2: a subword model's n-gram rows, raw
 *                ({@link NgramVectors}); hashed as {@link CharNgrams} says
 *   word rows    N x D float32, only with flag bits 0 and 2: a full subword model's words' own
 *                input rows, which fine-tuning continues from (the unit rows are the vectors
 *                served for the words: each word's row averaged with its n-grams' rows)
 *   metadata     int32 entry count, then per entry: int32 length + UTF-8 key, int32 length + UTF-8
 *                value (createdAt, config.*, corpus.*, evaluation.*)
 *   counts       N int64
 *   word lengths N int32 (UTF-8 byte lengths)
 *   words        wordBytes bytes of UTF-8, concatenated
 * </pre>
 *
 * <p>Version 4 stores what queries read, in the form they read it: the unit rows, their norms and
 * the 8-bit rows, computed once when the file is written. {@link #map} serves the file from a
 * read-only memory mapping ({@link WordVectors#mapped}): only the vocabulary, the norms and the
 * scales are read into the heap, so a 3M x 300 model is ready in seconds with a few hundred MB of
 * heap, and processes serving the same file share its pages. There is one float copy of the
 * vectors: the raw vectors are the unit rows times their norms, equal to the vectors written to
 * float rounding. The vocabulary comes last so that a file of unknown length (a word2vec file read
 * as it streams, {@link NativeWriter}) can be written in one pass.
 *
 * <p>Version 5 is version 4 with the n-gram rows of a subword model (flag bit 2 and the n-gram
 * fields of the header); the rows of the vocabulary's words are then the vectors the model serves
 * for them (each word's own row averaged with its n-grams' rows). Vectors without n-grams are
 * written as version 4.
 *
 * <p>Versions 1 to 3 (still read; {@link #read} copies them into the heap) put the metadata and the
 * vocabulary first, padded to a multiple of 8, then the raw input rows (not normalised), the output
 * matrix and, from version 2 with flag bit 1, the scales and codes; version 2 stores the codes row
 * after row instead of in blocks, version 1 has no flag bit 1. The header has no tail checksum.
 *
 * <p>Training settings and corpus statistics are stored by record component name ({@link
 * NativeMetadata}), so a file stays readable when {@link TrainingConfig} gains a component.
 *
 * <p>Every load checks the header against the file's size before it allocates anything, so a lying
 * or truncated file is rejected cheaply. A full {@link #read} verifies the whole file's checksum
 * (computed beside the copy, {@link BackgroundChecksum}) before a model is returned. A {@link #map}
 * verifies the tail's checksum and a sample of rows; the whole file's checksum, a pass over
 * gigabytes, is {@link #verify}'s job, which a server runs once a model is serving. Writes are
 * atomic ({@link AtomicFiles}).
 *
 * <p>Why this class is long: it reads and writes every version of one file format (the layout above
 * and the older versions still served), and keeping reader and writer in one place is what keeps
 * them from drifting apart; the header and the sections' arithmetic live in {@link NativeHeader}.
 */
public final class NativeFormat {

  /** File extension, without the dot. */
  public static final String EXTENSION = "wvm";

  /** The version this code writes for vectors without n-gram rows. */
  public static final int VERSION = NativeHeader.MAPPED_LAYOUT;

  /**
   * The version of a subword model's file (version 4 with the n-gram rows), and the newest this
   * code reads. Files without n-gram rows are still written as version 4, so that they stay
   * readable by programs that read version 4.
   */
  public static final int NEWEST_VERSION = NativeHeader.SUBWORD_LAYOUT;

  /** Bytes of the header that starts every native file. */
  public static final int HEADER_BYTES = NativeHeader.BYTES;

  /** Buffer size of the sequential reader and writer. */
  static final int CHUNK = 8 << 20;

  /**
   * Files of versions 1 to 3 are read through mapped windows of this many bytes (a multiple of 4,
   * well under 2 GB).
   */
  static final long MAP_WINDOW = 256L << 20;

  private NativeFormat() {}

  /** Whether {@code head} (the first bytes of a file) starts with this format's magic. */
  public static boolean hasMagic(byte[] head) {
    byte[] magic = NativeHeader.MAGIC;
    return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
  }

  /** Writes a full trained model atomically. */
  public static void write(TrainedModel model, Path file) throws IOException {
    if (model.ngramVectors() != null) {
      write(model, model.wordVectors(), file);
      return;
    }
    int n = model.vocabulary().size();
    int dim = model.dimension();
    float[] input = model.inputVectors();
    try (NativeWriter out = NativeWriter.create(file, dim)) {
      for (int r = 0; r < n; r++) {
        out.addRaw(input, r * dim);
      }
      out.finish(
          model.vocabulary(),
          model.outputVectors(),
          NativeMetadata.encode(model.info()),
          QuantizedRows.worthwhile(n, dim),
          null,
          null);
    }
  }

  /**
   * As {@link #write(TrainedModel, Path)}, taking the unit rows and norms from the model's vectors
   * when the caller has already built them ({@code model.wordVectors()}), instead of computing them
   * again: the same file either way.
   *
   * @throws IllegalArgumentException if {@code vectors} are not the model's
   */
  public static void write(TrainedModel model, WordVectors vectors, Path file) throws IOException {
    boolean subwords = model.ngramVectors() != null;
    if (subwords
        ? vectors.subwords().isEmpty() || vectors.size() != model.vocabulary().size()
        : !vectors.rawRowsAre(model.inputVectors())) {
      throw new IllegalArgumentException("the vectors are not this model's (model.wordVectors())");
    }
    writeRows(
        file,
        vectors,
        model.outputVectors(),
        NativeMetadata.encode(model.info()),
        subwords ? model.inputVectors() : null);
  }

  /**
   * Writes word vectors only (no output matrix, no training metadata) atomically: their unit rows
   * and norms as they are, heap or mapped, a block of rows at a time. The 8-bit rows are stored
   * when the vectors are big enough to use them or already have them.
   */
  public static void write(WordVectors vectors, Path file) throws IOException {
    writeRows(file, vectors, null, NativeMetadata.encode(null), null);
  }

  private static void writeRows(
      Path file, WordVectors vectors, float[] output, byte[] meta, float[] wordRows)
      throws IOException {
    int n = vectors.size();
    int dim = vectors.dimension();
    int blockRows = Math.max(1, (1 << 14) / dim);
    float[] block = new float[blockRows * dim];
    try (NativeWriter out = NativeWriter.create(file, dim)) {
      for (int first = 0; first < n; first += blockRows) {
        int count = Math.min(blockRows, n - first);
        vectors.unitRows(first, count, block, 0);
        for (int i = 0; i < count; i++) {
          out.addUnit(block, i * dim, vectors.norm(first + i));
        }
      }
      // Vectors that search 8-bit rows keep them in the file, whatever their size.
      out.finish(
          vectors.vocabulary(),
          output,
          meta,
          QuantizedRows.worthwhile(n, dim) || vectors.hasQuantizedRows(),
          vectors.subwords().orElse(null),
          wordRows);
    }
  }

  /**
   * Writes a model in the layout of version 3 (raw rows first, after the vocabulary), as this
   * program wrote it before version 4: for tests that older files still load.
   */
  static void writeVersion3(TrainedModel model, Path file) throws IOException {
    WordVectors vectors = model.wordVectors();
    writeVersion3(
        file,
        model.vocabulary(),
        model.dimension(),
        model.inputVectors(),
        model.outputVectors(),
        vectors.quantizedRows().orElse(null),
        NativeMetadata.encode(model.info()));
  }

  /** {@link #writeVersion3(TrainedModel, Path)} for word vectors only. */
  static void writeVersion3(WordVectors vectors, Path file) throws IOException {
    float[] raw = new float[vectors.size() * vectors.dimension()];
    vectors.rawRows(0, vectors.size(), raw, 0);
    writeVersion3(
        file,
        vectors.vocabulary(),
        vectors.dimension(),
        raw,
        null,
        vectors.quantizedRows().orElse(null),
        NativeMetadata.encode(null));
  }

  private static void writeVersion3(
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
    NativeHeader sizes =
        NativeHeader.of(
            3, n, dim, metaBytes.length, totalWordBytes, output != null, quantized != null, null);
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
          ByteBuffer header = sizes.withCrc((int) out.crc(), 0).encode();
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
    checkLimit(limit);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      NativeHeader header = NativeHeader.read(file, channel);
      return header.mappedLayout()
          ? readWhole(file, channel, header, limit, withOutput)
          : readVersion3(file, channel, header, limit, withOutput);
    }
  }

  private static void checkLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0 (0 = all words), was " + limit);
    }
  }

  /**
   * Serves a native model file from a read-only memory mapping ({@link WordVectors#mapped}): the
   * vocabulary, the norms and the 8-bit scales are read into the heap, the rows stay in the file.
   * Before anything is returned the header is checked against the file's size, the tail's checksum
   * (metadata and vocabulary) is verified and a sample of rows is checked; the checksum of the
   * whole file is left to {@link #verify}. A full model's output matrix stays in the file: {@link
   * LoadedModel#trained()} is empty, {@link LoadedModel#training()} is not.
   *
   * <p>Files of versions 1 to 3 store raw rows, not unit rows: they are {@linkplain #read read}
   * into the heap, without their output matrix, and verified whole as before.
   *
   * @param limit serve only the first N words; 0 = all
   * @throws InvalidModelFileException naming the file and the problem
   */
  public static LoadedModel map(Path file, int limit) throws IOException {
    return map(file, limit, MappedBytes.DEFAULT_CHUNK_SHIFT);
  }

  /**
   * {@link #map(Path, int)} with mappings of {@code 2^chunkShift} bytes, 2 to 30: tests use small
   * ones, so that rows straddle the borders between mappings.
   */
  public static LoadedModel map(Path file, int limit, int chunkShift) throws IOException {
    checkLimit(limit);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      NativeHeader header = NativeHeader.read(file, channel);
      if (!header.mappedLayout()) {
        return readVersion3(file, channel, header, limit, false);
      }
      Tail tail = Tail.read(file, channel, header, limit);
      MappedBytes bytes =
          MappedBytes.map(channel, HEADER_BYTES, header.tailStart() - HEADER_BYTES, chunkShift);
      WordVectors vectors;
      try {
        vectors = WordVectors.mapped(tail.vocabulary(), header.dimension(), bytes, layout(header));
      } catch (NonFiniteVectorException e) {
        throw new InvalidModelFileException(
            file, nonFinite(e.value(), e.position(), "", tail.vocabulary(), e.row()), e);
      } catch (IllegalArgumentException e) {
        throw new InvalidModelFileException(file, e.getMessage(), e);
      }
      if (header.subwords()) {
        vectors =
            vectors.withSubwords(
                NgramVectors.mapped(
                    header.ngrams(),
                    header.dimension(),
                    bytes,
                    header.ngramStart() - HEADER_BYTES));
      }
      return new LoadedModel(file, VectorFormat.NATIVE, vectors, null, tail.info(file, header));
    }
  }

  /**
   * Verifies the checksum of a whole native file, reading it through small buffers (not a mapping,
   * so that the pages read are not counted against the process that serves the model): what {@link
   * #map} leaves for later.
   *
   * @throws InvalidModelFileException naming the file, on a bad header or a checksum mismatch
   */
  public static void verify(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      NativeHeader header = NativeHeader.read(file, channel);
      CRC32C crc = new CRC32C();
      ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
      long end = HEADER_BYTES + header.contentBytes();
      for (long at = HEADER_BYTES; at < end; ) {
        buffer.clear();
        buffer.limit((int) Math.min(buffer.capacity(), end - at));
        int n = channel.read(buffer, at);
        if (n < 0) {
          throw new InvalidModelFileException(file, "truncated while verifying at byte " + at);
        }
        buffer.flip();
        crc.update(buffer);
        at += n;
      }
      checkCrc(file, (int) crc.getValue(), header.crc());
    }
  }

  /** Compares a computed checksum with the header's. */
  static void checkCrc(Path file, int actual, int expected) throws InvalidModelFileException {
    if (actual != expected) {
      throw new InvalidModelFileException(
          file,
          String.format(
              "checksum mismatch (CRC32C %08x, the header says %08x): the file is corrupt",
              actual, expected));
    }
  }

  /** Where a version-4 file's rows are, from the start of the matrices. */
  private static MappedLayout layout(NativeHeader header) {
    long base = HEADER_BYTES;
    return new MappedLayout(
        header.inputStart() - base,
        header.normsStart() - base,
        header.quantized() ? header.scalesStart() - base : -1,
        header.quantized() ? header.codesStart() - base : -1);
  }

  /** A version-4 file's tail: metadata and the first words of the vocabulary. */
  private record Tail(Map<String, String> meta, Vocabulary vocabulary) {

    /**
     * Reads the tail, verifies its checksum and keeps the first {@code limit} words (0 = all).
     *
     * @throws InvalidModelFileException on a checksum mismatch or a bad vocabulary
     */
    static Tail read(Path file, FileChannel channel, NativeHeader header, int limit)
        throws IOException {
      int n = header.words();
      CRC32C crc = new CRC32C();
      CheckedReader in =
          new CheckedReader(channel, header.tailStart(), header.vocabularyBytes(), crc);
      byte[] metaRaw = new byte[(int) header.metaBytes()];
      in.getBytes(metaRaw, 0, metaRaw.length);
      long[] counts = new long[n];
      in.getLongs(counts);
      int[] lengths = new int[n];
      in.getInts(lengths);
      byte[] words = new byte[(int) header.wordBytes()];
      in.getBytes(words, 0, words.length);
      checkCrc(file, (int) crc.getValue(), header.tailCrc());
      int keep = limit == 0 ? n : Math.min(n, limit);
      if (keep < n) {
        long bytes = 0;
        for (int i = 0; i < keep; i++) {
          bytes += lengths[i];
        }
        if (bytes > words.length) {
          throw new InvalidModelFileException(file, "corrupt vocabulary: word lengths too long");
        }
        words = Arrays.copyOf(words, (int) bytes);
        lengths = Arrays.copyOf(lengths, keep);
        counts = Arrays.copyOf(counts, keep);
      }
      try {
        return new Tail(
            NativeMetadata.decode(file, metaRaw), Vocabulary.fromUtf8(words, lengths, counts));
      } catch (IllegalArgumentException e) {
        throw new InvalidModelFileException(file, "invalid vocabulary: " + e.getMessage(), e);
      }
    }

    /** How the model was trained, for a full model; else null. */
    TrainingInfo info(Path file, NativeHeader header) throws InvalidModelFileException {
      return header.full() ? NativeMetadata.toInfo(file, meta) : null;
    }
  }

  /**
   * Reads a version-4 file whole into the heap: the unit rows, norms and 8-bit rows as stored, the
   * raw rows made from them, and the output matrix when asked for. The whole file's checksum is
   * computed on a thread of its own beside the copy and verified before anything is returned.
   */
  private static LoadedModel readWhole(
      Path file, FileChannel channel, NativeHeader header, int limit, boolean withOutput)
      throws IOException {
    Tail tail = Tail.read(file, channel, header, limit);
    try (BackgroundChecksum checksum =
        BackgroundChecksum.start(
            channel, new CRC32C(), List.of(), HEADER_BYTES, HEADER_BYTES + header.contentBytes())) {
      try {
        LoadedModel model = copyWhole(file, channel, header, tail, withOutput);
        checksum.verify(file, header.crc());
        return model;
      } catch (InvalidModelFileException | RuntimeException e) {
        checksum.verify(file, header.crc());
        throw e;
      }
    }
  }

  private static LoadedModel copyWhole(
      Path file, FileChannel channel, NativeHeader header, Tail tail, boolean withOutput)
      throws IOException {
    Vocabulary vocabulary = tail.vocabulary();
    int keep = vocabulary.size();
    int dim = header.dimension();
    if ((long) keep * dim > Integer.MAX_VALUE - 8) {
      throw new InvalidModelFileException(
          file,
          keep
              + " x "
              + dim
              + " floats is more than one array can hold: serve the file mapped, or read fewer"
              + " words");
    }
    HeapBudget.require(
        file,
        4L * keep * dim * (withOutput && header.full() ? (header.subwords() ? 4 : 3) : 2)
            + header.ngramBytes(),
        "read");
    MappedBytes bytes =
        MappedBytes.map(
            channel,
            HEADER_BYTES,
            header.tailStart() - HEADER_BYTES,
            MappedBytes.DEFAULT_CHUNK_SHIFT);
    MappedLayout layout = layout(header);
    float[] unit = new float[keep * dim];
    bytes.readFloats(layout.unitRows(), unit, 0, unit.length);
    checkFinite(file, vocabulary, unit, dim, "");
    float[] norms = new float[keep];
    bytes.readFloats(layout.norms(), norms, 0, keep);
    float[] output = null;
    if (withOutput && header.full()) {
      output = new float[keep * dim];
      bytes.readFloats(header.outputStart() - HEADER_BYTES, output, 0, output.length);
      checkFinite(file, vocabulary, output, dim, "output ");
    }
    QuantizedRows stored = null;
    if (layout.quantized()) {
      float[] scales = new float[keep];
      bytes.readFloats(layout.scales(), scales, 0, keep);
      byte[] codes = new byte[Math.toIntExact(QuantizedRows.codeCount(keep, dim))];
      bytes.readBytes(layout.codes(), codes, 0, codes.length);
      try {
        stored = QuantizedRows.restore(dim, scales, codes);
      } catch (IllegalArgumentException e) {
        throw new InvalidModelFileException(file, "corrupt 8-bit rows: " + e.getMessage(), e);
      }
    }
    float[] raw = new float[unit.length];
    WordVectors vectors;
    try {
      vectors = WordVectors.fromStoredRows(vocabulary, dim, raw, unit, norms, stored);
    } catch (IllegalArgumentException e) {
      throw new InvalidModelFileException(file, e.getMessage(), e);
    }
    float[] ngramRows = null;
    if (header.subwords()) {
      ngramRows = new float[Math.toIntExact(header.ngramBytes() / Float.BYTES)];
      bytes.readFloats(header.ngramStart() - HEADER_BYTES, ngramRows, 0, ngramRows.length);
      try {
        vectors = vectors.withSubwords(NgramVectors.onHeap(header.ngrams(), dim, ngramRows));
      } catch (NonFiniteVectorException e) {
        throw new InvalidModelFileException(
            file, "non-finite value " + e.value() + " in n-gram row " + e.row(), e);
      }
    }
    TrainingInfo info = tail.info(file, header);
    TrainedModel model = null;
    if (output != null) {
      float[] wordRows = raw;
      if (header.subwords()) {
        wordRows = new float[keep * dim];
        bytes.readFloats(header.wordRowsStart() - HEADER_BYTES, wordRows, 0, wordRows.length);
        checkFinite(file, vocabulary, wordRows, dim, "input ");
        if (!header.ngrams().equals(info.config().ngrams())) {
          throw new InvalidModelFileException(
              file,
              "inconsistent model: n-grams "
                  + header.ngrams()
                  + " in the header, "
                  + info.config().ngrams()
                  + " in the training settings");
        }
      }
      try {
        model = new TrainedModel(vocabulary, dim, wordRows, output, info, ngramRows);
      } catch (IllegalArgumentException e) {
        throw new InvalidModelFileException(file, "inconsistent model: " + e.getMessage(), e);
      }
    }
    return new LoadedModel(file, VectorFormat.NATIVE, vectors, model, info);
  }

  /** Reads a file of version 1 to 3 (the vocabulary first, then the raw rows) into the heap. */
  private static LoadedModel readVersion3(
      Path file, FileChannel channel, NativeHeader header, int limit, boolean withOutput)
      throws IOException {
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
    HeapBudget.require(file, 4L * keep * dim * (withOutput && header.full() ? 3 : 2), "read");
    long inputStart = header.inputStart();
    // The checksum of the matrices is a pass over most of the file: it runs on its own thread
    // while this one copies the sections and builds the vectors. Whatever else goes wrong, a
    // checksum mismatch is what gets reported: it explains everything else.
    // It reads the input matrix through the same mapped windows as the copy: each page of the
    // file is then mapped into the process once, not once per thread.
    MappedRows input = new MappedRows(channel, inputStart, n, dim);
    // Any other error (an I/O error, out of memory) closes the checksum and with it its thread.
    try (BackgroundChecksum checksum =
        BackgroundChecksum.start(
            channel, crc, input.windows(), input.endOffset(), channel.size())) {
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
    float[] raw = new float[keep * dim];
    try {
      vectors = WordVectors.fromRows(vocabulary, dim, input, stored, raw);
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
        model = new TrainedModel(vocabulary, dim, raw, output, info);
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

  private static void checkFinite(
      Path file, Vocabulary vocabulary, float[] matrix, int dim, String which)
      throws InvalidModelFileException {
    int i = VectorMath.firstNonFinite(matrix, dim);
    if (i >= 0) {
      throw new InvalidModelFileException(
          file, nonFinite(matrix[i], i % dim, which, vocabulary, i / dim));
    }
  }

  private static String nonFinite(
      float value, int position, String which, Vocabulary vocabulary, int row) {
    return nonFinite(value, position, which, vocabulary.word(row), row);
  }

  private static String nonFinite(
      float value, int position, String which, String[] words, int row) {
    return nonFinite(value, position, which, words[row], row);
  }

  private static String nonFinite(float value, int position, String which, String word, int row) {
    return "non-finite value "
        + value
        + " at position "
        + position
        + " of the "
        + which
        + "vector of word '"
        + word
        + "' (row "
        + row
        + ")";
  }
}
