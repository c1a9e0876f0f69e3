package io.wordvec.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats wordvec reads and writes, with the file extension that selects each. */
public enum VectorFormat {
  /** word2vec.c / gensim text: {@code "<count> <dim>"}, then {@code word v1 ... vD} lines. */
  WORD2VEC_TEXT("txt"),
  /** word2vec.c / gensim binary: the same header, then word, space, D little-endian float32s. */
  WORD2VEC_BINARY("bin"),
  /** fastText's {@code .vec}: the word2vec text format. */
  FASTTEXT_VEC("vec"),
  /** wordvec's native model file: see {@link NativeFormat}. */
  NATIVE(NativeFormat.EXTENSION);

  private final String extension;

  VectorFormat(String extension) {
    this.extension = extension;
  }

  /** The file extension, without the dot. */
  public String extension() {
    return extension;
  }

  /**
   * The format named by {@code name}: its extension ({@code wvm}, {@code bin}, {@code txt}, {@code
   * vec}) or its constant name, in any case.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static VectorFormat fromName(String name) {
    for (VectorFormat format : values()) {
      if (format.extension.equalsIgnoreCase(name) || format.name().equalsIgnoreCase(name)) {
        return format;
      }
    }
    throw new IllegalArgumentException("unknown format '" + name + "': use wvm, bin, txt or vec");
  }

  /** The format a file name's extension stands for, if it is one of ours. */
  public static Optional<VectorFormat> fromExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (VectorFormat format : values()) {
      if (name.endsWith("." + format.extension)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
