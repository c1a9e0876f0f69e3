package io.wordvec.cli;

import io.wordvec.io.ModelFiles;
import io.wordvec.io.VectorFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wordvec convert}: rewrites a model in another format. A full native model converted to
 * native stays a full model; to word2vec formats only the word vectors go. A word2vec file (also
 * {@code .bin.gz}, {@code .txt.gz}) converted to {@code .wvm} is streamed, whatever its size: the
 * way to serve a big model memory-mapped.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description =
        "Converts between model formats, chosen by extension: .wvm (native), .bin (word2vec "
            + "binary), .txt (word2vec text), .vec (fastText text). Word2vec formats hold only the "
            + "word vectors; converting from them gives counts derived from the word order.",
    sortOptions = false)
public final class ConvertCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "Model to read.")
  Path input;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "FILE",
      description = "File to write (atomically).")
  Path output;

  @Option(
      names = "--output-format",
      paramLabel = "FORMAT",
      description = "wvm, bin, txt or vec, overriding the output extension.")
  String outputFormat;

  @Option(
      names = "--limit",
      defaultValue = "0",
      description = "Keep only the first N (most frequent) words, 0 = all (default: 0).")
  int limit;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    VectorFormat format;
    try {
      format =
          outputFormat != null
              ? VectorFormat.fromName(outputFormat)
              : VectorFormat.fromExtension(output)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "cannot tell the output format from '"
                                  + output.getFileName()
                                  + "': use a .wvm, .bin, .txt or .vec name, or"
                                  + " --output-format"));
      if (limit < 0) {
        throw new IllegalArgumentException("--limit must be >= 0, was " + limit);
      }
    } catch (IllegalArgumentException e) {
      err.println("wordvec convert: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    try {
      long start = System.nanoTime();
      ModelFiles.Conversion done = ModelFiles.convert(input, output, format, limit);
      spec.commandLine()
          .getOut()
          .printf(
              Locale.ROOT,
              "converted %s (%s, %d words x %d) to %s (%s) in %.2f s%n",
              input,
              done.from().extension(),
              done.words(),
              done.dimension(),
              output,
              format.extension(),
              (System.nanoTime() - start) / 1e9);
      return ExitCodes.OK;
    } catch (IOException | IllegalArgumentException e) {
      err.println("wordvec convert: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }
}
