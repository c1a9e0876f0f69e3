package io.wordvec.models;

import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Knows which files in the models directory are models, what each is called, and how to read it.
 * The model name is the file name without its extension.
 */
@Component
public class ModelFiles {

  /** The format a file extension stands for, or empty when the file is not a model. */
  public Optional<String> formatOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.startsWith(".")) {
      return Optional.empty();
    }
    if (name.endsWith(".txt")) {
      return Optional.of("word2vec-text");
    }
    if (name.endsWith(".vec")) {
      return Optional.of("fasttext-vec");
    }
    return Optional.empty();
  }

  /** The model name of a model file: its name without the extension. */
  public String nameOf(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * Reads one model file.
   *
   * @throws IOException when the file cannot be read or is not a valid model, with a message that
   *     names the file and the problem
   */
  public LoadedModel read(Path file) throws IOException {
    String format =
        formatOf(file)
            .orElseThrow(() -> new IOException(file.getFileName() + ": not a model file"));
    return LoadedModel.of(readText(file), format, file.getFileName().toString());
  }

  private static WordVectors readText(Path file) throws IOException {
    String fileName = file.getFileName().toString();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new IOException(fileName + ": empty file");
      }
      String[] parts = header.trim().split("\\s+");
      if (parts.length != 2) {
        throw new IOException(fileName + ": header must be '<count> <dimension>', was: " + header);
      }
      int count;
      int dim;
      try {
        count = Integer.parseInt(parts[0]);
        dim = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IOException(fileName + ": header must be '<count> <dimension>', was: " + header);
      }
      if (count < 0 || dim <= 0) {
        throw new IOException(fileName + ": bad header: " + header);
      }
      String[] words = new String[count];
      float[] vectors = new float[Math.multiplyExact(count, dim)];
      for (int row = 0; row < count; row++) {
        String line = in.readLine();
        if (line == null) {
          throw new IOException(
              fileName + ": truncated, expected " + count + " vectors, found " + row);
        }
        String[] fields = line.trim().split(" ");
        if (fields.length != dim + 1) {
          throw new IOException(
              fileName
                  + ": line "
                  + (row + 2)
                  + " has "
                  + (fields.length - 1)
                  + " values, expected "
                  + dim);
        }
        words[row] = fields[0];
        for (int d = 0; d < dim; d++) {
          try {
            vectors[row * dim + d] = Float.parseFloat(fields[d + 1]);
          } catch (NumberFormatException e) {
            throw new IOException(
                fileName + ": line " + (row + 2) + ": not a number: " + fields[d + 1]);
          }
        }
      }
      try {
        return new WordVectors(new Vocabulary(words, new long[count]), dim, vectors);
      } catch (IllegalArgumentException e) {
        throw new IOException(fileName + ": " + e.getMessage(), e);
      }
    }
  }
}
