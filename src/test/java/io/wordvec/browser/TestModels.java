package io.wordvec.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A fresh models directory for a test application, filled with models from test resources. */
public final class TestModels {

  private TestModels() {}

  /**
   * Copies {@code /explore/NAME} from the test classpath into a new directory under {@code target/}
   * (a build output, so nothing outside the project is touched and {@code mvn clean} removes it).
   */
  public static Path directoryWith(String... names) {
    try {
      Path root = Path.of("target", "test-models");
      Files.createDirectories(root);
      Path dir = Files.createTempDirectory(root, "models-");
      for (String name : names) {
        try (InputStream in = TestModels.class.getResourceAsStream("/explore/" + name)) {
          if (in == null) {
            throw new IllegalArgumentException("no test model /explore/" + name);
          }
          Files.copy(in, dir.resolve(name));
        }
      }
      return dir.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Points the application under test at a fresh models directory with these models ({@link
   * #directoryWith}) and at a data directory beside it.
   */
  public static void register(DynamicPropertyRegistry registry, String... names) {
    Path models = directoryWith(names);
    registry.add("wordvec.models.dir", models::toString);
    registry.add("wordvec.data.dir", () -> models.resolveSibling(models.getFileName() + "-data"));
  }
}
