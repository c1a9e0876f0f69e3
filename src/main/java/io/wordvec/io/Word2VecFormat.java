package io.wordvec.io;

import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import it.unimi.dsi.fastutil.objects.ObjectOpenHashSet;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

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
 * </ul>
 *
 * <p>The files carry no word counts. Loaded vocabularies get gensim's rank-derived stand-ins: the
 * word at id {@code i} of {@code n} gets count {@code n - i}, which keeps the file's order as the
 * frequency order. A word that occurs twice keeps its first vector (as gensim does). Words are
 * decoded leniently: an invalid UTF-8 sequence (word2vec.c may cut a word mid-character) becomes
 * U+FFFD rather than failing the load.
 *
 * <p>Writes are atomic ({@link AtomicFiles}); floats are written in text as the shortest decimal
 * that reads back to the same float, so text round trips are lossless.
 */
public final class Word2VecFormat {

  /** Longest word accepted in a binary file, in bytes; longer means a corrupt or misread file. */
  static final int MAX_WORD_BYTES = 1 << 16;

  private Word2VecFormat() {}

  /** Reads a text file; see {@link #readText(Path, int)}. */
  public static WordVectors readText(Path file) throws IOException {
    return readText(file, 0);
  }

  /**
   * Reads a text file (word2vec text or fastText {@code .vec}).
   *
   * @param limit read only the first N words (the most frequent in files sorted by count); 0 = all
   * @throws InvalidModelFileException naming the file and the line on a malformed header or line, a
   *     wrong number of values, a non-finite value, or fewer lines than the header declares
   */
  public static WordVectors readText(Path file, int limit) throws IOException {
    checkLimit(limit);
    try (InputStream in = Files.newInputStream(file);
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(
                    in,
                    StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)),
                1 << 20)) {
      String header = reader.readLine();
      int[] shape = parseHeader(file, header);
      int declared = shape[0];
      int dim = shape[1];
      int wanted = limit == 0 ? declared : Math.min(declared, limit);
      Builder builder = new Builder(file, wanted, dim);
      int lineNo = 1;
      String line;
      while (builder.size() < wanted && (line = reader.readLine()) != null) {
        lineNo++;
        parseTextLine(file, line, lineNo, builder);
      }
      if (builder.read() < wanted) {
        throw new InvalidModelFileException(
            file,
            "truncated: the header declares "
                + declared
                + " words but the file ends after "
                + builder.read());
      }
      return builder.build();
    }
  }

  private static void parseTextLine(Path file, String line, int lineNo, Builder builder)
      throws InvalidModelFileException {
    int len = line.length();
    int pos = skipBlanks(line, 0);
    if (pos == len) {
      return;
    }
    int wordEnd = nextBlank(line, pos);
    String word = line.substring(pos, wordEnd);
    float[] row = builder.rowBuffer();
    int dim = row.length;
    int count = 0;
    pos = skipBlanks(line, wordEnd);
    while (pos < len) {
      int end = nextBlank(line, pos);
      if (count == dim) {
        throw new InvalidModelFileException(
            file,
            "line "
                + lineNo
                + " (word '"
                + word
                + "'): more than the "
                + dim
                + " values the header declares");
      }
      String token = line.substring(pos, end);
      try {
        row[count++] = Float.parseFloat(token);
      } catch (NumberFormatException e) {
        String lower = token.toLowerCase(java.util.Locale.ROOT);
        String problem =
            lower.contains("nan") || lower.contains("inf")
                ? "non-finite value '" + token + "'"
                : "'" + token + "' is not a number";
        throw new InvalidModelFileException(
            file, "line " + lineNo + " (word '" + word + "'): " + problem);
      }
      pos = skipBlanks(line, end);
    }
    if (count != dim) {
      throw new InvalidModelFileException(
          file,
          "line " + lineNo + " (word '" + word + "'): expected " + dim + " values, found " + count);
    }
    builder.add(word, "line", lineNo);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  private static int skipBlanks(String s, int pos) {
    while (pos < s.length() && isBlank(s.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  private static int nextBlank(String s, int pos) {
    while (pos < s.length() && !isBlank(s.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  /** Reads a binary file; see {@link #readBinary(Path, int)}. */
  public static WordVectors readBinary(Path file) throws IOException {
    return readBinary(file, 0);
  }

  /**
   * Reads a binary file. Vectors are copied with bulk float reads from a direct buffer.
   *
   * @param limit read only the first N words; 0 = all
   * @throws InvalidModelFileException naming the file and what is wrong: a malformed header, a file
   *     shorter than the header declares, an implausibly long word, a non-finite value
   */
  public static WordVectors readBinary(Path file, int limit) throws IOException {
    checkLimit(limit);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ChannelReader in = new ChannelReader(channel);
      byte[] headerBytes = in.readUntil((byte) '\n', 256);
      if (headerBytes == null) {
        throw new InvalidModelFileException(
            file, "no header line '<count> <dimension>' within the first 256 bytes");
      }
      int[] shape = parseHeader(file, new String(headerBytes, StandardCharsets.US_ASCII));
      int declared = shape[0];
      int dim = shape[1];
      int wanted = limit == 0 ? declared : Math.min(declared, limit);
      Builder builder = new Builder(file, wanted, dim);
      int rowBytes = dim * Float.BYTES;
      while (builder.read() < wanted) {
        in.skipNewlines();
        byte[] wordBytes = in.readUntil((byte) ' ', MAX_WORD_BYTES);
        if (wordBytes == null) {
          if (in.atEnd()) {
            throw truncated(file, declared, builder.read(), in.position());
          }
          throw new InvalidModelFileException(
              file,
              "word "
                  + (builder.read() + 1)
                  + " at byte "
                  + in.position()
                  + " is longer than "
                  + MAX_WORD_BYTES
                  + " bytes: the file is corrupt or not a word2vec binary file");
        }
        if (!in.readFloats(builder.rowBuffer(), rowBytes)) {
          throw truncated(file, declared, builder.read(), in.position());
        }
        builder.add(decode(wordBytes), "byte", in.position());
      }
      return builder.build();
    }
  }

  private static InvalidModelFileException truncated(
      Path file, int declared, int read, long position) {
    return new InvalidModelFileException(
        file,
        "truncated: the header declares "
            + declared
            + " words but the file ends after "
            + read
            + " (at byte "
            + position
            + ")");
  }

  private static String decode(byte[] bytes) {
    // new String replaces malformed sequences with U+FFFD instead of throwing.
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static int[] parseHeader(Path file, String header) throws InvalidModelFileException {
    if (header == null) {
      throw new InvalidModelFileException(file, "empty file: no '<count> <dimension>' header");
    }
    String[] parts = header.trim().split("[ \t]+");
    if (parts.length != 2) {
      throw new InvalidModelFileException(
          file, "the first line must be '<count> <dimension>', was '" + abbreviate(header) + "'");
    }
    try {
      int count = Integer.parseInt(parts[0]);
      int dim = Integer.parseInt(parts[1]);
      if (count < 0 || dim <= 0) {
        throw new InvalidModelFileException(
            file, "bad header: count " + count + " must be >= 0 and dimension " + dim + " > 0");
      }
      if ((long) count * dim > Integer.MAX_VALUE - 8) {
        throw new InvalidModelFileException(
            file,
            "header declares "
                + count
                + " x "
                + dim
                + " floats, more than one array can hold; load fewer words with a limit");
      }
      return new int[] {count, dim};
    } catch (NumberFormatException e) {
      throw new InvalidModelFileException(
          file, "the first line must be '<count> <dimension>', was '" + abbreviate(header) + "'");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
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
    float[] data = vectors.rawVectors();
    Vocabulary vocab = vectors.vocabulary();
    AtomicFiles.write(
        file,
        out -> {
          StringBuilder sb = new StringBuilder(dim * 16);
          out.write(header(vectors));
          for (int id = 0; id < vocab.size(); id++) {
            sb.setLength(0);
            sb.append(vocab.word(id));
            int off = id * dim;
            for (int j = 0; j < dim; j++) {
              sb.append(' ').append(data[off + j]);
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
    float[] data = vectors.rawVectors();
    Vocabulary vocab = vectors.vocabulary();
    AtomicFiles.write(
        file,
        out -> {
          out.write(header(vectors));
          ByteBuffer row = ByteBuffer.allocate(dim * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
          for (int id = 0; id < vocab.size(); id++) {
            out.write(vocab.word(id).getBytes(StandardCharsets.UTF_8));
            out.write(' ');
            row.clear();
            row.asFloatBuffer().put(data, id * dim, dim);
            out.write(row.array(), 0, row.capacity());
            out.write('\n');
          }
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

  /** Collects rows, skipping duplicate words, and builds the vectors at the end. */
  private static final class Builder {
    private final Path file;
    private final int dim;
    private final String[] words;
    private final float[] data;
    private final float[] row;
    private final ObjectOpenHashSet<String> seen;
    private int size;
    private int read;

    Builder(Path file, int capacity, int dim) {
      this.file = file;
      this.dim = dim;
      this.words = new String[capacity];
      this.data = new float[Math.multiplyExact(capacity, dim)];
      this.row = new float[dim];
      this.seen = new ObjectOpenHashSet<>(capacity);
    }

    float[] rowBuffer() {
      return row;
    }

    int size() {
      return size;
    }

    /** Records read from the file, duplicates included. */
    int read() {
      return read;
    }

    /**
     * Adds the word read last with the vector in {@link #rowBuffer}; {@code unit} and {@code at}
     * ("line" 12, "byte" 4096) say where it was read, for an error message (built only then).
     */
    void add(String word, String unit, long at) throws InvalidModelFileException {
      read++;
      for (int j = 0; j < dim; j++) {
        if (!Float.isFinite(row[j])) {
          throw new InvalidModelFileException(
              file,
              "non-finite value "
                  + row[j]
                  + " at position "
                  + j
                  + " of the vector of word '"
                  + word
                  + "' (row "
                  + (read - 1)
                  + ", "
                  + unit
                  + " "
                  + at
                  + ")");
        }
      }
      if (word.isEmpty()) {
        throw new InvalidModelFileException(file, "empty word at row " + (read - 1));
      }
      if (!seen.add(word)) {
        // gensim keeps the first vector of a repeated word; so do we.
        return;
      }
      words[size] = word;
      System.arraycopy(row, 0, data, size * dim, dim);
      size++;
    }

    WordVectors build() {
      int n = size;
      long[] counts = new long[n];
      for (int i = 0; i < n; i++) {
        counts[i] = n - i;
      }
      String[] w = n == words.length ? words : Arrays.copyOf(words, n);
      float[] d = n == words.length ? data : Arrays.copyOf(data, n * dim);
      return new WordVectors(new Vocabulary(w, counts), dim, d);
    }
  }

  /** Sequential reads from a channel through a 1 MB little-endian buffer. */
  private static final class ChannelReader {
    private final FileChannel channel;
    private final ByteBuffer buffer =
        ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private long consumed;
    private boolean eof;

    ChannelReader(FileChannel channel) {
      this.channel = channel;
      buffer.limit(0);
    }

    long position() {
      return consumed + buffer.position();
    }

    boolean atEnd() throws IOException {
      return !ensure(1);
    }

    /** Makes at least {@code n} bytes available; false if the file ends first. */
    private boolean ensure(int n) throws IOException {
      if (buffer.remaining() >= n) {
        return true;
      }
      if (n > buffer.capacity()) {
        throw new EOFException("read of " + n + " bytes exceeds the buffer");
      }
      consumed += buffer.position();
      buffer.compact();
      while (!eof && buffer.position() < n) {
        if (channel.read(buffer) < 0) {
          eof = true;
        }
      }
      buffer.flip();
      return buffer.remaining() >= n;
    }

    void skipNewlines() throws IOException {
      while (ensure(1)) {
        byte b = buffer.get(buffer.position());
        if (b != '\n' && b != '\r') {
          return;
        }
        buffer.position(buffer.position() + 1);
      }
    }

    /**
     * Bytes up to (not including) {@code delimiter}, which is consumed; null if the file ends or
     * {@code max} bytes pass without it.
     */
    byte[] readUntil(byte delimiter, int max) throws IOException {
      int scanned = 0;
      while (true) {
        int start = buffer.position();
        int limit = buffer.limit();
        for (int i = start + scanned; i < limit; i++) {
          if (buffer.get(i) == delimiter) {
            byte[] out = new byte[i - start];
            buffer.get(out);
            buffer.get();
            return out;
          }
          if (i - start >= max) {
            return null;
          }
        }
        scanned = limit - start;
        if (!ensure(scanned + 1)) {
          return null;
        }
      }
    }

    /** Fills {@code row} from {@code bytes} little-endian bytes; false if the file ends first. */
    boolean readFloats(float[] row, int bytes) throws IOException {
      if (bytes > buffer.capacity()) {
        for (int j = 0; j < row.length; j++) {
          if (!ensure(Float.BYTES)) {
            return false;
          }
          row[j] = buffer.getFloat();
        }
        return true;
      }
      if (!ensure(bytes)) {
        return false;
      }
      buffer.asFloatBuffer().get(row, 0, row.length);
      buffer.position(buffer.position() + bytes);
      return true;
    }
  }
}
