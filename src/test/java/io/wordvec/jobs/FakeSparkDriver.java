package io.wordvec.jobs;

import io.wordvec.io.ModelFiles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Stands in for {@code wordvec-spark.jar}'s driver in the service's tests, which run before that
 * jar is built: {@code train} with the driver's options, its JSON progress lines on standard
 * output, a log line and a stray line besides. What it does is the first line of its corpus:
 *
 * <ul>
 *   <li>{@code succeed}: progress, one epoch line per epoch, a model of the corpus' words at {@code
 *       --output} (random vectors), exit 0;
 *   <li>{@code fail}: a failure line naming an absolute path, exit 1;
 *   <li>{@code no-model}: progress, exit 0 without a model;
 *   <li>{@code hang}: starts a child process, writes "its pid, the child's pid" to the file named
 *       by the corpus' second line, reports training progress, then waits until it is killed.
 * </ul>
 */
public final class FakeSparkDriver {

  private FakeSparkDriver() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("child")) {
      Thread.sleep(Long.MAX_VALUE);
      return;
    }
    Map<String, String> options = options(args);
    Path corpus = Path.of(options.get("--corpus"));
    Path output = Path.of(options.get("--output"));
    List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8);
    String mode = lines.get(0).trim();
    int epochs = Integer.parseInt(options.getOrDefault("--epochs", "1"));
    System.err.println("12:00:00 WARN SparkContext: a warning of Spark's");
    System.out.println("a line some library printed on standard output");
    System.out.println(
        "{\"event\":\"progress\",\"phase\":\"vocabulary\",\"epoch\":0,\"epochs\":"
            + epochs
            + ",\"wordsProcessed\":0,\"wordsExpected\":0,\"wordsPerSecond\":null,\"alpha\":0.025}");
    switch (mode) {
      case "succeed" -> {
        long words = 1000L * epochs;
        for (int epoch = 1; epoch <= epochs; epoch++) {
          progress(epoch, epochs, 1000L * epoch, words);
          System.out.println(
              "{\"event\":\"epoch\",\"epoch\":"
                  + epoch
                  + ",\"loss\":"
                  + (100.0 / epoch)
                  + ",\"examples\":50,\"meanLoss\":"
                  + (2.0 / epoch)
                  + "}");
          System.out.println(
              "{\"event\":\"sync\",\"epoch\":"
                  + epoch
                  + ",\"round\":1,\"rounds\":1,\"wallSeconds\":0.1,\"trainSeconds\":0.09,"
                  + "\"syncSeconds\":0.01,\"broadcastBytes\":100,\"resultBytes\":100}");
        }
        System.out.println(
            "{\"event\":\"summary\",\"syncs\":"
                + epochs
                + ",\"wallSeconds\":0.2,\"syncSeconds\":0.02,\"syncShare\":0.1,"
                + "\"broadcastBytesPerSync\":100,\"resultBytesPerSync\":100}");
        int dim = Integer.parseInt(options.getOrDefault("--dim", "8"));
        ModelFiles.save(TestModels.random(words(lines), dim, 1), output);
        System.err.println("trained ...; saved " + output);
        System.exit(0);
      }
      case "fail" -> {
        System.err.println("java.io.IOException: a stack trace follows");
        System.err.println("\tat org.apache.spark.SomeClass.method(SomeClass.scala:1)");
        System.err.println(
            "wordvec train: Spark training failed: Input path does not exist: file:/secret/place/"
                + corpus.getFileName());
        System.exit(1);
      }
      case "no-model" -> System.exit(0);
      case "hang" -> {
        Process child =
            new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    FakeSparkDriver.class.getName(),
                    "child")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Path pids = Path.of(lines.get(1).trim());
        Path part = pids.resolveSibling(pids.getFileName() + ".part");
        Files.writeString(part, ProcessHandle.current().pid() + " " + child.pid());
        Files.move(part, pids);
        progress(1, epochs, 10, 1000L * epochs);
        Thread.sleep(Long.MAX_VALUE);
      }
      default -> {
        System.err.println("wordvec train: unknown fake mode " + mode);
        System.exit(2);
      }
    }
  }

  private static void progress(int epoch, int epochs, long done, long expected) {
    System.out.println(
        "{\"event\":\"progress\",\"phase\":\"training\",\"epoch\":"
            + epoch
            + ",\"epochs\":"
            + epochs
            + ",\"wordsProcessed\":"
            + done
            + ",\"wordsExpected\":"
            + expected
            + ",\"wordsPerSecond\":12345.0,\"alpha\":0.02}");
  }

  /**
   * {@code --name value} pairs; flags without a value ({@code --quiet}, {@code --sg}) map to "".
   */
  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        boolean valued = i + 1 < args.length && !args[i + 1].startsWith("--");
        options.put(args[i], valued ? args[++i] : "");
      }
    }
    return options;
  }

  /** The distinct words of the corpus after its first two (control) lines. */
  private static List<String> words(List<String> lines) {
    Set<String> words = new LinkedHashSet<>();
    for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
      for (String w : line.trim().split("\\s+")) {
        if (!w.isEmpty()) {
          words.add(w);
        }
      }
    }
    return new ArrayList<>(words);
  }

  /**
   * A jar that runs this class with {@code java -jar}, as the service runs the real driver: its
   * manifest names this JVM's classpath (the test classes and every dependency).
   */
  static Path jar(Path dir) {
    String surefire = System.getProperty("surefire.test.class.path");
    String cp =
        surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    StringBuilder classPath = new StringBuilder();
    for (String entry : cp.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        classPath.append(Path.of(entry).toAbsolutePath().toUri()).append(' ');
      }
    }
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(Attributes.Name.MAIN_CLASS, FakeSparkDriver.class.getName());
    main.put(Attributes.Name.CLASS_PATH, classPath.toString().trim());
    Path jar = dir.resolve("fake-wordvec-spark.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      // the manifest is the whole jar
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }
}
