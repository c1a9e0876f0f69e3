package io.wordvec.io;

import io.wordvec.train.TrainedModel;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loads and saves models in any supported {@link VectorFormat}, picking the format from the file
 * extension or, failing that, from the file's first bytes. The entry point for everything that
 * reads models from disk (the service's model registry, the command line).
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
    return load(file, 0, false);
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
   * .vec}), else by content: the native magic number, or a word2vec header followed by a line of
   * exactly {@code dim} numbers (text) or anything else (binary).
   *
   * @throws InvalidModelFileException if the content matches no format
   */
  public static VectorFormat detect(Path file) throws IOException {
    var byExtension = VectorFormat.fromExtension(file);
    if (byExtension.isPresent()) {
      return byExtension.get();
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF_BYTES);
    }
    if (NativeFormat.hasMagic(head)) {
      return VectorFormat.NATIVE;
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
