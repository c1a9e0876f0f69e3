package io.wordvec.cli;

import io.wordvec.phrases.Phrase;
import io.wordvec.phrases.PhraseOptions;
import io.wordvec.phrases.Phrases;
import io.wordvec.vocab.CorpusReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wordvec phrases}: detects the phrases of a corpus as training with {@code --phrases} does,
 * prints the best-scoring ones and, with {@code --output}, writes the corpus with them joined (what
 * word2phrase does).
 */
@Command(
    name = "phrases",
    mixinStandardHelpOptions = true,
    description =
        "Detects phrases (word2phrase, gensim's Phrases) in a corpus: prints the best-scoring ones"
            + " and can write the corpus with them joined (new york -> new_york).",
    sortOptions = false)
public final class PhrasesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--corpus",
      required = true,
      paramLabel = "FILE",
      description = "Corpus: text, one sentence per line, plain or gzip.")
  Path corpus;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the corpus with the phrases joined to this file.")
  Path output;

  @Option(
      names = "--passes",
      defaultValue = "1",
      description = "Detection passes, 1 to 4; 2 also builds longer phrases (default: 1).")
  int passes;

  @Option(names = "--min-count", paramLabel = "N", description = "gensim's min_count (default: 5).")
  Integer minCount;

  @Option(
      names = "--threshold",
      paramLabel = "SCORE",
      description = "A pair is a phrase when it scores above this (default: 10, or 0.5 with npmi).")
  Double threshold;

  @Option(
      names = "--scoring",
      paramLabel = "default|npmi",
      description = "The score: word2phrase's default or npmi (default: default).")
  String scoring;

  @Option(
      names = "--top",
      defaultValue = "20",
      paramLabel = "N",
      description = "Print the N best-scoring phrases of each pass, 0 for all (default: 20).")
  int top;

  @Option(
      names = "--tokenizer",
      defaultValue = "whitespace",
      description = "whitespace (pre-tokenised corpus) or normalizing (default: whitespace).")
  String tokenizer;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PhraseOptions options;
    CorpusReader reader;
    try {
      options = PhraseCommandOptions.of(passes, minCount, threshold, scoring);
      if (options == null) {
        throw new IllegalArgumentException("--passes must be between 1 and 4, was " + passes);
      }
      if (top < 0) {
        throw new IllegalArgumentException("--top must be >= 0, was " + top);
      }
      reader = new CorpusReader(corpus, TrainCommand.tokenizer(tokenizer), 10_000);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage().replace("--phrases: ", ""));
      return ExitCodes.USAGE;
    }
    try {
      long start = System.nanoTime();
      Phrases phrases = Phrases.learn(reader, options, (pass, tokens, estimate) -> {});
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(
          Locale.ROOT,
          "%d phrases in %d pass(es), %.1f s (%s score, minCount %d, threshold %s)%n",
          phrases.size(),
          phrases.passes(),
          seconds,
          options.scoring().id(),
          options.minCount(),
          options.threshold());
      print(out, phrases.phrases());
      if (output != null) {
        write(phrases, reader, output);
        out.println("wrote " + output.getFileName());
      }
      return ExitCodes.OK;
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }

  private void print(PrintWriter out, List<Phrase> phrases) {
    int pass = 0;
    int shown = 0;
    for (Phrase phrase : phrases) {
      if (phrase.pass() != pass) {
        pass = phrase.pass();
        shown = 0;
      }
      if (top == 0 || shown < top) {
        out.printf(
            Locale.ROOT,
            "%d\t%s\t%.4f\t%d%n",
            phrase.pass(),
            phrase.text(),
            phrase.score(),
            phrase.count());
        shown++;
      }
    }
  }

  private static void write(Phrases phrases, CorpusReader reader, Path file) throws IOException {
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      phrases
          .rewrite(reader)
          .read(
              new CorpusReader.TokenSink() {
                private boolean first = true;

                @Override
                public void token(byte[] utf8, int off, int len) throws IOException {
                  if (!first) {
                    os.write(' ');
                  }
                  os.write(utf8, off, len);
                  first = false;
                }

                @Override
                public void endSentence() throws IOException {
                  os.write('\n');
                  first = true;
                }
              },
              (tokens, estimate) -> {});
    }
  }
}
