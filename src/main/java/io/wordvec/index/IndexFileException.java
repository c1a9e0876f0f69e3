package io.wordvec.index;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An index file that cannot serve the model beside it: not an index, truncated, of another version,
 * or built for other vectors (the model was replaced since). The message names the file by its name
 * only, never its directory, so it can be shown to API clients.
 */
public final class IndexFileException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String fileName;
  private final String problem;

  IndexFileException(Path file, String problem) {
    super(file.getFileName() + ": " + problem);
    this.fileName = String.valueOf(file.getFileName());
    this.problem = problem;
  }

  /** The file's name, without its directory. */
  public String fileName() {
    return fileName;
  }

  /** What is wrong with it, without the file name. */
  public String problem() {
    return problem;
  }
}
