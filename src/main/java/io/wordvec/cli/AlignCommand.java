package io.wordvec.cli;

import io.wordvec.align.Criterion;
import io.wordvec.align.Dictionary;
import io.wordvec.align.HubnessCache;
import io.wordvec.align.Procrustes;
import io.wordvec.align.TranslationAccuracy;
import io.wordvec.align.Translator;
import io.wordvec.align.WordPair;
import io.wordvec.io.ModelFiles;
import io.wordvec.vectors.SearchOptions;
import io.wordvec.vectors.WordVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wordvec align}: learns the orthogonal map from one model's space to another's (Procrustes,
 * as {@code POST /api/v1/alignments} does) and measures it: P@1 of translating held-out words by
 * nearest neighbour and by CSLS. Without a dictionary the training pairs are the words frequent in
 * both models, and the test pairs the next ones in that order, so that two models of one language
 * (two seeds, two halves of a corpus) can be compared with no dictionary at all.
 */
@Command(
    name = "align",
    mixinStandardHelpOptions = true,
    description =
        "Aligns two models of one dimension by Procrustes and prints P@1 of translating held-out"
            + " word pairs by nearest neighbour and by CSLS.",
    sortOptions = false)
public final class AlignCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--source",
      required = true,
      paramLabel = "FILE",
      description = "The model whose words are translated (.wvm, .bin, .txt, .vec).")
  Path source;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "FILE",
      description = "The model they are translated into.")
  Path target;

  @Option(
      names = "--dictionary",
      paramLabel = "FILE",
      description =
          "Training pairs, one 'source target' pair per line (UTF-8, whitespace-separated)."
              + " Default: the --pairs words frequent in both models.")
  Path dictionary;

  @Option(
      names = "--pairs",
      defaultValue = "5000",
      description =
          "Identical words to learn from without --dictionary (default: ${DEFAULT-VALUE}).")
  int pairs;

  @Option(
      names = "--test",
      defaultValue = "1000",
      description =
          "Test pairs: the identical words that follow the training ones in frequency, none of"
              + " them a training word (default: ${DEFAULT-VALUE}; 0 = no test).")
  int test;

  @Option(
      names = "--csls-k",
      defaultValue = "10",
      description = "Neighbours averaged by CSLS's penalties (default: ${DEFAULT-VALUE}).")
  int cslsK;

  @Option(
      names = "--csls-candidates",
      defaultValue = "100",
      description = "Nearest words by cosine that CSLS ranks again (default: ${DEFAULT-VALUE}).")
  int cslsCandidates;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (pairs < 1 || test < 0 || cslsK < 1 || cslsCandidates < 1) {
      err.println(
          "wordvec align: --pairs, --csls-k and --csls-candidates must be >= 1, --test >= 0");
      return ExitCodes.USAGE;
    }
    try {
      WordVectors sv = ModelFiles.loadForServing(source).vectors();
      WordVectors tv = ModelFiles.loadForServing(target).vectors();
      out.printf(
          Locale.ROOT, "source: %s (%d words x %d)%n", name(source), sv.size(), sv.dimension());
      out.printf(
          Locale.ROOT, "target: %s (%d words x %d)%n", name(target), tv.size(), tv.dimension());
      if (sv.dimension() != tv.dimension()) {
        err.println(
            "wordvec align: the models have "
                + sv.dimension()
                + " and "
                + tv.dimension()
                + " dimensions: only models of one dimension can be aligned");
        return ExitCodes.FAILED;
      }
      Dictionary train =
          dictionary != null
              ? Dictionary.fromPairs(sv, tv, readPairs(dictionary))
              : Dictionary.identicalWords(sv, tv, 0, pairs);
      out.printf(
          Locale.ROOT,
          "dictionary: %s, %d usable pairs%s%n",
          dictionary != null ? name(dictionary) : pairs + " identical words",
          train.size(),
          dictionary != null
              ? " ("
                  + train.missingInSource()
                  + " missing in source, "
                  + train.missingInTarget()
                  + " in target)"
              : "");
      if (train.size() < sv.dimension()) {
        err.println(
            "wordvec align: "
                + train.size()
                + " usable pairs, fewer than the "
                + sv.dimension()
                + " dimensions");
        return ExitCodes.FAILED;
      }
      long start = System.nanoTime();
      Procrustes.Fit fit = Procrustes.fit(sv, tv, train);
      out.printf(
          Locale.ROOT,
          "fit: mean cosine %.4f over the training pairs, in %d ms%n",
          fit.meanCosine(),
          (System.nanoTime() - start) / 1_000_000);
      if (test == 0) {
        return ExitCodes.OK;
      }
      Dictionary candidates =
          Dictionary.identicalWords(sv, tv, dictionary != null ? 0 : pairs, test + train.size());
      Dictionary held = candidates.without(train, test);
      Translator translator =
          new Translator(
              sv,
              tv,
              fit.alignment(),
              new HubnessCache(tv.size(), cslsK),
              cslsCandidates,
              SearchOptions.DEFAULT);
      for (Criterion criterion : Criterion.values()) {
        long t0 = System.nanoTime();
        TranslationAccuracy.Result p1 =
            TranslationAccuracy.precisionAtOne(translator, held, criterion);
        out.printf(
            Locale.ROOT,
            "P@1 %s: %.4f (%d of %d held-out pairs) in %.1f s%n",
            criterion.name().toLowerCase(Locale.ROOT),
            p1.precision(),
            p1.correct(),
            p1.total(),
            (System.nanoTime() - t0) / 1e9);
      }
      return ExitCodes.OK;
    } catch (IOException | IllegalArgumentException e) {
      err.println("wordvec align: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }

  private static String name(Path file) {
    return String.valueOf(file.getFileName());
  }

  /** Pairs of a dictionary file; blank lines and lines starting with '#' are skipped. */
  static List<WordPair> readPairs(Path file) throws IOException {
    List<WordPair> pairs = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] words = trimmed.split("\\s+");
        if (words.length != 2) {
          throw new IllegalArgumentException(
              name(file) + " line " + number + ": expected 'source target', got '" + trimmed + "'");
        }
        pairs.add(new WordPair(words[0], words[1]));
      }
    }
    return pairs;
  }
}
