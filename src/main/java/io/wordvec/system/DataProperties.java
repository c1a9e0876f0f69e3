package io.wordvec.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where uploaded corpora, job records and saved alignments live ({@code wordvec.data.dir}): {@code
 * corpora/}, {@code jobs/} and {@code alignments/} below it.
 */
@ConfigurationProperties("wordvec.data")
public record DataProperties(@DefaultValue("data") Path dir) {

  /** Where uploaded corpora are stored. */
  public Path corpora() {
    return dir.resolve("corpora");
  }

  /** Where job records are kept. */
  public Path jobs() {
    return dir.resolve("jobs");
  }

  /** Where cross-model alignments are saved. */
  public Path alignments() {
    return dir.resolve("alignments");
  }
}
