package io.wordvec.system;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * 507 Insufficient Storage: the service cannot store what the request needs (a full disk, a quota).
 * The request was fine and may succeed once space is freed, so it is neither a 400 nor a 500. The
 * detail names no path.
 */
public class InsufficientStorageException extends ApiException {

  public InsufficientStorageException(String detail) {
    super(HttpStatus.INSUFFICIENT_STORAGE, "insufficient-storage", "Insufficient storage", detail);
  }

  /** What a caller is told when {@code what} could not be written for lack of space. */
  public static InsufficientStorageException cannotStore(String what) {
    return new InsufficientStorageException(
        "not enough free space to store "
            + what
            + "; free some disk space in the service's data directory and try again");
  }

  /**
   * Whether {@code e} (or one of its causes) says that a device or quota is full: {@code ENOSPC} or
   * {@code EDQUOT} as the JDK reports them.
   */
  public static boolean isOutOfSpace(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException) {
        String reason = t instanceof FileSystemException fs ? fs.getReason() : null;
        String message = reason != null ? reason : t.getMessage();
        if (message != null) {
          String m = message.toLowerCase(Locale.ROOT);
          if (m.contains("no space left on device") || m.contains("disk quota exceeded")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The reason an I/O error gives, without the path a {@link FileSystemException} puts in its
   * message.
   */
  public static String reasonOf(IOException e) {
    if (e instanceof FileSystemException fs) {
      return fs.getReason() != null ? fs.getReason() : "cannot write " + fileName(fs.getFile());
    }
    return e.getMessage() == null ? "I/O error" : e.getMessage();
  }

  private static String fileName(String file) {
    if (file == null) {
      return "a file";
    }
    int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
    return file.substring(slash + 1);
  }
}
