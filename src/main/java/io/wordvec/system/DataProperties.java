package io.wordvec.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where uploaded corpora and job records live ({@code wordvec.data.dir}): {@code corpora/} and
 * {@code jobs/} below it.
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
}
