package io.wordvec.cli;

import io.wordvec.vectors.VectorMath;
import java.util.List;

/**
 * The JVM flags a JVM that runs wordvec's Spark code needs: the module opens of Spark's own
 * launcher ({@code org.apache.spark.launcher.JavaModuleOptions}, Spark 4.2) and the vector module
 * of wordvec's kernels. One list for the two places that start such JVMs, the service (a job's
 * driver) and the Spark driver (its executors on a cluster); {@code java -jar wordvec-spark.jar}
 * gets the same opens from the jar's manifest. Spark-free, so that the service can use it without
 * Spark.
 */
public final class SparkJvmFlags {

  /** The flags, in the order a command line takes them. */
  public static final List<String> FLAGS =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-modules=" + VectorMath.SIMD_MODULE,
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
          "-Dio.netty.tryReflectionSetAccessible=true");

  private SparkJvmFlags() {}
}
