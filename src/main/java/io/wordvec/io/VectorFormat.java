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
  /**
   * fastText's binary model ({@code .bin}, told from a word2vec binary file by its magic number):
   * word vectors and character n-gram rows, read only ({@link FastTextBinary}).
   */
  FASTTEXT_BIN("bin"),
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
      if (format != FASTTEXT_BIN && format.extension.equalsIgnoreCase(name)
          || format.name().equalsIgnoreCase(name)) {
        return format;
      }
    }
    throw new IllegalArgumentException("unknown format '" + name + "': use wvm, bin, txt or vec");
  }

  /**
   * The format a file name's extension stands for, if it is one of ours. A word2vec or fastText
   * name may end in {@code .gz} ({@code vectors.bin.gz}): the file is then read through gzip. A
   * native model is never compressed (it is served from a memory mapping).
   */
  public static Optional<VectorFormat> fromExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean compressed = name.endsWith(GZIP_SUFFIX);
    if (compressed) {
      name = name.substring(0, name.length() - GZIP_SUFFIX.length());
    }
    for (VectorFormat format : values()) {
      // .bin is word2vec's binary by name; ModelFiles.detect tells fastText's by its content
      if (format != FASTTEXT_BIN && name.endsWith("." + format.extension)) {
        return compressed && format == NATIVE ? Optional.empty() : Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** The suffix of a gzip-compressed word2vec or fastText file's name. */
  public static final String GZIP_SUFFIX = ".gz";

  /** Whether {@code file}'s name ends in {@code .gz}. */
  public static boolean isCompressed(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(GZIP_SUFFIX);
  }

  /**
   * The name of a model file without its format's extension (and {@code .gz}): {@code news} for
   * {@code news.bin.gz}, {@code news.wvm} or {@code news}.
   */
  public static String baseName(Path file) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    int end = name.length();
    if (lower.endsWith(GZIP_SUFFIX)) {
      end -= GZIP_SUFFIX.length();
    }
    int dot = name.lastIndexOf('.', end - 1);
    return dot > 0 ? name.substring(0, dot) : name.substring(0, end);
  }
}
