package io.wordvec.spark.baseline;

import io.wordvec.vocab.Tokenizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.feature.Word2Vec;
import org.apache.spark.mllib.feature.Word2VecModel;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Trains Spark MLlib's {@code org.apache.spark.mllib.feature.Word2Vec} on a text corpus and writes
 * the vectors in word2vec text format, so that {@code wordvec evaluate --model X.txt} scores them
 * beside wordvec's own models. A baseline to measure the Spark engine against, not an engine:
 * MLlib's Word2Vec is what issue 14 explains wordvec does not use.
 *
 * <p>Same as a wordvec run with the same options: the tokens (wordvec's {@link Tokenizer}, one
 * sentence per line, so both see the same words and counts), the minimum count, the dimension, the
 * window (both shrink it at random per centre word, as word2vec.c does), the initial learning rate,
 * the number of epochs and the seed (as a number: the random streams differ), and K partitions.
 *
 * <p>What differs, because MLlib's Word2Vec has no way to do it; none of it is imitated here:
 *
 * <ul>
 *   <li><b>Hierarchical softmax</b>, skip-gram only: MLlib has no negative sampling (wordvec trains
 *       with {@code --negative 5}), so it updates a Huffman path of about log2(V) output rows per
 *       pair instead of 1 + 5 rows.
 *   <li><b>No subsampling</b> of frequent words: MLlib trains every token, where wordvec at {@code
 *       --sample 1e-4} drops most occurrences of the most frequent words; MLlib does more work per
 *       epoch and sees frequent words more often.
 *   <li><b>The learning rate</b> decays linearly towards {@code alpha * 1e-4}, each partition
 *       assuming the others advance at its pace; wordvec's linear schedule ends at {@code alpha /
 *       10}.
 *   <li><b>Synchronisation once per epoch</b>: each of the K partitions trains a whole epoch of its
 *       share from the same model, then each row any of them changed becomes the plain mean of its
 *       values in the partitions that changed it; wordvec-spark meets every {@code
 *       --words-per-sync} words (1M by default, about 17 times an epoch on gutenberg-17m) and
 *       weights each row's change by its update counts.
 *   <li><b>Sentences</b> longer than {@code --max-sentence-length} are cut after the words below
 *       the minimum count are dropped (wordvec cuts before); tokens longer than 100 bytes are kept
 *       whole (wordvec cuts them at {@code --max-word-bytes}); the text is decoded by Hadoop's line
 *       reader, which replaces invalid UTF-8 where wordvec refuses it. None of these occurs in
 *       gutenberg-17m (short lines of {@code [a-z ]}).
 * </ul>
 *
 * <p>The file lists the words most frequent first, ties by word, as wordvec's vocabulary does:
 * MLlib's model hands its vectors back as an unordered map, and the evaluation's 30,000-word
 * restriction takes the first rows of the file. The counts come from a separate count of the same
 * tokens ({@link FrequencyOrder}); the run fails if its words are not exactly MLlib's.
 *
 * <p>MLlib refuses models of {@code vocabulary x dimension >= Integer.MAX_VALUE} (checked in the
 * bytecode of Spark 4.2.0: about 21M words at 100 dimensions, 7.16M at 300); its message is passed
 * on.
 */
@Command(
    name = "mllib-baseline",
    mixinStandardHelpOptions = true,
    description =
        "Trains Spark MLlib's Word2Vec (skip-gram, hierarchical softmax) and writes word2vec text.")
public final class MllibBaseline implements Callable<Integer> {

  @Option(names = "--master", description = "Spark master (default: ${DEFAULT-VALUE}).")
  String master = "local[2]";

  @Option(
      names = "--partitions",
      paramLabel = "K",
      description = "MLlib's numPartitions: the partitions that train apart (default: 1).")
  int partitions = 1;

  @Option(names = "--corpus", required = true, description = "Corpus file (path or URI).")
  String corpus;

  @Option(names = "--output", required = true, description = "Model to write (word2vec text).")
  Path output;

  @Option(names = "--dim", description = "Vector size (default: ${DEFAULT-VALUE}).")
  int dim = 100;

  @Option(names = "--window", description = "Window size (default: ${DEFAULT-VALUE}).")
  int window = 5;

  @Option(names = "--min-count", description = "Minimum count (default: ${DEFAULT-VALUE}).")
  int minCount = 5;

  @Option(names = "--epochs", description = "MLlib's numIterations (default: ${DEFAULT-VALUE}).")
  int epochs = 5;

  @Option(names = "--seed", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--alpha", description = "Initial learning rate (default: ${DEFAULT-VALUE}).")
  double alpha = 0.025;

  @Option(
      names = "--max-sentence-length",
      description = "Longer sentences are cut (default: ${DEFAULT-VALUE}, wordvec's default).")
  int maxSentenceLength = 10_000;

  @Option(
      names = "--tokenizer",
      description = "whitespace or normalizing, as wordvec train (default: ${DEFAULT-VALUE}).")
  String tokenizer = "whitespace";

  public static void main(String[] args) {
    System.exit(new CommandLine(new MllibBaseline()).execute(args));
  }

  @Override
  public Integer call() {
    if (partitions < 1 || dim < 1 || window < 1 || minCount < 1 || epochs < 1 || alpha <= 0) {
      System.err.println(
          "mllib-baseline: --partitions, --dim, --window, --min-count, --epochs and --alpha must be"
              + " positive");
      return 2;
    }
    if (!tokenizer.equals("whitespace") && !tokenizer.equals("normalizing")) {
      System.err.println("mllib-baseline: unknown tokenizer '" + tokenizer + "'");
      return 2;
    }
    long started = System.nanoTime();
    try (JavaSparkContext sc = new JavaSparkContext(conf())) {
      sc.sc().addSparkListener(new JobProgress(started));
      String tokenizerName = tokenizer;
      JavaRDD<List<String>> sentences =
          sc.textFile(corpus)
              .map(line -> tokenizer(tokenizerName).tokenize(line))
              .filter(words -> !words.isEmpty());
      FrequencyOrder order = FrequencyOrder.count(sentences, minCount);
      System.err.printf(
          Locale.ROOT,
          "mllib-baseline: %,d tokens, %,d words at min-count %d%n",
          order.tokens(),
          order.words().size(),
          minCount);

      Word2Vec word2vec =
          new Word2Vec()
              .setVectorSize(dim)
              .setWindowSize(window)
              .setMinCount(minCount)
              .setNumIterations(epochs)
              .setNumPartitions(partitions)
              .setSeed(seed)
              .setLearningRate(alpha)
              .setMaxSentenceLength(maxSentenceLength);
      long fitStart = System.nanoTime();
      Word2VecModel model = word2vec.fit(sentences);
      double fitSeconds = (System.nanoTime() - fitStart) / 1e9;

      Map<String, float[]> vectors = CollectionConverters.asJava(model.getVectors());
      write(order.words(), vectors);
      double seconds = (System.nanoTime() - started) / 1e9;
      // one line for scripts on standard output, as wordvec-spark's summary event
      System.out.printf(
          Locale.ROOT,
          "{\"event\":\"summary\",\"engine\":\"mllib\",\"partitions\":%d,\"epochs\":%d,"
              + "\"tokens\":%d,\"words\":%d,\"fitSeconds\":%.3f,\"seconds\":%.3f,"
              + "\"tokensPerSecondFit\":%.0f}%n",
          partitions,
          epochs,
          order.tokens(),
          vectors.size(),
          fitSeconds,
          seconds,
          order.tokens() * (double) epochs / fitSeconds);
      return 0;
    } catch (Exception e) {
      System.err.println("mllib-baseline: " + message(e));
      return 1;
    }
  }

  private SparkConf conf() {
    SparkConf conf =
        new SparkConf()
            .setMaster(master)
            .setAppName("MLlib Word2Vec baseline")
            .set("spark.ui.enabled", "false")
            // MLlib collects every partition's changed rows on the driver once per epoch
            .set("spark.driver.maxResultSize", "0");
    if (master.startsWith("local")) {
      conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
    }
    return conf;
  }

  private static Tokenizer tokenizer(String name) {
    return name.equals("normalizing") ? Tokenizer.normalizing() : Tokenizer.whitespace();
  }

  /** Writes word2vec text, most frequent word first, through a temporary file. */
  private void write(List<String> words, Map<String, float[]> vectors) throws IOException {
    if (words.size() != vectors.size()) {
      throw new IllegalStateException(
          "MLlib kept "
              + vectors.size()
              + " words, the count of the same tokens "
              + words.size()
              + ": the vocabularies differ");
    }
    Path absolute = output.toAbsolutePath();
    Path tmp =
        Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
    try {
      try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        out.write(words.size() + " " + dim + "\n");
        StringBuilder line = new StringBuilder();
        for (String word : words) {
          float[] vector = vectors.get(word);
          if (vector == null) {
            throw new IllegalStateException("MLlib's model has no vector for '" + word + "'");
          }
          line.setLength(0);
          line.append(word);
          for (float f : vector) {
            line.append(' ').append(f);
          }
          out.write(line.append('\n').toString());
        }
      }
      Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String message(Throwable e) {
    List<String> seen = new ArrayList<>();
    for (Throwable t = e; t != null && seen.size() < 4; t = t.getCause()) {
      if (t.getMessage() != null && !seen.contains(t.getMessage())) {
        seen.add(t.getMessage());
      }
    }
    return seen.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", seen);
  }

  /** Progress on a run that can take an hour: one line per finished Spark job (MLlib's epochs). */
  private static final class JobProgress extends SparkListener {
    private final long started;

    JobProgress(long started) {
      this.started = started;
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd jobEnd) {
      System.err.printf(
          Locale.ROOT,
          "mllib-baseline: Spark job %d ended, %.1f s in%n",
          jobEnd.jobId(),
          (System.nanoTime() - started) / 1e9);
    }
  }
}
