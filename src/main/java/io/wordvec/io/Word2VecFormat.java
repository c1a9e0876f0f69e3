package io.wordvec.io;

import io.wordvec.vectors.QuantizedRows;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * The word2vec C tool's vector files, as written by {@code word2vec.c}, gensim's {@code
 * save_word2vec_format} and fastText ({@code .vec} is the text variant).
 *
 * <ul>
 *   <li>Both start with an ASCII header line {@code "<count> <dimension>"}.
 *   <li>Text: one line per word, {@code word v1 ... vD}, separated by spaces or tabs; {@code \r\n}
 *       line ends, trailing spaces (word2vec.c, fastText) and blank lines are tolerated.
 *   <li>Binary: the UTF-8 word, a space, then D little-endian float32s. word2vec.c writes a newline
 *       after each vector and gensim does not; newlines before a word are skipped, so both load.
 *   <li>Either may be gzip-compressed ({@code .bin.gz}, {@code .txt.gz}): recognised by content and
 *       read as it is decompressed.
 * </ul>
 *
 * <p>The header's count is a claim, not a size to allocate: files are read as a stream ({@link
 * Word2VecReader}), and memory grows with the records that actually arrive, capped by what the
 * file's size can hold (a binary file's size bounds its records tightly; a compressed one's does
 * not). A header that promises more records than the file can hold is rejected before anything is
 * read; a file that ends early is rejected as truncated; a file whose vectors cannot fit in the
 * heap is refused before they are allocated ({@link HeapBudget}), naming {@link #toNative}, which
 * streams a file of any size into a model file that is served memory-mapped.
 *
 * <p>The files carry no word counts. Loaded vocabularies get gensim's rank-derived stand-ins: the
 * word at id {@code i} of {@code n} gets count {@code n - i}, which keeps the file's order as the
 * frequency order. A word that occurs twice keeps its first vector (as gensim does). Words are
 * decoded leniently: an invalid UTF-8 sequence (word2vec.c may cut a word mid-character) becomes
 * U+FFFD rather than failing the load.
 *
 * <p>Writes are atomic ({@link AtomicFiles}), and gzip-compressed when the file name ends in {@code
 * .gz}; floats are written in text as the shortest decimal that reads back to the same float, so
 * text round trips are lossless.
 */
public final class Word2VecFormat {

  /** Longest word accepted in a binary file, in bytes; longer means a corrupt or misread file. */
  static final int MAX_WORD_BYTES = 1 << 16;

  /** Largest dimension accepted: a header beyond it is corrupt, not a model. */
  static final int MAX_DIMENSION = 1 << 16;

  /** Floats a text or compressed file's matrix starts with before it grows (4 MB). */
  private static final int FIRST_FLOATS = 1 << 20;

  private Word2VecFormat() {}

  /** Reads a text file; see {@link #readText(Path, int)}. */
  public static WordVectors readText(Path file) throws IOException {
    return readText(file, 0);
  }

  /**
   * Reads a text file (word2vec text or fastText {@code .vec}, plain or gzip-compressed).
   *
   * @param limit read only the first N words (the most frequent in files sorted by count); 0 = all
   * @throws InvalidModelFileException naming the file and the line on a malformed header or line, a
   *     wrong number of values, a non-finite value, or fewer lines than the header declares; or
   *     when the vectors cannot fit in the heap
   */
  public static WordVectors readText(Path file, int limit) throws IOException {
    return read(file, false, limit);
  }

  /** Reads a binary file; see {@link #readBinary(Path, int)}. */
  public static WordVectors readBinary(Path file) throws IOException {
    return readBinary(file, 0);
  }

  /**
   * Reads a binary file, plain or gzip-compressed. Vectors are copied with bulk float reads from a
   * direct buffer.
   *
   * @param limit read only the first N words; 0 = all
   * @throws InvalidModelFileException naming the file and what is wrong: a malformed header, a file
   *     shorter than the header declares, an implausibly long word, a non-finite value, vectors
   *     that cannot fit in the heap
   */
  public static WordVectors readBinary(Path file, int limit) throws IOException {
    return read(file, true, limit);
  }

  private static WordVectors read(Path file, boolean binary, int limit) throws IOException {
    checkLimit(limit);
    try (Word2VecReader in = Word2VecReader.open(file, binary)) {
      int dim = in.dimension();
      int wanted = wanted(file, in, limit);
      // Never room for more rows than the file's size can hold, whatever the header says.
      int most = Math.min(wanted, in.rowCap());
      // A plain binary file's size bounds its records within a few percent: allocate that at
      // once. A text or compressed file says little about its records: grow as they arrive.
      int capacity = in.tightCap() ? most : Math.min(most, Math.max(1, FIRST_FLOATS / dim));
      checkArray(file, capacity, dim);
      HeapBudget.require(file, servedBytes(capacity, dim), "load");
      Vocabulary.Appender words = new Vocabulary.Appender(capacity);
      float[] data = new float[Math.multiplyExact(capacity, dim)];
      int size = 0;
      while (size < wanted && in.next()) {
        if (!words.add(in.word())) {
          // gensim keeps the first vector of a repeated word; so do we.
          continue;
        }
        if (size == capacity) {
          capacity = (int) Math.min(most, capacity + (capacity >> 1) + 1L);
          if (capacity == size) {
            throw new InvalidModelFileException(
                file, "more records than a file of its size can hold: it is not a word2vec file");
          }
          checkArray(file, capacity, dim);
          HeapBudget.require(file, servedBytes(capacity, dim) + 4L * size * dim, "load");
          data = Arrays.copyOf(data, capacity * dim);
        }
        System.arraycopy(in.row(), 0, data, size * dim, dim);
        size++;
      }
      if (in.records() < wanted) {
        throw in.truncated();
      }
      if (size != capacity) {
        data = Arrays.copyOf(data, size * dim);
      }
      HeapBudget.require(file, servedBytes(size, dim) - 4L * size * dim, "load");
      return new WordVectors(words.build(rankCounts(size)), dim, data);
    }
  }

  /**
   * Streams a word2vec file (text or binary, plain or compressed) into a native model file of
   * vectors only, without holding its matrix: each row is normalised and written as it is read. The
   * heap holds the words and 8 bytes a row, whatever the size of the file.
   *
   * @param limit keep only the first N words; 0 = all
   * @return the number of words written
   * @throws InvalidModelFileException as the readers do; {@code output} is then untouched
   */
  public static int toNative(Path file, boolean binary, int limit, Path output) throws IOException {
    checkLimit(limit);
    try (Word2VecReader in = Word2VecReader.open(file, binary);
        NativeWriter out = NativeWriter.create(output, in.dimension())) {
      int wanted = wanted(file, in, limit);
      Vocabulary.Appender words =
          new Vocabulary.Appender(Math.min(wanted, Math.max(1, FIRST_FLOATS / in.dimension())));
      while (words.size() < wanted && in.next()) {
        if (words.add(in.word())) {
          out.addRaw(in.row(), 0);
        }
      }
      if (in.records() < wanted) {
        throw in.truncated();
      }
      int size = words.size();
      out.finish(
          words.build(rankCounts(size)),
          null,
          NativeMetadata.encode(null),
          QuantizedRows.worthwhile(size, in.dimension()),
          null,
          null);
      return size;
    }
  }

  /**
   * The records to read: the header's count, at most {@code limit}.
   *
   * @throws InvalidModelFileException if the file's size cannot hold that many
   */
  private static int wanted(Path file, Word2VecReader in, int limit)
      throws InvalidModelFileException {
    int wanted = limit == 0 ? in.declared() : Math.min(in.declared(), limit);
    if (in.tightCap() && wanted > in.rowCap()) {
      throw new InvalidModelFileException(
          file,
          "truncated: the header declares "
              + in.declared()
              + " words of "
              + in.dimension()
              + " floats, more than the file's "
              + in.fileSize()
              + " bytes can hold (at most "
              + in.rowCap()
              + ")");
    }
    return wanted;
  }

  /**
   * Refuses a matrix of more floats than one array holds.
   *
   * @throws InvalidModelFileException naming the file and the way out: a mapped model file
   */
  private static void checkArray(Path file, int rows, int dim) throws InvalidModelFileException {
    if ((long) rows * dim > Integer.MAX_VALUE - 8) {
      throw new InvalidModelFileException(
          file,
          rows
              + " x "
              + dim
              + " floats is more than one array can hold: convert it to .wvm with 'wordvec"
              + " convert' to serve it memory-mapped, or load fewer words");
    }
  }

  /** Heap for serving {@code rows} rows read into memory: raw, unit and 8-bit rows. */
  private static long servedBytes(int rows, int dim) {
    long floats = (long) rows * dim;
    return 8 * floats + (QuantizedRows.worthwhile(rows, dim) ? floats : 0) + 48L * rows;
  }

  /** gensim's stand-in counts: the word at id {@code i} of {@code n} gets {@code n - i}. */
  private static long[] rankCounts(int n) {
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      counts[i] = n - i;
    }
    return counts;
  }

  private static void checkLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0 (0 = all words), was " + limit);
    }
  }

  /** Writes the word2vec text format atomically (also valid as a fastText {@code .vec}). */
  public static void writeText(WordVectors vectors, Path file) throws IOException {
    checkWritable(vectors);
    int dim = vectors.dimension();
    Vocabulary vocab = vectors.vocabulary();
    write(
        file,
        out -> {
          StringBuilder sb = new StringBuilder(dim * 16);
          float[] row = new float[dim];
          out.write(header(vectors));
          for (int id = 0; id < vocab.size(); id++) {
            sb.setLength(0);
            sb.append(vocab.word(id));
            vectors.rawRow(id, row, 0);
            for (int j = 0; j < dim; j++) {
              sb.append(' ').append(row[j]);
            }
            sb.append('\n');
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
          }
        });
  }

  /**
   * Writes the word2vec binary format atomically, with word2vec.c's newline after each vector
   * (which gensim and word2vec.c both read).
   */
  public static void writeBinary(WordVectors vectors, Path file) throws IOException {
    checkWritable(vectors);
    int dim = vectors.dimension();
    Vocabulary vocab = vectors.vocabulary();
    write(
        file,
        out -> {
          out.write(header(vectors));
          float[] floats = new float[dim];
          ByteBuffer row = ByteBuffer.allocate(dim * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
          for (int id = 0; id < vocab.size(); id++) {
            out.write(vocab.word(id).getBytes(StandardCharsets.UTF_8));
            out.write(' ');
            vectors.rawRow(id, floats, 0);
            row.clear();
            row.asFloatBuffer().put(floats, 0, dim);
            out.write(row.array(), 0, row.capacity());
            out.write('\n');
          }
        });
  }

  /** Writes {@code file} atomically, gzip-compressed when its name ends in {@code .gz}. */
  private static void write(Path file, AtomicFiles.Writer writer) throws IOException {
    if (!VectorFormat.isCompressed(file)) {
      AtomicFiles.write(file, writer);
      return;
    }
    AtomicFiles.write(
        file,
        out -> {
          GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
          writer.write(gzip);
          gzip.finish();
        });
  }

  private static byte[] header(WordVectors vectors) {
    return (vectors.size() + " " + vectors.dimension() + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** Words with blanks or line breaks cannot be stored: the reader would split them. */
  private static void checkWritable(WordVectors vectors) {
    Vocabulary vocab = vectors.vocabulary();
    for (int id = 0; id < vocab.size(); id++) {
      String w = vocab.word(id);
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          throw new IllegalArgumentException(
              "word "
                  + id
                  + " '"
                  + w
                  + "' contains a space, tab or line break; the word2vec format cannot store it");
        }
      }
    }
  }
}
