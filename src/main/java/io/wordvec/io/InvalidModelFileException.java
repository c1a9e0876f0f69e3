package io.wordvec.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model or vector file that cannot be loaded: truncated, corrupt (bad checksum, bad header, a
 * non-finite value) or not of the expected format. The message names the file and what is wrong;
 * nothing of the file is kept.
 */
public final class InvalidModelFileException extends IOException {

  private final transient Path file;

  private final String problem;

  public InvalidModelFileException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
    this.problem = problem;
  }

  public InvalidModelFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
    this.problem = problem;
  }

  /** What is wrong with the file, without its name (for messages that name it otherwise). */
  public String problem() {
    return problem;
  }

  /** The rejected file. */
  public Path file() {
    return file;
  }
}
