package io.wordvec.io;

import io.wordvec.vectors.QuantizedRows;
import io.wordvec.vocab.CharNgrams;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The 64-byte header of a native model file (layout in {@link NativeFormat}) and the section sizes
 * it implies. {@link #read} accepts a header only if it is consistent with itself and with the
 * file's size, so that the sections can be read without further bounds checks.
 *
 * @param version format version
 * @param flags {@link #FULL_MODEL} and {@link #QUANTIZED}
 * @param words vocabulary size N
 * @param dimension D
 * @param metaBytes length of the metadata section
 * @param wordBytes length of the UTF-8 word section
 * @param contentBytes length of everything after the header
 * @param crc CRC32C of everything after the header
 * @param tailCrc version 4: CRC32C of the tail (metadata, counts, word lengths, words), which a
 *     mapped load verifies before it serves; 0 in older versions
 * @param ngrams version 5 with {@link #SUBWORDS}: how the n-gram rows are hashed; else null
 */
record NativeHeader(
    int version,
    int flags,
    int words,
    int dimension,
    long metaBytes,
    long wordBytes,
    long contentBytes,
    int crc,
    int tailCrc,
    CharNgrams ngrams) {

  static final byte[] MAGIC = {(byte) 0x89, 'W', 'V', 'M', '\r', '\n', 0x1A, '\n'};
  static final int BYTES = 64;

  /** Flag: a full trained model (output matrix and training metadata). */
  static final int FULL_MODEL = 1;

  /** Flag (version 2): the 8-bit rows follow the matrices. */
  static final int QUANTIZED = 2;

  /** Flag (version 5): a subword model's n-gram rows follow the 8-bit rows. */
  static final int SUBWORDS = 4;

  /** The first version that stores unit rows and norms, with the vocabulary last. */
  static final int MAPPED_LAYOUT = 4;

  /** Version 4 and the n-gram rows of a subword model ({@link #SUBWORDS}). */
  static final int SUBWORD_LAYOUT = 5;

  /** A header for content written as described, without checksums yet. */
  static NativeHeader of(
      int version,
      int words,
      int dimension,
      long metaBytes,
      long wordBytes,
      boolean full,
      boolean quantized,
      CharNgrams ngrams) {
    if (ngrams != null && version < SUBWORD_LAYOUT) {
      throw new IllegalArgumentException("version " + version + " has no n-gram rows");
    }
    int flags =
        (full ? FULL_MODEL : 0) | (quantized ? QUANTIZED : 0) | (ngrams != null ? SUBWORDS : 0);
    NativeHeader sizes =
        new NativeHeader(version, flags, words, dimension, metaBytes, wordBytes, 0, 0, 0, ngrams);
    return new NativeHeader(
        version,
        flags,
        words,
        dimension,
        metaBytes,
        wordBytes,
        sizes.expectedContentBytes(),
        0,
        0,
        ngrams);
  }

  /** The same header with the content's checksums. */
  NativeHeader withCrc(int checksum, int tailChecksum) {
    return new NativeHeader(
        version,
        flags,
        words,
        dimension,
        metaBytes,
        wordBytes,
        contentBytes,
        checksum,
        tailChecksum,
        ngrams);
  }

  /**
   * Whether the file has version 4's layout: unit rows and norms first (mapped in place for
   * serving), the vocabulary last.
   */
  boolean mappedLayout() {
    return version >= MAPPED_LAYOUT;
  }

  boolean full() {
    return (flags & FULL_MODEL) != 0;
  }

  boolean quantized() {
    return (flags & QUANTIZED) != 0;
  }

  boolean subwords() {
    return (flags & SUBWORDS) != 0;
  }

  /** Bytes of the n-gram rows: {@code bucket x D} floats with {@link #SUBWORDS}, else none. */
  long ngramBytes() {
    return ngrams == null ? 0 : (long) ngrams.bucket() * dimension * Float.BYTES;
  }

  /**
   * Bytes of a full subword model's word rows (its words' own input rows, which fine-tuning
   * continues from; the unit rows hold the vectors served for them), else none.
   */
  long wordRowBytes() {
    return full() && subwords() ? matrixBytes() : 0;
  }

  /** Version 5: where a full subword model's word rows start, after the n-gram rows. */
  long wordRowsStart() {
    return ngramStart() + ngramBytes();
  }

  /** Version 5: where the n-gram rows start (when {@link #subwords()}). */
  long ngramStart() {
    return quantized() ? codesStart() + codeBytes(words) : scalesStart();
  }

  /**
   * Whether the 8-bit codes are stored in blocks of rows ({@link QuantizedRows#codes()}, version 3
   * on), not one row after another (version 2).
   */
  boolean blockedCodes() {
    return version >= 3;
  }

  /** Bytes of the 8-bit codes of {@code rows} rows, as this version stores them. */
  long codeBytes(int rows) {
    return blockedCodes() ? QuantizedRows.codeCount(rows, dimension) : (long) rows * dimension;
  }

  /**
   * Versions 1 to 3: zero bytes after the words, so that the matrices start at a multiple of 8.
   * Version 4 has no padding.
   */
  int padding() {
    if (mappedLayout()) {
      return 0;
    }
    long beforePadding = BYTES + metaBytes + 12L * words + wordBytes;
    return (int) ((8 - beforePadding % 8) % 8);
  }

  /** Bytes of the vocabulary sections: metadata, counts, word lengths, words. */
  long vocabularyBytes() {
    return metaBytes + 12L * words + wordBytes;
  }

  /**
   * Versions 1 to 3: content bytes before the input matrix (metadata, counts, word lengths, words,
   * padding). Version 4: none, the vocabulary is last.
   */
  long prefixBytes() {
    return mappedLayout() ? 0 : vocabularyBytes() + padding();
  }

  /** Where the input matrix starts in the file: raw rows up to version 3, unit rows in 4. */
  long inputStart() {
    return BYTES + prefixBytes();
  }

  /** Version 4: where the norms start. */
  long normsStart() {
    return inputStart() + matrixBytes();
  }

  /** Where a full model's output matrix starts. */
  long outputStart() {
    return mappedLayout()
        ? normsStart() + (long) words * Float.BYTES
        : inputStart() + matrixBytes();
  }

  /** Where the 8-bit scales start (when {@link #quantized()}). */
  long scalesStart() {
    return outputStart() + (full() ? matrixBytes() : 0);
  }

  /** Where the 8-bit codes start (when {@link #quantized()}). */
  long codesStart() {
    return scalesStart() + (long) words * Float.BYTES;
  }

  /** Version 4: where the vocabulary sections start, after the matrices. */
  long tailStart() {
    return wordRowsStart() + wordRowBytes();
  }

  /** Bytes of one N x D float matrix. */
  long matrixBytes() {
    return (long) words * dimension * Float.BYTES;
  }

  /** What {@link #contentBytes} must be for these counts and flags. */
  long expectedContentBytes() {
    long quantizedBytes = quantized() ? (long) words * Float.BYTES + codeBytes(words) : 0;
    long normBytes = mappedLayout() ? (long) words * Float.BYTES : 0;
    return vocabularyBytes()
        + padding()
        + matrixBytes() * (full() ? 2 : 1)
        + normBytes
        + quantizedBytes
        + ngramBytes()
        + wordRowBytes();
  }

  /** The header as written at the start of the file. */
  ByteBuffer encode() {
    ByteBuffer header = ByteBuffer.allocate(BYTES).order(ByteOrder.LITTLE_ENDIAN);
    header.put(MAGIC);
    header.putInt(version);
    header.putInt(flags);
    header.putInt(words);
    header.putInt(dimension);
    header.putLong(metaBytes);
    header.putLong(wordBytes);
    header.putLong(contentBytes);
    header.putInt(crc);
    header.putInt(tailCrc);
    if (ngrams != null) {
      header.putInt(ngrams.bucket());
      header.put((byte) ngrams.minn());
      header.put((byte) ngrams.maxn());
    }
    return header.clear();
  }

  /**
   * Reads and checks the header at the start of {@code channel}.
   *
   * @throws InvalidModelFileException naming the file and what is wrong: bad magic, an unsupported
   *     version, unknown flags, sizes that contradict each other or the file's length
   */
  static NativeHeader read(Path file, FileChannel channel) throws IOException {
    long fileSize = channel.size();
    ByteBuffer buffer = ByteBuffer.allocate(BYTES).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining() && channel.read(buffer) >= 0) {}
    buffer.flip();
    byte[] magic = new byte[MAGIC.length];
    buffer.get(0, magic, 0, Math.min(MAGIC.length, buffer.limit()));
    if (buffer.limit() < MAGIC.length || !Arrays.equals(magic, MAGIC)) {
      throw new InvalidModelFileException(file, "not a wordvec model file (bad magic number)");
    }
    if (buffer.limit() < BYTES) {
      throw new InvalidModelFileException(
          file, "truncated: the file is " + fileSize + " bytes, shorter than the header");
    }
    buffer.position(MAGIC.length);
    int version = buffer.getInt();
    int flags = buffer.getInt();
    int words = buffer.getInt();
    int dimension = buffer.getInt();
    long metaBytes = buffer.getLong();
    long wordBytes = buffer.getLong();
    long contentBytes = buffer.getLong();
    int crc = buffer.getInt();
    int tailCrc = buffer.getInt();
    CharNgrams ngrams = null;
    if (version >= SUBWORD_LAYOUT && (flags & SUBWORDS) != 0) {
      int bucket = buffer.getInt();
      int minn = buffer.get() & 0xFF;
      int maxn = buffer.get() & 0xFF;
      try {
        ngrams = new CharNgrams(minn, maxn, bucket);
      } catch (IllegalArgumentException e) {
        throw new InvalidModelFileException(file, "corrupt header: " + e.getMessage(), e);
      }
    }
    NativeHeader header =
        new NativeHeader(
            version,
            flags,
            words,
            dimension,
            metaBytes,
            wordBytes,
            contentBytes,
            crc,
            tailCrc,
            ngrams);
    header.check(file, fileSize);
    return header;
  }

  private void check(Path file, long fileSize) throws InvalidModelFileException {
    if (version < 1 || version > NativeFormat.NEWEST_VERSION) {
      throw new InvalidModelFileException(
          file,
          "format version "
              + version
              + " is not supported (this wordvec reads versions 1 to "
              + NativeFormat.NEWEST_VERSION
              + ")");
    }
    int knownFlags =
        version == 1
            ? FULL_MODEL
            : version < SUBWORD_LAYOUT ? FULL_MODEL | QUANTIZED : FULL_MODEL | QUANTIZED | SUBWORDS;
    if ((flags & ~knownFlags) != 0) {
      throw new InvalidModelFileException(
          file, "corrupt header: unknown flags " + flags + " for format version " + version);
    }
    if (words < 0 || dimension <= 0 || metaBytes < 4 || wordBytes < 0 || contentBytes < 0) {
      throw new InvalidModelFileException(
          file,
          "corrupt header: words "
              + words
              + ", dimension "
              + dimension
              + ", metadata "
              + metaBytes
              + " bytes, words "
              + wordBytes
              + " bytes, content "
              + contentBytes
              + " bytes");
    }
    if (metaBytes > Integer.MAX_VALUE - 8 || wordBytes > Integer.MAX_VALUE - 8) {
      throw new InvalidModelFileException(
          file,
          "corrupt header: "
              + metaBytes
              + " bytes of metadata and "
              + wordBytes
              + " bytes of words are more than a vocabulary holds");
    }
    if (!mappedLayout() && (long) words * dimension > Integer.MAX_VALUE - 8) {
      throw new InvalidModelFileException(
          file, words + " x " + dimension + " floats is more than one array can hold");
    }
    if (ngrams != null && (long) ngrams.bucket() * dimension > Integer.MAX_VALUE - 8) {
      throw new InvalidModelFileException(
          file, ngrams.bucket() + " n-gram rows x " + dimension + " is not a model's size");
    }
    if ((long) words * dimension > Long.MAX_VALUE / 16) {
      throw new InvalidModelFileException(
          file, "corrupt header: " + words + " x " + dimension + " is not a model's size");
    }
    long expected = expectedContentBytes();
    if (contentBytes != expected) {
      throw new InvalidModelFileException(
          file,
          "corrupt header: content length "
              + contentBytes
              + " does not match "
              + words
              + " words x "
              + dimension
              + " dimensions ("
              + expected
              + " bytes)");
    }
    long end = BYTES + contentBytes;
    if (fileSize < end) {
      throw new InvalidModelFileException(
          file, "truncated: the header promises " + end + " bytes, the file has " + fileSize);
    }
    if (fileSize > end) {
      throw new InvalidModelFileException(
          file,
          "the file has "
              + (fileSize - end)
              + " bytes after the end the header declares ("
              + end
              + ")");
    }
  }
}
