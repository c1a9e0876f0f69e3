package io.wordvec.cli;

import io.wordvec.index.HnswIndex;
import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.vectors.AnalogyMethod;
import io.wordvec.vectors.Neighbor;
import io.wordvec.vectors.NeighborList;
import io.wordvec.vectors.SearchOptions;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wordvec neighbors}: the nearest words to one or more words (their unit vectors added, the
 * {@code --negative} ones subtracted), as gensim's {@code most_similar} ranks them. A model with an
 * index beside it ({@code wordvec index}) is searched through the index unless {@code --exact}.
 */
@Command(
    name = "neighbors",
    aliases = "neighbours",
    mixinStandardHelpOptions = true,
    description =
        "Prints the nearest words by cosine similarity. Several words are combined like gensim's "
            + "most_similar: unit vectors added, --negative words subtracted (king - man + woman: "
            + "neighbors --model M king woman --negative man).",
    sortOptions = false)
public final class NeighborsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "FILE",
      description = "Model file (.wvm, .bin, .txt, .vec).")
  Path model;

  @Parameters(arity = "1..*", paramLabel = "WORD", description = "Query words.")
  List<String> words;

  @Option(names = "--negative", paramLabel = "WORD", description = "Words to subtract.")
  List<String> negative = List.of();

  @Option(
      names = "--topn",
      defaultValue = "10",
      description = "How many neighbours (default: ${DEFAULT-VALUE}).")
  int topn;

  @Option(
      names = "--restrict",
      defaultValue = "0",
      description = "Search only the N most frequent words, 0 = all (default: 0).")
  int restrict;

  @Option(
      names = "--method",
      defaultValue = "cosadd",
      description = "cosadd (3CosAdd, gensim's most_similar) or cosmul (3CosMul).")
  String method;

  @Option(
      names = "--limit",
      defaultValue = "0",
      description =
          "Load only the first N words of the model, 0 = all (default: 0). A partial model is"
              + " searched exactly.")
  int limit;

  @Option(
      names = "--exact",
      description = "Score every word even when the model has an index beside it.")
  boolean exact;

  @Option(
      names = "--ef",
      defaultValue = "100",
      description = "Candidates the index keeps while it searches (default: ${DEFAULT-VALUE}).")
  int ef;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AnalogyMethod how;
    try {
      how = CliSupport.method(method);
      if (ef < 1) {
        throw new IllegalArgumentException("--ef must be > 0, was " + ef);
      }
    } catch (IllegalArgumentException e) {
      err.println("wordvec neighbors: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    try {
      LoadedModel loaded = ModelFiles.loadForServing(model, limit);
      WordVectors vectors = loaded.vectors();
      Path indexFile = HnswIndex.fileFor(model);
      if (!exact && limit == 0 && Files.isRegularFile(indexFile)) {
        vectors = vectors.withSearch(HnswIndex.open(indexFile, vectors, ef));
      }
      SearchOptions options = new SearchOptions(exact, ef);
      NeighborList result =
          how == AnalogyMethod.COSMUL
              ? vectors.mostSimilarCosMul(words, negative, topn, restrict, options)
              : vectors.mostSimilar(words, negative, topn, restrict, options);
      int rank = 1;
      for (Neighbor n : result.neighbors()) {
        out.printf(Locale.ROOT, "%3d  %-24s %.6f%n", rank++, n.word(), n.score());
      }
      if (!result.search().equals("exact")) {
        err.println("(searched with the index " + indexFile.getFileName() + "; --exact to scan)");
      }
      return ExitCodes.OK;
    } catch (IOException | IllegalArgumentException e) {
      err.println("wordvec neighbors: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }
}
