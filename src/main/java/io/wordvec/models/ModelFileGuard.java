package io.wordvec.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which files of the models directory may be read as models or as their index files: a symbolic
 * link (or a link on the way) that leads out of the directory is refused, so that a link planted in
 * it cannot make the service read, and report on, any file the process can open. Links within the
 * directory are followed.
 */
final class ModelFileGuard {

  /** Why a refused file is not read, as health and the models API show it. */
  static final String LEADS_OUT = "refused: a symbolic link that leads out of the models directory";

  private ModelFileGuard() {}

  /**
   * Why {@code file} (an entry of {@code dir}) must not be read, or empty when it may be.
   *
   * @throws IOException if the link or the directory cannot be resolved
   */
  static Optional<String> refusal(Path dir, Path file) throws IOException {
    Path root = dir.toRealPath();
    Path real = file.toRealPath();
    return real.startsWith(root) && !real.equals(root) ? Optional.empty() : Optional.of(LEADS_OUT);
  }
}
