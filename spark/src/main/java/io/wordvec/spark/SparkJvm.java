package io.wordvec.spark;

import io.wordvec.cli.SparkJvmFlags;
import io.wordvec.train.TrainingEngine;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What a JVM running Spark needs: the module flags Spark's own launcher adds, and our jars. */
final class SparkJvm {

  /**
   * {@link SparkJvmFlags} and Netty's pooled allocator, for JVMs we start ourselves (executors of a
   * cluster, a job's driver). {@code java -jar wordvec-spark.jar} gets the opens from the jar's
   * manifest instead.
   */
  static final List<String> FLAGS =
      Stream.concat(SparkJvmFlags.FLAGS.stream(), Stream.of("-Dio.netty.allocator.type=pooled"))
          .toList();

  private SparkJvm() {}

  /**
   * The jars executors need besides Spark's: this artifact, wordvec's engine, fastutil and picocli,
   * wherever this JVM loaded them from. Classes loaded from directories (a test run) are left out.
   */
  static List<String> applicationJars() {
    Set<String> jars = new LinkedHashSet<>();
    for (Class<?> type :
        List.of(
            SparkJvm.class,
            TrainingEngine.class,
            it.unimi.dsi.fastutil.ints.IntArrayList.class,
            picocli.CommandLine.class)) {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        continue;
      }
      try {
        Path path = Path.of(source.getLocation().toURI());
        if (Files.isRegularFile(path)) {
          jars.add(path.toUri().toString());
        }
      } catch (URISyntaxException | IllegalArgumentException e) {
        // not a file location: the cluster must have the class already
      }
    }
    return new ArrayList<>(jars);
  }
}
