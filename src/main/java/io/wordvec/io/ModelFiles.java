package io.wordvec.io;

import io.wordvec.train.TrainedModel;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Loads and saves models in any supported {@link VectorFormat}, picking the format from the file
 * extension or, failing that, from the file's first bytes (gzip-compressed word2vec files
 * included). The entry point for everything that reads models from disk (the service's model
 * registry, the command line).
 *
 * <p>Serving maps native files ({@link #loadForServing}); everything else is read into the heap,
 * refused up front when it cannot fit. {@link #convert} streams a word2vec file of any size into a
 * native file.
 */
public final class ModelFiles {

  /** How many bytes {@link #detect} looks at when the extension does not decide. */
  private static final int SNIFF_BYTES = 1 << 16;

  private ModelFiles() {}

  /** Loads every word of {@code file}; see {@link #load(Path, int)}. */
  public static LoadedModel load(Path file) throws IOException {
    return load(file, 0);
  }

  /**
   * Loads {@code file} in the format its extension or content says.
   *
   * @param limit load only the first N words (the most frequent, in files sorted by count); 0 = all
   * @throws InvalidModelFileException if the file is truncated, corrupt or of no known format
   * @throws NoSuchFileException if it does not exist
   */
  public static LoadedModel load(Path file, int limit) throws IOException {
    return load(file, limit, true);
  }

  private static LoadedModel load(Path file, int limit, boolean withOutput) throws IOException {
    VectorFormat format = detect(file);
    WordVectors vectors =
        switch (format) {
          case NATIVE -> null;
          case WORD2VEC_BINARY -> Word2VecFormat.readBinary(file, limit);
          case WORD2VEC_TEXT, FASTTEXT_VEC -> Word2VecFormat.readText(file, limit);
          case FASTTEXT_BIN -> FastTextBinary.read(file, limit);
        };
    if (vectors == null) {
      return NativeFormat.read(file, limit, withOutput);
    }
    return new LoadedModel(file, format, vectors, null);
  }

  /**
   * Loads {@code file} for serving: like {@link #load(Path)}, except that a full native model's
   * output matrix (as big as the vectors, and needed only to continue training) is verified but not
   * copied into the heap. The result's {@link LoadedModel#training()} still says how the model was
   * trained; its {@link LoadedModel#trained()} is empty: read the file with {@link #load(Path)} to
   * fine-tune it.
   *
   * @throws InvalidModelFileException if the file is truncated, corrupt or of no known format
   * @throws NoSuchFileException if it does not exist
   */
  public static LoadedModel loadForServing(Path file) throws IOException {
    return loadForServing(file, 0);
  }

  /**
   * Loads {@code file} for serving, as {@link #loadForServing(Path)} does: a native file of the
   * current version is served from a read-only memory mapping ({@link NativeFormat#map}), with its
   * tail checksum and a sample of rows verified; call {@link #verify} to check the whole file. A
   * word2vec file, or an older native file, is read into the heap (and verified whole).
   *
   * @param limit serve only the first N words; 0 = all
   * @throws InvalidModelFileException if the file is truncated, corrupt, of no known format, or too
   *     big for the heap
   * @throws NoSuchFileException if it does not exist
   */
  public static LoadedModel loadForServing(Path file, int limit) throws IOException {
    if (detect(file) == VectorFormat.NATIVE) {
      return NativeFormat.map(file, limit);
    }
    return load(file, limit, false);
  }

  /**
   * Verifies what {@link #loadForServing} left unverified: the checksum of the whole file of a
   * mapped model (a pass over the file, which can take seconds for a big model; a server runs it in
   * the background). Does nothing for a model that was read whole, which was verified then.
   *
   * @throws InvalidModelFileException naming the file, if it is corrupt
   */
  public static void verify(LoadedModel model) throws IOException {
    if (model.vectors().isMapped()) {
      NativeFormat.verify(model.file());
    }
  }

  /**
   * What {@link #convert} read.
   *
   * @param from the input's format
   * @param words words written
   * @param dimension their dimension
   */
  public record Conversion(VectorFormat from, int words, int dimension) {}

  /**
   * Rewrites {@code input} in {@code format}, atomically. A word2vec file (text or binary, plain or
   * gzip-compressed) or a fastText {@code .bin} converted to the native format is streamed: each
   * row is normalised and written as it is read, so that a file far bigger than the heap converts
   * (the heap holds its words and 8 bytes a row; a fastText model's n-gram rows are copied from a
   * mapping). A full native model stays a full model in the native format; to word2vec formats only
   * the word vectors go. Native files are read mapped, other conversions through the heap.
   *
   * @param limit keep only the first N words; 0 = all
   * @throws InvalidModelFileException if the input is truncated, corrupt or of no known format;
   *     {@code output} is then untouched
   */
  public static Conversion convert(Path input, Path output, VectorFormat format, int limit)
      throws IOException {
    VectorFormat from = detect(input);
    if (from == VectorFormat.FASTTEXT_BIN && format == VectorFormat.NATIVE) {
      return FastTextBinary.toNative(input, limit, output);
    }
    if (from != VectorFormat.NATIVE
        && from != VectorFormat.FASTTEXT_BIN
        && format == VectorFormat.NATIVE) {
      int words =
          Word2VecFormat.toNative(input, from == VectorFormat.WORD2VEC_BINARY, limit, output);
      try (Word2VecReader header =
          Word2VecReader.open(input, from == VectorFormat.WORD2VEC_BINARY)) {
        return new Conversion(from, words, header.dimension());
      }
    }
    LoadedModel model =
        from == VectorFormat.NATIVE && format == VectorFormat.NATIVE && isFullModel(input)
            ? load(input, limit)
            : loadForServing(input, limit);
    save(model, output, format);
    return new Conversion(from, model.vectors().size(), model.vectors().dimension());
  }

  private static boolean isFullModel(Path file) throws IOException {
    try (var channel = java.nio.channels.FileChannel.open(file)) {
      return NativeHeader.read(file, channel).full();
    }
  }

  /**
   * Saves {@code vectors} in {@code format}, atomically. In the native format this stores the
   * vectors only; {@link #save(TrainedModel, Path)} stores a whole trained model.
   */
  public static void save(WordVectors vectors, Path file, VectorFormat format) throws IOException {
    switch (format) {
      case NATIVE -> NativeFormat.write(vectors, file);
      case WORD2VEC_BINARY -> Word2VecFormat.writeBinary(vectors, file);
      case WORD2VEC_TEXT, FASTTEXT_VEC -> Word2VecFormat.writeText(vectors, file);
      case FASTTEXT_BIN ->
          throw new IllegalArgumentException(
              "wordvec reads fastText .bin models but does not write them: use .vec or .wvm");
    }
  }

  /** Saves a whole trained model in the native format, atomically. */
  public static void save(TrainedModel model, Path file) throws IOException {
    NativeFormat.write(model, file);
  }

  /**
   * As {@link #save(TrainedModel, Path)}, reusing the model's vectors the caller has already built
   * ({@code model.wordVectors()}) for the 8-bit rows the file stores.
   */
  public static void save(TrainedModel model, WordVectors vectors, Path file) throws IOException {
    NativeFormat.write(model, vectors, file);
  }

  /**
   * Saves what was loaded in {@code format}: the whole trained model when there is one and the
   * format is native, else the vectors.
   */
  public static void save(LoadedModel model, Path file, VectorFormat format) throws IOException {
    if (format == VectorFormat.NATIVE && model.trained().isPresent()) {
      save(model.trained().get(), file);
    } else {
      save(model.vectors(), file, format);
    }
  }

  /**
   * The format of {@code file}: by extension ({@code .wvm}, {@code .bin}, {@code .txt}, {@code
   * .vec}, the last three maybe followed by {@code .gz}), else by content (decompressed first when
   * it is gzip): the native magic number, or a word2vec header followed by a line of exactly {@code
   * dim} numbers (text) or anything else (binary).
   *
   * @throws InvalidModelFileException if the content matches no format
   */
  public static VectorFormat detect(Path file) throws IOException {
    var byExtension = VectorFormat.fromExtension(file);
    if (byExtension.isPresent()) {
      if (byExtension.get() == VectorFormat.WORD2VEC_BINARY
          && !VectorFormat.isCompressed(file)
          && Files.isRegularFile(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          if (FastTextBinary.hasMagic(in.readNBytes(4))) {
            return VectorFormat.FASTTEXT_BIN;
          }
        }
      }
      return byExtension.get();
    }
    byte[] head;
    try (InputStream in =
        Word2VecReader.isGzip(file)
            ? new GZIPInputStream(Files.newInputStream(file))
            : Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF_BYTES);
    }
    if (NativeFormat.hasMagic(head)) {
      return VectorFormat.NATIVE;
    }
    if (!Word2VecReader.isGzip(file) && FastTextBinary.hasMagic(head)) {
      return VectorFormat.FASTTEXT_BIN;
    }
    int headerEnd = indexOf(head, (byte) '\n', 0);
    if (headerEnd < 0) {
      throw new InvalidModelFileException(file, "not a model file: no header line");
    }
    String[] header = new String(head, 0, headerEnd, StandardCharsets.ISO_8859_1).trim().split(" ");
    int dim;
    try {
      if (header.length != 2) {
        throw new NumberFormatException();
      }
      Integer.parseInt(header[0]);
      dim = Integer.parseInt(header[1]);
    } catch (NumberFormatException e) {
      throw new InvalidModelFileException(
          file,
          "unknown format: neither a word2vec file (first line '<count> <dimension>') nor a"
              + " known extension (.wvm, .txt, .bin, .vec)");
    }
    int lineEnd = indexOf(head, (byte) '\n', headerEnd + 1);
    if (lineEnd < 0) {
      return VectorFormat.WORD2VEC_BINARY;
    }
    String line = new String(head, headerEnd + 1, lineEnd - headerEnd - 1, StandardCharsets.UTF_8);
    String[] tokens = line.trim().split("[ \t]+");
    if (tokens.length != dim + 1) {
      return VectorFormat.WORD2VEC_BINARY;
    }
    for (int i = 1; i < tokens.length; i++) {
      try {
        Float.parseFloat(tokens[i]);
      } catch (NumberFormatException e) {
        return VectorFormat.WORD2VEC_BINARY;
      }
    }
    return VectorFormat.WORD2VEC_TEXT;
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
