package io.wordvec.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the small JSON records of corpora and jobs, atomically. */
final class JobsJson {

  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private JobsJson() {}

  /** Writes {@code value} to a temporary file beside {@code target}, then renames it over it. */
  static void writeAtomically(Path target, Object value) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      Files.write(tmp, MAPPER.writeValueAsBytes(value));
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static <T> T read(Path file, Class<T> type) throws IOException {
    return MAPPER.readValue(Files.readAllBytes(file), type);
  }
}
