package io.wordvec.cli;

import io.wordvec.index.HnswIndex;
import io.wordvec.index.HnswParameters;
import io.wordvec.index.IndexBuildListener;
import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.vectors.SearchOptions;
import io.wordvec.vectors.SearchResult;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wordvec index}: builds the approximate neighbour index of a model on all cores and saves
 * it beside the model ({@code X.wvm} → {@code X.hnsw}), where the service finds it at startup. Ends
 * with a recall check against the exact scan on a sample of the model's words.
 */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description =
        "Builds the approximate neighbour index (HNSW) of a model and saves it beside the model"
            + " as X.hnsw, where the service finds it: neighbour queries then search the index"
            + " instead of every word.",
    sortOptions = false)
public final class IndexCommand implements Callable<Integer> {

  /** Neighbours per query of the recall check. */
  private static final int K = 10;

  @Spec CommandSpec spec;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "FILE",
      description = "Model file (.wvm, .bin, .txt, .vec).")
  Path model;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Index file to write (default: the model's name with .hnsw, beside it).")
  Path output;

  @Option(
      names = "--degree",
      defaultValue = "32",
      description = "Most neighbours per word in the graph (default: ${DEFAULT-VALUE}).")
  int degree;

  @Option(
      names = "--beam-width",
      defaultValue = "100",
      description = "Candidates considered per insertion (default: ${DEFAULT-VALUE}).")
  int beamWidth;

  @Option(
      names = "--alpha",
      defaultValue = "1.2",
      description =
          "How far neighbour selection relaxes diversity: 1 = strict HNSW pruning (sparser graph,"
              + " faster build and queries), above 1 keeps some longer links (denser graph, higher"
              + " recall at a given ef); 1 to 4 (default: ${DEFAULT-VALUE}).")
  float alpha;

  @Option(
      names = "--threads",
      defaultValue = "0",
      description = "Build threads, 0 = all cores (default: 0).")
  int threads;

  @Option(
      names = "--check",
      defaultValue = "100",
      paramLabel = "N",
      description =
          "Words whose 10 nearest neighbours are looked up in the new index and by the exact"
              + " scan to report recall@10, 0 = no check (default: ${DEFAULT-VALUE}).")
  int check;

  @Option(
      names = "--ef",
      defaultValue = "100",
      description = "Candidates kept per query in the recall check (default: ${DEFAULT-VALUE}).")
  int ef;

  @Option(names = "--quiet", description = "No progress lines.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HnswParameters parameters;
    try {
      HnswParameters defaults = HnswParameters.DEFAULTS;
      parameters = new HnswParameters(degree, beamWidth, alpha, defaults.overflow(), threads);
      if (check < 0 || ef < 1) {
        throw new IllegalArgumentException(
            check < 0 ? "--check must be >= 0, was " + check : "--ef must be > 0, was " + ef);
      }
    } catch (IllegalArgumentException e) {
      err.println("wordvec index: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Path target = output != null ? output : HnswIndex.fileFor(model);
    try {
      long start = System.nanoTime();
      LoadedModel loaded = ModelFiles.loadForServing(model);
      WordVectors vectors = loaded.vectors();
      long built = System.nanoTime();
      Progress progress = new Progress(err, quiet, System.console() != null, built);
      HnswIndex.build(vectors, parameters, target, progress);
      progress.finish();
      HnswIndex index = HnswIndex.open(target, vectors, ef);
      out.printf(
          Locale.ROOT,
          "indexed %s (%d words x %d) into %s in %.1f s (loading %.1f s): %d levels, degree %d%n",
          model,
          vectors.size(),
          vectors.dimension(),
          target,
          (System.nanoTime() - built) / 1e9,
          (built - start) / 1e9,
          index.levels(),
          index.degree());
      if (check > 0) {
        out.printf(
            Locale.ROOT,
            "recall@10 at ef %d over %d sampled words (the word itself excluded): %.4f%n",
            ef,
            Math.min(check, vectors.size()),
            recall(vectors, index, Math.min(check, vectors.size())));
      }
      return ExitCodes.OK;
    } catch (CancellationException e) {
      err.println("wordvec index: cancelled");
      return ExitCodes.CANCELLED;
    } catch (IOException | IllegalArgumentException e) {
      err.println("wordvec index: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }

  /** Mean share of the exact ten nearest words the index finds, over uniformly sampled words. */
  private double recall(WordVectors vectors, HnswIndex index, int queries) {
    SplittableRandom random = new SplittableRandom(1);
    SearchOptions options = SearchOptions.withEf(ef);
    double hits = 0;
    for (int q = 0; q < queries; q++) {
      int id = random.nextInt(vectors.size());
      float[] query = vectors.vector(vectors.vocabulary().word(id), true);
      int[] exclude = {id};
      SearchResult approx = index.nearest(query, K, 0, exclude, options);
      SearchResult exact = vectors.exactSearch().nearest(query, K, 0, exclude, options);
      hits +=
          IntStream.of(approx.ids())
                  .filter(a -> IntStream.of(exact.ids()).anyMatch(e -> e == a))
                  .count()
              / (double) Math.max(1, exact.size());
    }
    return hits / queries;
  }

  /**
   * Insertion progress on stderr: redrawn in place on a terminal, else one line per 5%.
   * Thread-safe: the build reports from its worker threads.
   */
  private static final class Progress implements IndexBuildListener {

    private final PrintWriter err;
    private final boolean quiet;
    private final boolean terminal;
    private final long start;
    private int lastStep = -1;
    private boolean drawn;

    Progress(PrintWriter err, boolean quiet, boolean terminal, long start) {
      this.err = err;
      this.quiet = quiet;
      this.terminal = terminal;
      this.start = start;
    }

    @Override
    public synchronized void onProgress(int inserted, int total) {
      if (quiet) {
        return;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double rate = inserted / Math.max(seconds, 1e-9);
      long eta = Math.round((total - inserted) / Math.max(rate, 1e-9));
      String line =
          String.format(
              Locale.ROOT,
              "index: %5.1f%%  %,d of %,d words  %,.0f words/s  ETA %d:%02d",
              100.0 * inserted / total,
              inserted,
              total,
              rate,
              eta / 60,
              eta % 60);
      if (terminal) {
        err.print("\r" + line + "\u001b[K");
        drawn = true;
      } else {
        int step = (int) (20L * inserted / total);
        if (step == lastStep) {
          return;
        }
        lastStep = step;
        err.println(line);
      }
      err.flush();
    }

    synchronized void finish() {
      if (terminal && drawn) {
        err.println();
        err.flush();
      }
    }
  }
}
