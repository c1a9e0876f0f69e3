package io.wordvec.spark;

import io.wordvec.train.TrainingEngine;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a JVM running Spark needs: the module flags Spark's own launcher adds, and our jars. */
final class SparkJvm {

  /**
   * The flags of Spark's launcher ({@code org.apache.spark.launcher.JavaModuleOptions}, Spark 4.2),
   * for JVMs we start ourselves (executors of a cluster, a job's driver). {@code java -jar
   * wordvec-spark.jar} gets the opens from the jar's manifest instead.
   */
  static final List<String> FLAGS =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-modules=jdk.incubator.vector",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "--enable-native-access=ALL-UNNAMED",
          "-Dio.netty.tryReflectionSetAccessible=true",
          "-Dio.netty.allocator.type=pooled");

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
