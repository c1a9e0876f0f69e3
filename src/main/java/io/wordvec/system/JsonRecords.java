package io.wordvec.system;

import io.wordvec.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes small JSON records (uploaded corpora, jobs), atomically: a reader sees the old
 * record or the new one, never a part.
 */
public final class JsonRecords {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private JsonRecords() {}

  /**
   * Writes {@code value} to a hidden temporary file beside {@code target} ({@code
   * .<name>.<random>.tmp}, so that concurrent writers never share one), forces it to disk and
   * renames it over the target, then forces the directory ({@link AtomicFiles}): after a crash the
   * record is the old one or the new one, and a record that was written stays written.
   *
   * @throws IOException if it cannot be written (a full disk included); the old record is then
   *     untouched
   */
  public static void writeAtomically(Path target, Object value) throws IOException {
    byte[] json = MAPPER.writeValueAsBytes(value);
    AtomicFiles.write(target, out -> out.write(json));
  }

  public static <T> T read(Path file, Class<T> type) throws IOException {
    return MAPPER.readValue(Files.readAllBytes(file), type);
  }
}
