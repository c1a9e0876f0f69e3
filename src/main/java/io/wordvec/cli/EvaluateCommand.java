package io.wordvec.cli;

import io.wordvec.eval.AnalogyEvaluator;
import io.wordvec.eval.AnalogyResult;
import io.wordvec.eval.EvaluationSets;
import io.wordvec.eval.OovEvaluation;
import io.wordvec.eval.SectionScore;
import io.wordvec.eval.WordPairEvaluator;
import io.wordvec.eval.WordPairResult;
import io.wordvec.io.LoadedModel;
import io.wordvec.io.ModelFiles;
import io.wordvec.vectors.AnalogyMethod;
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
 * {@code wordvec evaluate}: analogy accuracy and word-pair correlation by gensim's protocol, as a
 * table or as JSON.
 *
 * <p>Why this class is long: its options, the table and the JSON shapes of both evaluations (and of
 * the subword questions answered from n-grams) are one command's output format, kept together so
 * that the two renderings cannot disagree.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Scores a model by gensim's protocol: analogies by 3CosAdd (or 3CosMul) over the most "
            + "frequent words (30,000 by default), case-insensitive, questions with an unknown word "
            + "skipped and reported as coverage; word pairs by Spearman's rho with the "
            + "out-of-vocabulary share. Without --analogies or --pairs, the bundled Google analogy "
            + "set and WordSim-353 are used.",
    sortOptions = false)
public final class EvaluateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "FILE",
      description = "Model file (.wvm, .bin, .txt, .vec).")
  Path model;

  @Option(
      names = "--analogies",
      paramLabel = "FILE",
      description = "Analogy question file(s) (': section' lines, then 'a b c d').")
  List<Path> analogies = new ArrayList<>();

  @Option(
      names = "--pairs",
      paramLabel = "FILE",
      description = "Word-pair file(s): word1<TAB>word2<TAB>score.")
  List<Path> pairs = new ArrayList<>();

  @Option(
      names = "--method",
      defaultValue = "cosadd",
      description = "cosadd, cosmul or both (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(
      names = "--restrict",
      defaultValue = "30000",
      description = "Analogies use the N most frequent words, 0 = all (default: ${DEFAULT-VALUE}).")
  int restrict;

  @Option(
      names = "--pairs-restrict",
      defaultValue = "0",
      description = "Word pairs use the N most frequent words, 0 = all (default: 0).")
  int pairsRestrict;

  @Option(names = "--case-sensitive", description = "Compare words exactly, not upper-cased.")
  boolean caseSensitive;

  @Option(names = "--sections", description = "Also print every analogy section.")
  boolean sections;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<AnalogyMethod> methods;
    try {
      methods =
          method.equalsIgnoreCase("both")
              ? List.of(AnalogyMethod.COSADD, AnalogyMethod.COSMUL)
              : List.of(CliSupport.method(method));
      if (restrict < 0 || pairsRestrict < 0) {
        throw new IllegalArgumentException(
            "--restrict and --pairs-restrict must be >= 0, were "
                + restrict
                + ", "
                + pairsRestrict);
      }
    } catch (IllegalArgumentException e) {
      err.println("wordvec evaluate: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    try {
      LoadedModel loaded = ModelFiles.loadForServing(model);
      WordVectors vectors = loaded.vectors();
      boolean bundled = analogies.isEmpty() && pairs.isEmpty();
      List<AnalogyResult> analogyResults = new ArrayList<>();
      List<WordPairResult> pairResults = new ArrayList<>();
      List<String> analogySets = new ArrayList<>();
      for (Path p : analogies) {
        analogySets.add(p.toString());
      }
      if (bundled) {
        analogySets.add(null);
      }
      for (String set : analogySets) {
        for (AnalogyMethod m : methods) {
          try (BufferedReader in = open(set, EvaluationSets.GOOGLE_ANALOGIES)) {
            analogyResults.add(
                AnalogyEvaluator.evaluate(
                    vectors,
                    in,
                    name(set, EvaluationSets.GOOGLE_ANALOGIES),
                    m,
                    restrict,
                    !caseSensitive));
          }
        }
      }
      List<String> pairSets = new ArrayList<>();
      for (Path p : pairs) {
        pairSets.add(p.toString());
      }
      if (bundled) {
        pairSets.add(null);
      }
      for (String set : pairSets) {
        try (BufferedReader in = open(set, EvaluationSets.WORDSIM353)) {
          pairResults.add(
              WordPairEvaluator.evaluate(
                  vectors,
                  in,
                  name(set, EvaluationSets.WORDSIM353),
                  pairsRestrict,
                  !caseSensitive));
        }
      }
      // A subword model also answers, from n-grams, the questions the protocol skips.
      List<OovEvaluation.AnalogyOov> analogyOov = new ArrayList<>();
      List<OovEvaluation.PairsOov> pairsOov = new ArrayList<>();
      if (vectors.subwords().isPresent()) {
        for (String set : analogySets) {
          try (BufferedReader in = open(set, EvaluationSets.GOOGLE_ANALOGIES)) {
            analogyOov.add(OovEvaluation.analogies(vectors, in, restrict, !caseSensitive));
          }
        }
        for (String set : pairSets) {
          try (BufferedReader in = open(set, EvaluationSets.WORDSIM353)) {
            pairsOov.add(OovEvaluation.pairs(vectors, in, pairsRestrict, !caseSensitive));
          }
        }
      }
      if (json) {
        printJson(
            out,
            loaded,
            analogyResults,
            pairResults,
            oovJson(analogySets, analogyOov, pairSets, pairsOov));
      } else {
        printTable(out, loaded, analogyResults, pairResults);
        printOovTable(out, analogySets, analogyOov, pairSets, pairsOov);
      }
      return ExitCodes.OK;
    } catch (IOException | IllegalArgumentException e) {
      err.println("wordvec evaluate: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }

  private static BufferedReader open(String file, String bundledName) throws IOException {
    return file == null
        ? EvaluationSets.bundled(bundledName)
        : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
  }

  private static String name(String file, String bundledName) {
    return file == null ? bundledName + " (bundled)" : file;
  }

  private void printTable(
      PrintWriter out,
      LoadedModel loaded,
      List<AnalogyResult> analogyResults,
      List<WordPairResult> pairResults) {
    out.printf(
        Locale.ROOT,
        "model %s: %d words x %d (%s)%n",
        loaded.file(),
        loaded.vectors().size(),
        loaded.vectors().dimension(),
        loaded.format().extension());
    for (AnalogyResult r : analogyResults) {
      out.printf(
          Locale.ROOT,
          "%nanalogies %s, %s, %d most frequent words%s%n",
          r.source(),
          r.method() == AnalogyMethod.COSMUL ? "3CosMul" : "3CosAdd",
          r.restrictVocab(),
          caseSensitive ? ", case-sensitive" : ", case-insensitive");
      out.printf(
          Locale.ROOT,
          "  %-30s %8s %8s %10s %9s %9s%n",
          "section",
          "correct",
          "seen",
          "questions",
          "accuracy",
          "coverage");
      if (sections) {
        for (SectionScore s : r.sections()) {
          row(out, s);
        }
      }
      row(out, r.semantic());
      row(out, r.syntactic());
      row(out, r.total());
    }
    if (!pairResults.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "%nword pairs%n  %-30s %9s %9s %7s %7s%n",
          "set",
          "spearman",
          "pearson",
          "pairs",
          "oov%");
      for (WordPairResult p : pairResults) {
        out.printf(
            Locale.ROOT,
            "  %-30s %9s %9s %7d %6.1f%%%n",
            p.source(),
            fixed(p.spearman()),
            fixed(p.pearson()),
            p.pairs(),
            p.oovPercent());
      }
    }
  }

  private void printOovTable(
      PrintWriter out,
      List<String> analogySets,
      List<OovEvaluation.AnalogyOov> analogyOov,
      List<String> pairSets,
      List<OovEvaluation.PairsOov> pairsOov) {
    if (analogyOov.isEmpty() && pairsOov.isEmpty()) {
      return;
    }
    out.printf(Locale.ROOT, "%nwords outside the evaluated vocabulary, from their n-grams%n");
    for (int i = 0; i < analogyOov.size(); i++) {
      OovEvaluation.AnalogyOov r = analogyOov.get(i);
      out.printf(
          Locale.ROOT,
          "  analogies %s (3CosAdd): %d questions skipped, %d with the answer in the vocabulary"
              + " answered, %d correct (%s)%n",
          name(analogySets.get(i), EvaluationSets.GOOGLE_ANALOGIES),
          r.skipped(),
          r.answerable(),
          r.correct(),
          Double.isNaN(r.accuracy())
              ? "n/a"
              : String.format(Locale.ROOT, "%.2f%%", 100 * r.accuracy()));
    }
    for (int i = 0; i < pairsOov.size(); i++) {
      OovEvaluation.PairsOov p = pairsOov.get(i);
      out.printf(
          Locale.ROOT,
          "  pairs %s: %d pairs with an unknown word, spearman %s; all %d pairs, spearman %s%n",
          name(pairSets.get(i), EvaluationSets.WORDSIM353),
          p.oovPairs(),
          fixed(p.oovSpearman()),
          p.allPairs(),
          fixed(p.allSpearman()));
    }
  }

  /** The {@code "oov"} member of the JSON output, or "" when the model has no n-grams. */
  private static String oovJson(
      List<String> analogySets,
      List<OovEvaluation.AnalogyOov> analogyOov,
      List<String> pairSets,
      List<OovEvaluation.PairsOov> pairsOov) {
    if (analogyOov.isEmpty() && pairsOov.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(",\"oov\":{\"analogies\":[");
    for (int i = 0; i < analogyOov.size(); i++) {
      OovEvaluation.AnalogyOov r = analogyOov.get(i);
      sb.append(i == 0 ? "" : ",")
          .append("{\"set\":")
          .append(CliSupport.json(name(analogySets.get(i), EvaluationSets.GOOGLE_ANALOGIES)));
      sb.append(",\"skipped\":").append(r.skipped());
      sb.append(",\"answered\":").append(r.answerable());
      sb.append(",\"correct\":").append(r.correct());
      sb.append(",\"accuracy\":").append(CliSupport.json(r.accuracy())).append('}');
    }
    sb.append("],\"pairs\":[");
    for (int i = 0; i < pairsOov.size(); i++) {
      OovEvaluation.PairsOov p = pairsOov.get(i);
      sb.append(i == 0 ? "" : ",")
          .append("{\"set\":")
          .append(CliSupport.json(name(pairSets.get(i), EvaluationSets.WORDSIM353)));
      sb.append(",\"oovPairs\":").append(p.oovPairs());
      sb.append(",\"oovSpearman\":").append(CliSupport.json(p.oovSpearman()));
      sb.append(",\"allPairs\":").append(p.allPairs());
      sb.append(",\"allSpearman\":").append(CliSupport.json(p.allSpearman())).append('}');
    }
    sb.append("]}");
    return sb.toString();
  }

  private static String fixed(double d) {
    return Double.isNaN(d) ? "n/a" : String.format(Locale.ROOT, "%.4f", d);
  }

  private static void row(PrintWriter out, SectionScore s) {
    out.printf(
        Locale.ROOT,
        "  %-30s %8d %8d %10d %8.2f%% %8.1f%%%n",
        s.name(),
        s.correct(),
        s.seen(),
        s.questions(),
        100 * s.accuracy(),
        100 * s.coverage());
  }

  private void printJson(
      PrintWriter out,
      LoadedModel loaded,
      List<AnalogyResult> analogyResults,
      List<WordPairResult> pairResults,
      String oov) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"model\":").append(CliSupport.json(loaded.file().toString()));
    sb.append(",\"words\":").append(loaded.vectors().size());
    sb.append(",\"dimension\":").append(loaded.vectors().dimension());
    sb.append(",\"analogies\":[");
    for (int i = 0; i < analogyResults.size(); i++) {
      AnalogyResult r = analogyResults.get(i);
      sb.append(i == 0 ? "" : ",").append("{\"set\":").append(CliSupport.json(r.source()));
      sb.append(",\"method\":").append(CliSupport.json(r.method().name().toLowerCase(Locale.ROOT)));
      sb.append(",\"restrictVocab\":").append(r.restrictVocab());
      sb.append(",\"accuracy\":").append(CliSupport.json(r.accuracy()));
      sb.append(",\"coverage\":").append(CliSupport.json(r.coverage()));
      sb.append(",\"semantic\":");
      section(sb, r.semantic());
      sb.append(",\"syntactic\":");
      section(sb, r.syntactic());
      sb.append(",\"total\":");
      section(sb, r.total());
      sb.append(",\"sections\":[");
      for (int j = 0; j < r.sections().size(); j++) {
        sb.append(j == 0 ? "" : ",");
        section(sb, r.sections().get(j));
      }
      sb.append("]}");
    }
    sb.append("],\"pairs\":[");
    for (int i = 0; i < pairResults.size(); i++) {
      WordPairResult p = pairResults.get(i);
      sb.append(i == 0 ? "" : ",").append("{\"set\":").append(CliSupport.json(p.source()));
      sb.append(",\"spearman\":").append(CliSupport.json(p.spearman()));
      sb.append(",\"pearson\":").append(CliSupport.json(p.pearson()));
      sb.append(",\"pairs\":").append(p.pairs());
      sb.append(",\"oov\":").append(p.oov());
      sb.append(",\"oovPercent\":").append(CliSupport.json(p.oovPercent())).append('}');
    }
    sb.append(']').append(oov).append('}');
    out.println(sb);
  }

  private static void section(StringBuilder sb, SectionScore s) {
    sb.append("{\"name\":").append(CliSupport.json(s.name()));
    sb.append(",\"correct\":").append(s.correct());
    sb.append(",\"seen\":").append(s.seen());
    sb.append(",\"questions\":").append(s.questions());
    sb.append(",\"accuracy\":").append(CliSupport.json(s.accuracy()));
    sb.append(",\"coverage\":").append(CliSupport.json(s.coverage()));
    sb.append('}');
  }
}
