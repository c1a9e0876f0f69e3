package io.wordvec.models;

import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.io.VectorFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which files of the models directory are models, what each is called, and how to read one. A model
 * file has one of the known extensions ({@code .wvm}, {@code .bin}, {@code .txt}, {@code .vec});
 * its model name is the file name without the extension. Hidden files are ignored.
 */
@Component
public class ModelLoader {

  /** The format a file's extension stands for, or empty when the file is not a model file. */
  public Optional<VectorFormat> formatOf(Path file) {
    String name = file.getFileName().toString();
    if (name.startsWith(".")) {
      return Optional.empty();
    }
    return VectorFormat.fromExtension(file);
  }

  /** The model name of a model file: its name without the extension. */
  public String nameOf(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * Reads one model file for serving: a trained model's output matrix, which only fine-tuning
   * needs, stays in the file ({@link ModelFiles#loadForServing}).
   *
   * @throws IOException when the file cannot be read or is not a valid model, with a message that
   *     names the file and the problem
   */
  public LoadedModel read(Path file) throws IOException {
    return ModelFiles.loadForServing(file);
  }

  /** The API's name of a format: {@code word2vec-text}, {@code fasttext-vec}, {@code native}... */
  public static String formatName(VectorFormat format) {
    return format.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
