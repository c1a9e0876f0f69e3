package io.wordvec.io;

import io.wordvec.vectors.MappedBytes;
import io.wordvec.vectors.NgramVectors;
import io.wordvec.vectors.NonFiniteVectorException;
import io.wordvec.vectors.QuantizedRows;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.CharNgrams;
import io.wordvec.vocab.Vocabulary;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads fastText's binary model ({@code .bin}, versions 11 and 12: the format of the published
 * {@code cc.*} and {@code wiki.*} models and of {@code fasttext skipgram/cbow}): the word vectors,
 * and for a model with character n-grams the n-gram rows, so that words it never saw get vectors.
 *
 * <p>Layout, all numbers little-endian (fastText's {@code FastText::saveModel}):
 *
 * <pre>
 * magic int32 793712314, version int32 (11 or 12)
 * args: dim, ws, epoch, minCount, neg, wordNgrams, loss, model, bucket, minn, maxn,
 *       lrUpdateRate (int32 each), t (float64)
 * dictionary: size int32, nwords int32, nlabels int32, ntokens int64, pruneidxSize int64,
 *       size entries of (word bytes, a 0 byte, count int64, type int8: 0 word, 1 label),
 *       pruneidxSize pairs of int32
 * quantInput int8: 1 for a quantised model (.ftz)
 * input matrix: rows int64 (nwords + bucket), cols int64 (dim), rows x cols float32
 * quantOutput int8, output matrix (not read: only training needs it)
 * </pre>
 *
 * <p>The served vector of a word is fastText's {@code getWordVector}: the mean of its own row and
 * its n-grams' rows ({@link NgramVectors#compose}). The words' vectors are computed into the heap;
 * the n-gram rows are read from the file through a read-only mapping, so a published model's two
 * million buckets cost no heap. Quantised models ({@code .ftz}: product-quantised rows, pruned
 * buckets) are refused with a message saying so. Every count in the header is checked against the
 * file's size before anything is allocated from it.
 *
 * <p>Why this class is long: the header parser and the bounded input it reads through are nested
 * classes, since the format's checks (sizes against the file, versions, quantisation) only make
 * sense together with the two ways a model leaves it: read into the heap, or streamed into a {@code
 * .wvm} without holding the input matrix.
 */
final class FastTextBinary {

  /** fastText's magic number, the first four bytes of its model files. */
  static final int MAGIC = 793712314;

  /** The version fastText 0.9 writes; 11 differs only for supervised models (no n-grams). */
  private static final int VERSION = 12;

  private static final int SUPERVISED = 3;

  /** The longest word accepted, in bytes: a file with a longer one is corrupt. */
  private static final int MAX_WORD_BYTES = 1 << 16;

  private FastTextBinary() {}

  /** Whether {@code head} (the first bytes of a file) starts with fastText's magic number. */
  static boolean hasMagic(byte[] head) {
    return head.length >= 4
        && ByteBuffer.wrap(head, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == MAGIC;
  }

  /**
   * Reads the model's word vectors (with n-gram rows when it has them).
   *
   * @param limit keep only the first N words (fastText sorts them by count); 0 = all
   * @throws InvalidModelFileException naming the file and the problem: not a fastText model, a
   *     quantised one, an unsupported version, counts that do not fit the file, a non-finite value
   */
  static WordVectors read(Path file, int limit) throws IOException {
    long fileSize = Files.size(file);
    Header header;
    try (Input in = new Input(file, fileSize)) {
      header = Header.read(in, file, fileSize);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      MappedBytes matrix =
          MappedBytes.map(
              channel,
              header.matrixStart,
              header.matrixRows * header.dim * Float.BYTES,
              MappedBytes.DEFAULT_CHUNK_SHIFT);
      return vectors(file, header, matrix, limit);
    }
  }

  /**
   * Streams the model into a native file ({@code .wvm}, version 5 when it has n-grams) without
   * holding its matrix in the heap: each word's served vector (its own row and its n-grams' rows,
   * as {@link #read} computes it) is composed from the mapped input matrix and written at once, and
   * the n-gram rows are copied from the mapping a block at a time. The heap holds the dictionary
   * and a few floats a word, so a published model of millions of words and buckets converts in a
   * heap far smaller than it. The file written is the one {@link #read} followed by {@link
   * NativeFormat#write(WordVectors, Path)} would write.
   *
   * @param limit keep only the first N words; 0 = all
   * @return what was written: the words and their dimension
   * @throws InvalidModelFileException as {@link #read} does; {@code output} is then untouched
   */
  static ModelFiles.Conversion toNative(Path file, int limit, Path output) throws IOException {
    long fileSize = Files.size(file);
    Header header;
    try (Input in = new Input(file, fileSize)) {
      header = Header.read(in, file, fileSize);
    }
    int dim = header.dim;
    int keep = limit == 0 ? header.words.length : Math.min(limit, header.words.length);
    String[] words = Arrays.copyOf(header.words, keep);
    Vocabulary vocabulary;
    try {
      vocabulary = new Vocabulary(words, Arrays.copyOf(header.counts, keep));
    } catch (IllegalArgumentException e) {
      throw new InvalidModelFileException(file, "invalid dictionary: " + e.getMessage(), e);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      MappedBytes matrix =
          MappedBytes.map(
              channel,
              header.matrixStart,
              header.matrixRows * header.dim * Float.BYTES,
              MappedBytes.DEFAULT_CHUNK_SHIFT);
      NgramVectors ngrams = null;
      if (header.ngrams != null) {
        checkNgramRows(file, header, matrix);
        ngrams =
            NgramVectors.mapped(
                header.ngrams, dim, matrix, (long) header.words.length * dim * Float.BYTES);
      }
      try (NativeWriter out = NativeWriter.create(output, dim)) {
        int blockRows = Math.max(1, (1 << 14) / dim);
        float[] block = new float[blockRows * dim];
        float[] scratch = new float[dim];
        for (int first = 0; first < keep; first += blockRows) {
          int count = Math.min(blockRows, keep - first);
          matrix.readFloats((long) first * dim * Float.BYTES, block, 0, count * dim);
          for (int i = 0; i < count; i++) {
            int row = first + i;
            if (ngrams != null && !"</s>".equals(words[row])) {
              ngrams.compose(words[row], block, i * dim, block, i * dim, scratch);
            }
            try {
              out.addRaw(block, i * dim);
            } catch (NonFiniteVectorException e) {
              throw new InvalidModelFileException(
                  file,
                  "non-finite value "
                      + e.value()
                      + " in the vector of word '"
                      + words[row]
                      + "' (row "
                      + row
                      + ")",
                  e);
            }
          }
        }
        out.finish(
            vocabulary,
            null,
            NativeMetadata.encode(null),
            QuantizedRows.worthwhile(keep, dim),
            ngrams,
            null);
      }
    }
    return new ModelFiles.Conversion(VectorFormat.FASTTEXT_BIN, keep, dim);
  }

  private static WordVectors vectors(Path file, Header header, MappedBytes matrix, int limit)
      throws InvalidModelFileException {
    int dim = header.dim;
    int keep = limit == 0 ? header.words.length : Math.min(limit, header.words.length);
    if ((long) keep * dim > Integer.MAX_VALUE - 8) {
      throw new InvalidModelFileException(
          file,
          keep + " words x " + dim + " floats is more than one array holds: read fewer words");
    }
    HeapBudget.require(file, 2L * Float.BYTES * keep * dim, "read");
    NgramVectors ngrams =
        header.ngrams == null
            ? null
            : NgramVectors.mapped(
                header.ngrams, dim, matrix, (long) header.words.length * dim * Float.BYTES);
    float[] raw = new float[keep * dim];
    matrix.readFloats(0, raw, 0, raw.length);
    float[] scratch = new float[dim];
    String[] words = Arrays.copyOf(header.words, keep);
    for (int i = 0; i < keep; i++) {
      if (ngrams != null && !"</s>".equals(words[i])) {
        // fastText gives the sentence end no n-grams (Dictionary::initNgrams)
        ngrams.compose(words[i], raw, i * dim, raw, i * dim, scratch);
      }
    }
    try {
      Vocabulary vocabulary = new Vocabulary(words, Arrays.copyOf(header.counts, keep));
      WordVectors vectors = new WordVectors(vocabulary, dim, raw);
      if (ngrams != null) {
        checkNgramRows(file, header, matrix);
      }
      return vectors.withSubwords(ngrams);
    } catch (NonFiniteVectorException e) {
      throw new InvalidModelFileException(
          file,
          "non-finite value "
              + e.value()
              + " in the vector of word '"
              + words[e.row()]
              + "' (row "
              + e.row()
              + ")",
          e);
    } catch (IllegalArgumentException e) {
      throw new InvalidModelFileException(file, "invalid dictionary: " + e.getMessage(), e);
    }
  }

  /**
   * Checks the n-gram rows for NaN and infinity, a block at a time: a word's vector would silently
   * become NaN otherwise. One sequential pass over the mapping.
   */
  private static void checkNgramRows(Path file, Header header, MappedBytes matrix)
      throws InvalidModelFileException {
    int dim = header.dim;
    int blockRows = Math.max(1, (1 << 16) / dim);
    float[] block = new float[blockRows * dim];
    long base = (long) header.words.length * dim * Float.BYTES;
    int buckets = header.ngrams.bucket();
    for (int first = 0; first < buckets; first += blockRows) {
      int count = Math.min(blockRows, buckets - first);
      matrix.readFloats(base + (long) first * dim * Float.BYTES, block, 0, count * dim);
      for (int i = 0; i < count * dim; i++) {
        if (!Float.isFinite(block[i])) {
          throw new InvalidModelFileException(
              file, "non-finite value " + block[i] + " in n-gram row " + (first + i / dim));
        }
      }
    }
  }

  /** What the header, the arguments and the dictionary say. */
  private static final class Header {
    int dim;
    CharNgrams ngrams;
    String[] words;
    long[] counts;
    long matrixStart;
    long matrixRows;

    static Header read(Input in, Path file, long fileSize) throws IOException {
      if (in.readInt() != MAGIC) {
        throw new InvalidModelFileException(file, "not a fastText model (bad magic number)");
      }
      int version = in.readInt();
      if (version != VERSION && version != 11) {
        throw new InvalidModelFileException(
            file,
            "fastText model version "
                + version
                + " is not supported (this wordvec reads 11 and 12)");
      }
      Header header = new Header();
      header.dim = in.readInt();
      in.skip(4 * 4); // ws, epoch, minCount, neg
      in.skip(4); // wordNgrams
      in.skip(4); // loss
      int model = in.readInt();
      int bucket = in.readInt();
      int minn = in.readInt();
      int maxn = in.readInt();
      in.skip(4 + 8); // lrUpdateRate, t
      if (version == 11 && model == SUPERVISED) {
        maxn = 0; // fastText's own rule: version 11 supervised models had no n-grams
      }
      if (header.dim <= 0 || header.dim > 1 << 16) {
        throw new InvalidModelFileException(file, "corrupt header: dimension " + header.dim);
      }
      int size = in.readInt();
      int nwords = in.readInt();
      int nlabels = in.readInt();
      in.skip(8); // ntokens
      long pruned = in.readLong();
      // an entry takes at least 11 bytes: one byte of word, its end, a count and a type
      if (size < 0
          || nwords < 0
          || nlabels < 0
          || nwords + (long) nlabels != size
          || size > fileSize / 11) {
        throw new InvalidModelFileException(
            file,
            "corrupt dictionary: "
                + size
                + " entries ("
                + nwords
                + " words, "
                + nlabels
                + " labels) in a file of "
                + fileSize
                + " bytes");
      }
      header.words = new String[nwords];
      header.counts = new long[nwords];
      for (int i = 0; i < size; i++) {
        String word = in.readWord(file);
        long count = in.readLong();
        byte type = in.readByte();
        if (i < nwords) {
          if (type != 0) {
            throw new InvalidModelFileException(
                file, "corrupt dictionary: entry " + i + " is a label among the words");
          }
          header.words[i] = word;
          header.counts[i] = count;
        }
      }
      boolean quantized = in.readByte() != 0;
      if (pruned >= 0 || quantized) {
        throw new InvalidModelFileException(
            file,
            "a quantised fastText model (.ftz) cannot be read: its vectors are compressed and its"
                + " n-gram buckets pruned. Use the model's .bin");
      }
      long rows = in.readLong();
      long cols = in.readLong();
      header.matrixStart = in.position();
      if (cols != header.dim || rows != nwords + (long) bucket || bucket < 0) {
        throw new InvalidModelFileException(
            file,
            "corrupt input matrix: "
                + rows
                + " x "
                + cols
                + ", expected "
                + nwords
                + " words + "
                + bucket
                + " buckets x "
                + header.dim);
      }
      if (rows * cols * Float.BYTES > fileSize - header.matrixStart) {
        throw new InvalidModelFileException(
            file,
            "truncated: the input matrix needs "
                + rows * cols * Float.BYTES
                + " bytes, the file has "
                + (fileSize - header.matrixStart)
                + " after the dictionary");
      }
      header.matrixRows = rows;
      if (maxn > 0 && bucket > 0) {
        try {
          header.ngrams = new CharNgrams(minn, maxn, bucket);
        } catch (IllegalArgumentException e) {
          throw new InvalidModelFileException(file, "unsupported n-grams: " + e.getMessage(), e);
        }
      }
      return header;
    }
  }

  /** Little-endian reads from a buffered stream, counting the position. */
  private static final class Input implements AutoCloseable {
    private final InputStream in;
    private final Path file;
    private final long fileSize;
    private final byte[] scratch = new byte[8];
    private byte[] word = new byte[64];
    private long position;

    Input(Path file, long fileSize) throws IOException {
      this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      this.file = file;
      this.fileSize = fileSize;
    }

    long position() {
      return position;
    }

    private void fill(int n) throws IOException {
      if (in.readNBytes(scratch, 0, n) != n) {
        throw truncated();
      }
      position += n;
    }

    private InvalidModelFileException truncated() {
      return new InvalidModelFileException(
          file,
          "truncated: the file ends at byte " + fileSize + " inside the header or dictionary");
    }

    int readInt() throws IOException {
      fill(4);
      return ByteBuffer.wrap(scratch, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    long readLong() throws IOException {
      fill(8);
      return ByteBuffer.wrap(scratch, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    byte readByte() throws IOException {
      fill(1);
      return scratch[0];
    }

    void skip(int n) throws IOException {
      try {
        in.skipNBytes(n);
      } catch (EOFException e) {
        throw truncated();
      }
      position += n;
    }

    /** A word: UTF-8 bytes up to a 0 byte. */
    String readWord(Path file) throws IOException {
      int length = 0;
      while (true) {
        int b = in.read();
        if (b < 0) {
          throw truncated();
        }
        position++;
        if (b == 0) {
          break;
        }
        if (length == word.length) {
          if (length >= MAX_WORD_BYTES) {
            throw new InvalidModelFileException(
                file, "corrupt dictionary: a word longer than " + MAX_WORD_BYTES + " bytes");
          }
          word = Arrays.copyOf(word, length * 2);
        }
        word[length++] = (byte) b;
      }
      if (length == 0) {
        throw new InvalidModelFileException(
            file, "corrupt dictionary: an empty word at byte " + position);
      }
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(word, 0, length))
            .toString();
      } catch (CharacterCodingException e) {
        // fastText keeps raw bytes; a word that is not UTF-8 is kept with replacement characters
        return new String(word, 0, length, StandardCharsets.UTF_8);
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
