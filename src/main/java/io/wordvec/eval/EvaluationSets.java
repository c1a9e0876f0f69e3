package io.wordvec.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The evaluation sets bundled on the classpath ({@code eval/questions-words.txt}, the Google
 * analogy questions; {@code eval/wordsim353.txt}, WordSim-353) and a way to open any file alike.
 */
public final class EvaluationSets {

  /** Classpath name of the Google analogy question set. */
  public static final String GOOGLE_ANALOGIES = "questions-words.txt";

  /** Classpath name of WordSim-353. */
  public static final String WORDSIM353 = "wordsim353.txt";

  private EvaluationSets() {}

  /** Opens a bundled set by its name ({@link #GOOGLE_ANALOGIES}, {@link #WORDSIM353}). */
  public static BufferedReader bundled(String name) {
    InputStream in = EvaluationSets.class.getResourceAsStream("/eval/" + name);
    if (in == null) {
      throw new IllegalArgumentException("no bundled evaluation set named " + name);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** Opens an evaluation file as UTF-8. */
  public static BufferedReader open(Path file) {
    try {
      return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
