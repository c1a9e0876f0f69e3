package io.wordvec.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a word2vec file (text or binary, plain or gzip-compressed) one record at a time: the header
 * {@code "<count> <dimension>"} is read first, then {@link #next} parses one word and its vector
 * into {@link #word()} and {@link #row()}, with the checks and the error messages (naming the file,
 * and where it is) of {@link Word2VecFormat}. Nothing is allocated from the header's count: callers
 * decide how far to trust it ({@link #rowCap()}). A text line is read up to a bound set by the
 * dimension ({@link #maxLineChars}), so a file without line breaks (or a compressed one that
 * inflates to one) cannot make the reader buffer it whole.
 *
 * <p>Messages say where a problem is (line, row, byte) and what kind it is, and never quote the
 * file's content: a file that is not a model (a note, a key) may sit in a models directory, and its
 * text must not reach a health page.
 *
 * <p>Not thread-safe.
 *
 * <p>Why this class is long: the text and binary forms of the word2vec format share their bounds
 * (header never trusted, rows grown as they arrive, word length and line length capped) and their
 * error messages, so both readers stay in this one class.
 */
final class Word2VecReader implements AutoCloseable {

  /** The longest header line read. */
  private static final int HEADER_CHARS = 256;

  /** The most characters a text value may take: a float's shortest form plus plenty of slack. */
  private static final int MAX_VALUE_CHARS = 64;

  /** The first two bytes of a gzip stream. */
  private static final int GZIP_MAGIC = 0x8b1f;

  private final Path file;
  private final boolean binary;
  private final boolean compressed;
  private final long fileSize;
  private final int declared;
  private final int dim;
  private final int headerBytes;
  private final float[] row;
  private final BoundedLines text;
  private final ChannelReader bytes;
  private String word;
  private int records;
  private long lineNo = 1;

  private Word2VecReader(Path file, boolean binary) throws IOException {
    this.file = file;
    this.binary = binary;
    this.fileSize = Files.size(file);
    this.compressed = isGzip(file);
    InputStream in = null;
    FileChannel channel = null;
    try {
      if (compressed) {
        in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
      } else if (!binary) {
        in = Files.newInputStream(file);
      } else {
        channel = FileChannel.open(file, StandardOpenOption.READ);
      }
      if (binary) {
        ReadableByteChannel source = channel != null ? channel : Channels.newChannel(in);
        this.bytes = new ChannelReader(source);
        this.text = null;
        byte[] headerLine = bytes.readUntil((byte) '\n', 256);
        if (headerLine == null) {
          throw new InvalidModelFileException(
              file, "no header line '<count> <dimension>' within the first 256 bytes");
        }
        this.headerBytes = headerLine.length + 1;
        int[] shape = parseHeader(file, new String(headerLine, StandardCharsets.US_ASCII));
        this.declared = shape[0];
        this.dim = shape[1];
      } else {
        this.bytes = null;
        this.text =
            new BoundedLines(
                new InputStreamReader(
                    new BufferedInputStream(in, 1 << 16),
                    StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)));
        String header = text.readLine(HEADER_CHARS);
        if (header == null && text.tooLong()) {
          throw new InvalidModelFileException(
              file,
              "no header line '<count> <dimension>' within the first "
                  + HEADER_CHARS
                  + " characters: not a word2vec text file");
        }
        this.headerBytes = header == null ? 0 : header.length() + 1;
        int[] shape = parseHeader(file, header);
        this.declared = shape[0];
        this.dim = shape[1];
      }
    } catch (IOException | RuntimeException e) {
      if (in != null) {
        in.close();
      }
      if (channel != null) {
        channel.close();
      }
      if (e instanceof EOFException || e instanceof ZipException) {
        throw new InvalidModelFileException(
            file, "truncated or corrupt compressed data (" + e.getMessage() + ")", e);
      }
      throw e;
    }
    this.row = new float[dim];
  }

  /**
   * Opens {@code file} and reads its header; gzip compression is recognised by the content.
   *
   * @param binary the binary format, else text
   * @throws InvalidModelFileException on a missing or malformed header
   */
  static Word2VecReader open(Path file, boolean binary) throws IOException {
    return new Word2VecReader(file, binary);
  }

  /** Whether {@code file} starts with the gzip magic number. */
  static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      int b0 = in.read();
      int b1 = in.read();
      return b0 >= 0 && b1 >= 0 && (b0 | (b1 << 8)) == GZIP_MAGIC;
    }
  }

  /** The number of words the header declares (a claim, not a fact). */
  int declared() {
    return declared;
  }

  int dimension() {
    return dim;
  }

  /** The file's size in bytes (compressed, for a compressed file). */
  long fileSize() {
    return fileSize;
  }

  /** Whether the file is gzip-compressed. */
  boolean compressed() {
    return compressed;
  }

  /**
   * The most records the file can hold, from its size: a binary record takes at least a one-byte
   * word, a space and the floats, so for a binary file this is within a few percent of the truth; a
   * text line takes at least a one-character word and a blank and a digit per value, a loose bound.
   * {@link Integer#MAX_VALUE} for a compressed file, whose size says little.
   */
  int rowCap() {
    if (compressed) {
      return Integer.MAX_VALUE;
    }
    long body = Math.max(0, fileSize - headerBytes);
    long perRecord = binary ? 2L + 4L * dim : 2L + 2L * dim;
    return (int) Math.min(Integer.MAX_VALUE, (body + (binary ? 0 : 1)) / perRecord);
  }

  /** Whether {@link #rowCap()} bounds the records tightly: a plain binary file. */
  boolean tightCap() {
    return binary && !compressed;
  }

  /** Records read so far, repeated words included. */
  int records() {
    return records;
  }

  /** The word of the last record read. */
  String word() {
    return word;
  }

  /** The vector of the last record read; overwritten by the next. */
  float[] row() {
    return row;
  }

  /**
   * Reads the next record.
   *
   * @return false at the end of the file (between records)
   * @throws InvalidModelFileException on a malformed record, a non-finite value, an empty or
   *     implausibly long word, or a file that ends inside a record
   */
  boolean next() throws IOException {
    try {
      return binary ? nextBinary() : nextText();
    } catch (EOFException | ZipException e) {
      // Compressed data that ends early or is damaged: name the file and where it broke off.
      throw new InvalidModelFileException(
          file,
          "truncated or corrupt compressed data after "
              + records
              + " of the "
              + declared
              + " words the header declares ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  /** The longest text line a record of this dimension can have. */
  long maxLineChars() {
    return Word2VecFormat.MAX_WORD_BYTES + (long) dim * MAX_VALUE_CHARS;
  }

  private boolean nextText() throws IOException {
    String line;
    int max = (int) Math.min(Integer.MAX_VALUE - 8, maxLineChars());
    while ((line = text.readLine(max)) != null) {
      lineNo++;
      if (parseTextLine(line)) {
        records++;
        checkFinite("line", lineNo);
        return true;
      }
    }
    if (text.tooLong()) {
      throw new InvalidModelFileException(
          file,
          "line "
              + (lineNo + 1)
              + " is longer than the "
              + max
              + " characters a word and "
              + dim
              + " values can take: not a word2vec text file");
    }
    return false;
  }

  /** Parses a line into {@link #word} and {@link #row}; false for a blank line. */
  private boolean parseTextLine(String line) throws InvalidModelFileException {
    int len = line.length();
    int pos = skipBlanks(line, 0);
    if (pos == len) {
      return false;
    }
    int wordEnd = nextBlank(line, pos);
    String w = line.substring(pos, wordEnd);
    int count = 0;
    pos = skipBlanks(line, wordEnd);
    while (pos < len) {
      int end = nextBlank(line, pos);
      if (count == dim) {
        throw new InvalidModelFileException(
            file, "line " + lineNo + ": more than the " + dim + " values the header declares");
      }
      String token = line.substring(pos, end);
      try {
        row[count++] = Float.parseFloat(token);
      } catch (NumberFormatException e) {
        // count was incremented before the parse failed: it is the value's 1-based position.
        String lower = token.toLowerCase(Locale.ROOT);
        String problem =
            lower.contains("nan") || lower.contains("inf")
                ? "value " + count + " is not finite"
                : "value " + count + " is not a number";
        throw new InvalidModelFileException(file, "line " + lineNo + ": " + problem);
      }
      pos = skipBlanks(line, end);
    }
    if (count != dim) {
      throw new InvalidModelFileException(
          file, "line " + lineNo + ": expected " + dim + " values, found " + count);
    }
    word = w;
    return true;
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

  private boolean nextBinary() throws IOException {
    bytes.skipNewlines();
    if (bytes.atEnd()) {
      return false;
    }
    byte[] wordBytes = bytes.readUntil((byte) ' ', Word2VecFormat.MAX_WORD_BYTES);
    if (wordBytes == null) {
      if (bytes.atEnd()) {
        throw truncated();
      }
      throw new InvalidModelFileException(
          file,
          "word "
              + (records + 1)
              + " at byte "
              + bytes.position()
              + " is longer than "
              + Word2VecFormat.MAX_WORD_BYTES
              + " bytes: the file is corrupt or not a word2vec binary file");
    }
    if (!bytes.readFloats(row, dim * Float.BYTES)) {
      throw truncated();
    }
    // new String replaces malformed sequences with U+FFFD instead of throwing: word2vec.c may cut
    // a word in the middle of a character.
    word = new String(wordBytes, StandardCharsets.UTF_8);
    records++;
    checkFinite("byte", bytes.position());
    return true;
  }

  /** The error for a file that ends inside a record, or before the records it must hold. */
  InvalidModelFileException truncated() {
    return new InvalidModelFileException(
        file,
        "truncated: the header declares "
            + declared
            + " words but the file ends after "
            + records
            + (binary ? " (at byte " + bytes.position() + ")" : ""));
  }

  private void checkFinite(String unit, long at) throws InvalidModelFileException {
    for (int j = 0; j < dim; j++) {
      if (!Float.isFinite(row[j])) {
        throw new InvalidModelFileException(
            file,
            "non-finite value "
                + row[j]
                + " at position "
                + j
                + " of the vector of row "
                + (records - 1)
                + " ("
                + unit
                + " "
                + at
                + ")");
      }
    }
    if (word.isEmpty()) {
      throw new InvalidModelFileException(file, "empty word at row " + (records - 1));
    }
  }

  static int[] parseHeader(Path file, String header) throws InvalidModelFileException {
    if (header == null) {
      throw new InvalidModelFileException(file, "empty file: no '<count> <dimension>' header");
    }
    String[] parts = header.trim().split("[ \t]+");
    if (parts.length != 2) {
      throw badHeader(file, header);
    }
    try {
      int count = Integer.parseInt(parts[0]);
      int dim = Integer.parseInt(parts[1]);
      if (count < 0 || dim <= 0) {
        throw new InvalidModelFileException(
            file, "bad header: count " + count + " must be >= 0 and dimension " + dim + " > 0");
      }
      if (dim > Word2VecFormat.MAX_DIMENSION) {
        throw new InvalidModelFileException(
            file,
            "bad header: dimension "
                + dim
                + " is more than the "
                + Word2VecFormat.MAX_DIMENSION
                + " this program reads");
      }
      return new int[] {count, dim};
    } catch (NumberFormatException e) {
      throw badHeader(file, header);
    }
  }

  /** The error for a first line that is not a header, saying what it holds by kind only. */
  private static InvalidModelFileException badHeader(Path file, String header) {
    boolean printable =
        header.codePoints().allMatch(c -> !Character.isISOControl(c) || c == '\t' || c == '\r');
    return new InvalidModelFileException(
        file,
        "the first line must be '<count> <dimension>'; it holds "
            + header.length()
            + " characters of "
            + (printable ? "other text" : "binary data")
            + ": not a word2vec file");
  }

  @Override
  public void close() throws IOException {
    if (text != null) {
      text.close();
    }
    if (bytes != null) {
      bytes.close();
    }
  }

  /**
   * Lines of a character stream, each read up to a bound: a longer line is not buffered whole but
   * reported ({@link #tooLong}). A line ends at {@code '\n'}; a {@code '\r'} before it stays (the
   * parser treats it as a blank).
   */
  private static final class BoundedLines {
    private final java.io.Reader in;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder line = new StringBuilder();
    private int pos;
    private int limit;
    private boolean tooLong;

    BoundedLines(java.io.Reader in) {
      this.in = in;
    }

    /** Whether the last {@link #readLine} stopped at a line longer than its bound. */
    boolean tooLong() {
      return tooLong;
    }

    /**
     * The next line without its terminator; null at the end of the stream, or (with {@link
     * #tooLong}) when the line has more than {@code max} characters.
     */
    String readLine(int max) throws IOException {
      line.setLength(0);
      while (true) {
        if (pos == limit) {
          limit = in.read(buffer, 0, buffer.length);
          pos = 0;
          if (limit <= 0) {
            limit = 0;
            return line.length() > 0 ? line.toString() : null;
          }
        }
        int start = pos;
        while (pos < limit && buffer[pos] != '\n') {
          pos++;
        }
        if (line.length() + (pos - start) > max) {
          tooLong = true;
          return null;
        }
        line.append(buffer, start, pos - start);
        if (pos < limit) {
          pos++;
          return line.toString();
        }
      }
    }

    void close() throws IOException {
      in.close();
    }
  }

  /** Sequential reads from a channel through a 1 MB little-endian buffer. */
  private static final class ChannelReader {
    private final ReadableByteChannel channel;
    private final ByteBuffer buffer =
        ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private long consumed;
    private boolean eof;

    ChannelReader(ReadableByteChannel channel) {
      this.channel = channel;
      buffer.limit(0);
    }

    long position() {
      return consumed + buffer.position();
    }

    boolean atEnd() throws IOException {
      return !ensure(1);
    }

    void close() throws IOException {
      channel.close();
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
