package io.wordvec.spark;

import io.wordvec.train.BlockTrainer;
import io.wordvec.train.CancellationToken;
import io.wordvec.train.CorpusStats;
import io.wordvec.train.FineTuneRequest;
import io.wordvec.train.Kernel;
import io.wordvec.train.LearningRateSchedule;
import io.wordvec.train.LocalTrainingEngine;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingCancelledException;
import io.wordvec.train.TrainingConfig;
import io.wordvec.train.TrainingEngine;
import io.wordvec.train.TrainingListener;
import io.wordvec.train.TrainingPhase;
import io.wordvec.train.TrainingProgress;
import io.wordvec.train.TrainingRequest;
import io.wordvec.vocab.Vocabulary;
import io.wordvec.vocab.VocabularyBuilder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.spark.HashPartitioner;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.storage.StorageLevel;

/**
 * Trains on Apache Spark: the second implementation of the training seam ({@link TrainingEngine}).
 * Spark schedules and holds the data; the maths is wordvec's own kernel ({@link BlockTrainer}) in
 * the executors. See the package documentation for the design (vocabulary, sync rounds, merge).
 *
 * <p>Each {@link #train} call starts its own Spark context on {@link SparkSettings#master()} and
 * stops it at the end. Not supported yet: subwords, phrases, checkpoints and fine-tuning (they stay
 * on {@link LocalTrainingEngine}).
 *
 * <p>Limits: each partition trains on Java float arrays, one per matrix, so vocabulary x dimension
 * must stay under 2^31 - 8 floats (about 7.16M words at 300 dimensions; a larger model ends the run
 * with that message before the corpus is encoded). The driver's model and every broadcast are
 * chunked ({@link ModelState}) and the deltas collected in slices ({@link SyncRounds}), so no
 * array, broadcast or task result grows with the model beyond that.
 *
 * <p>Thread-safe as far as Spark allows: one active context per JVM, so calls must not overlap.
 *
 * <p>Why this class is long: it is the engine's one driver program, from the context's settings and
 * the cancellation watch through the corpus reading, the vocabulary and the encoding into blocks,
 * to the epochs; each step is a few Spark calls whose order matters, and the sync rounds themselves
 * live in {@link SyncRounds}.
 */
public final class SparkTrainingEngine implements TrainingEngine {

  /** Receives what each sync round cost, besides the usual {@link TrainingListener}. */
  @FunctionalInterface
  public interface SyncListener {

    SyncListener NONE = report -> {};

    /** A round ended and its deltas are merged into the model. */
    void onSync(SyncReport report);
  }

  /**
   * One sync round.
   *
   * @param epoch 1-based epoch
   * @param round 1-based round within the epoch
   * @param rounds rounds per epoch
   * @param wallSeconds the round from broadcast to merged model
   * @param trainSeconds the slowest partition's training time in the round
   * @param broadcastBytes the model sent to the partitions (uncompressed; sent once per executor)
   * @param resultBytes the deltas sent back by all partitions (uncompressed)
   * @param slices the slices of rows the deltas were collected and merged in (one Spark job each,
   *     unless {@code byReference})
   * @param byReference whether the model and the deltas were handed over by reference in the
   *     driver's JVM ({@link InJvmExchange}): the byte counts are then what a cluster would send
   */
  public record SyncReport(
      int epoch,
      int round,
      int rounds,
      double wallSeconds,
      double trainSeconds,
      long broadcastBytes,
      long resultBytes,
      int slices,
      boolean byReference) {

    /** Time of the round not spent training: broadcast, scheduling, results, merge. */
    public double syncSeconds() {
      return Math.max(0, wallSeconds - trainSeconds);
    }
  }

  private final SparkSettings settings;
  private final SyncListener syncs;

  public SparkTrainingEngine(SparkSettings settings, SyncListener syncs) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.syncs = syncs == null ? SyncListener.NONE : syncs;
  }

  public SparkTrainingEngine(SparkSettings settings) {
    this(settings, null);
  }

  @Override
  public TrainedModel train(TrainingRequest request) throws IOException {
    // Per pair always: partition averaging was measured with the per-pair kernel (BENCHMARKS.md,
    // "Training on Apache Spark"). With the batched kernel, the local skip-gram default, two
    // partitions of a small corpus agreed with a local model far less (0.21 against above 0.5 in
    // SparkTrainingEngineTests), so it stays local until it is measured on Spark.
    TrainingConfig config = request.config().validate().toBuilder().kernel(Kernel.PAIR).build();
    if (config.ngrams() != null) {
      throw new IllegalArgumentException(
          "the Spark engine does not train subword models yet; train them locally");
    }
    if (config.phraseOptions() != null) {
      throw new IllegalArgumentException(
          "the Spark engine does not detect phrases yet; train with phrases locally");
    }
    if (config.schedule() != LearningRateSchedule.LINEAR) {
      // Its rate follows the global word count; a per-worker saw-tooth has no meaning across
      // partitions that sync.
      throw new IllegalArgumentException(
          "the Spark engine trains with the "
              + LearningRateSchedule.LINEAR.id()
              + " learning-rate schedule only");
    }
    CancellationToken cancellation = request.cancellation();
    MasterCheck.requireReachable(settings.master());
    JavaSparkContext sc = start(config);
    String group = "wordvec-" + UUID.randomUUID();
    ExecutorWatch executors = ExecutorWatch.of(sc, settings.master());
    Thread watcher = watcher(sc, group, cancellation, executors);
    try {
      sc.setJobGroup(group, "wordvec training", true);
      return new Run(sc, config, request).train();
    } catch (TrainingCancelledException | IllegalArgumentException e) {
      if (cancellation.isCancelled()) {
        throw new TrainingCancelledException();
      }
      if (executors.failure() != null) {
        throw new IOException(executors.failure(), e);
      }
      throw e;
    } catch (Exception e) {
      // Spark throws its checked SparkException (and Hadoop's IOExceptions) undeclared.
      if (cancellation.isCancelled()) {
        throw new TrainingCancelledException();
      }
      if (executors.failure() != null) {
        throw new IOException(executors.failure(), e);
      }
      throw new IOException("Spark training failed: " + reason(e), e);
    } finally {
      watcher.interrupt();
      sc.stop();
    }
  }

  @Override
  public TrainedModel fineTune(FineTuneRequest request) {
    throw new UnsupportedOperationException(
        "the Spark engine does not fine-tune yet; fine-tune with the local engine");
  }

  private JavaSparkContext start(TrainingConfig config) {
    SparkConf conf =
        new SparkConf()
            .setMaster(settings.master())
            .setAppName("wordvec train")
            // The UI is a web server per run that nobody looks at in a batch job.
            .set("spark.ui.enabled", "false")
            .set("spark.task.cpus", Integer.toString(settings.taskThreads()))
            // Every job of a round collects K deltas of one slice of rows (SyncRounds): K x the
            // slice size (spark.wordvec.deltaSliceBytes, 96m by default), or K x the model if less.
            .set("spark.driver.maxResultSize", "0")
            // A delta up to this size comes back inside the task's status message; above Spark's
            // default (1 MB) it would be stored in the executor's block manager and fetched from
            // there in a second transfer (over loopback even in local mode). Capped by
            // spark.rpc.message.maxSize (128 MB by default): larger deltas still go that way.
            .set("spark.task.maxDirectResultSize", "128m")
            // The model broadcast every round is floats, which lz4 barely shrinks; compressing it
            // costs a pass over it on the driver and on every executor.
            .set("spark.broadcast.compress", "false");
    if (settings.master().startsWith("local")) {
      // In one JVM: no need to guess the machine's address (and warn about the guess).
      conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
      // Nobody fetches the broadcast's pieces here (tasks read the driver's own value), so their
      // checksums, a pass over the model every round, would never be checked.
      conf.set("spark.broadcast.checksum", "false");
    } else {
      conf.set("spark.executor.extraJavaOptions", String.join(" ", SparkJvm.FLAGS));
      List<String> jars = SparkJvm.applicationJars();
      if (!jars.isEmpty()) {
        conf.set("spark.jars", String.join(",", jars));
      }
    }
    for (Map.Entry<String, String> e : settings.conf().entrySet()) {
      conf.set(e.getKey(), e.getValue());
    }
    try {
      return new JavaSparkContext(conf);
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "cannot start Spark on master '" + settings.master() + "': " + reason(e), e);
    }
  }

  /**
   * Cancels the run's Spark jobs as soon as the token is cancelled, or once the cluster has had no
   * executor for too long ({@link ExecutorWatch}): Spark itself would wait for one forever.
   */
  private static Thread watcher(
      JavaSparkContext sc, String group, CancellationToken cancellation, ExecutorWatch executors) {
    Thread watcher =
        new Thread(
            () -> {
              try {
                while (!cancellation.isCancelled() && !executors.givenUp()) {
                  Thread.sleep(100);
                }
                sc.cancelJobGroup(group);
              } catch (InterruptedException done) {
                // the run ended first
              }
            },
            "wordvec-spark-watch");
    watcher.setDaemon(true);
    watcher.start();
    return watcher;
  }

  /** The deepest cause's message: Spark wraps task failures (with stack traces) several times. */
  static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      message = root.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** The corpus as Hadoop's file systems name it: a path without a scheme is a local file. */
  static org.apache.hadoop.fs.Path hadoopPath(Path corpus) {
    String text = corpus.toString();
    if (text.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:/.*")) {
      return new org.apache.hadoop.fs.Path(text);
    }
    return new org.apache.hadoop.fs.Path(corpus.toAbsolutePath().toUri());
  }

  /** The corpus as Spark reads it: a path without a scheme is a local (or shared) file. */
  static String corpusUri(Path corpus) {
    String text = corpus.toString();
    if (text.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:/.*")) {
      return text;
    }
    try {
      return new java.net.URI("file", null, corpus.toAbsolutePath().toString(), null).toString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("corpus path " + corpus + " is not a valid URI", e);
    }
  }

  /** One training: the state a {@link #train} call needs on the driver. */
  private final class Run {
    private final JavaSparkContext sc;
    private final TrainingConfig config;
    private final TrainingListener listener;
    private final CancellationToken cancellation;
    private final Path corpus;
    private final CorpusText text;
    private final long chunkBytes;
    private final long sliceBytes;

    Run(JavaSparkContext sc, TrainingConfig config, TrainingRequest request) {
      this.sc = sc;
      this.chunkBytes = SyncRounds.chunkBytes(sc);
      this.sliceBytes = SyncRounds.sliceBytes(sc);
      this.config = config;
      this.listener = request.listener();
      this.cancellation = request.cancellation();
      this.corpus = request.corpus();
      this.text = new CorpusText(source(corpus), request.tokenizer(), config);
    }

    private static String source(Path corpus) {
      return corpus.getFileName() == null ? corpus.toString() : corpus.getFileName().toString();
    }

    TrainedModel train() {
      int k = settings.partitions();
      int epochs = config.epochs();
      progress(TrainingPhase.VOCABULARY, 0, 0, 0, 0, config.alpha());
      // 1. One pass over the text, cached: each partition counts its words and keeps its tokens.
      JavaRDD<PartitionText> texts = texts(k).persist(StorageLevel.MEMORY_AND_DISK());

      // 2. Vocabulary: the partitions' counts merged by key, then built by the local builder.
      // Each partition's words are distinct already, so a combine on the map side would only sort
      // them; without it Spark writes each reducer's pairs straight out. Kryo for these pairs
      // alone, which Java serialization writes object by object. Together: the pass before the
      // first round took 0.3-0.6 s less on gutenberg-17m (BENCHMARKS.md, "Reading").
      JavaPairRDD<String, Long> counts =
          texts
              .flatMapToPair(CorpusText::counts)
              .combineByKey(
                  c -> c,
                  Long::sum,
                  Long::sum,
                  new HashPartitioner(k),
                  false,
                  new KryoSerializer(sc.getConf()));
      int minCount = config.minCount();
      List<VocabularySlice> slices =
          counts
              .mapPartitions(
                  it -> Collections.singletonList(VocabularySlice.of(it, minCount)).iterator())
              .collect();
      checkCancelled();
      VocabularyBuilder merged = new VocabularyBuilder(Integer.MAX_VALUE);
      long distinct = 0;
      for (VocabularySlice slice : slices) {
        distinct += slice.distinct();
        for (int i = 0; i < slice.words().length; i++) {
          merged.add(slice.words()[i], slice.counts()[i]);
        }
      }
      Vocabulary vocabulary = merged.build(minCount, config.maxVocab());
      if (vocabulary.size() < LocalTrainingEngine.MIN_VOCABULARY) {
        texts.unpersist(false);
        throw new IllegalArgumentException(
            vocabulary.size()
                + " word(s) of corpus "
                + source(corpus)
                + " reach minCount="
                + minCount
                + " ("
                + distinct
                + " distinct words), a model needs at least "
                + LocalTrainingEngine.MIN_VOCABULARY
                + "; lower minCount or use a larger corpus");
      }

      // Before the blocks are encoded: a model Java arrays cannot hold ends the run here.
      ModelState.requireArrays(vocabulary.size(), config.dimension());

      // 3. The corpus as id blocks, one per partition and round, from the cached tokens.
      Broadcast<VocabularyWords> vocabularyWords = sc.broadcast(VocabularyWords.of(vocabulary));
      long blockWords = Math.max(1, (settings.wordsPerSync() + k - 1) / k);
      JavaRDD<PartitionBlocks> blocks =
          texts
              .map(t -> CorpusText.blocks(t, vocabularyWords.value().toVocabulary(), blockWords))
              .persist(StorageLevel.MEMORY_AND_DISK());
      List<long[]> sizes =
          blocks
              .map(
                  p ->
                      new long[] {
                        p.blocks().size(), p.words(), p.sentences(), p.tokens(), p.truncatedTokens()
                      })
              .collect();
      // Not destroyed before the end: the cached blocks' lineage still names it.
      vocabularyWords.unpersist(false);
      texts.unpersist(false);
      checkCancelled();
      int rounds = 0;
      long retained = 0;
      long sentences = 0;
      long tokens = 0;
      long truncated = 0;
      for (long[] s : sizes) {
        rounds = (int) Math.max(rounds, s[0]);
        retained += s[1];
        sentences += s[2];
        tokens += s[3];
        truncated += s[4];
      }
      if (retained == 0) {
        throw new IllegalArgumentException(
            "corpus " + source(corpus) + " has no word of the vocabulary to train on");
      }

      // 4. Sync rounds: every partition trains its block from the same model; deltas are merged.
      int dim = config.dimension();
      Broadcast<BlockTrainer.Tables> tables =
          sc.broadcast(BlockTrainer.Tables.of(config, vocabulary.counts()));
      SyncRounds sync =
          new SyncRounds(
              sc,
              blocks,
              tables,
              ModelState.initial(vocabulary.size(), dim, config.seed(), chunkBytes),
              sizes.size(),
              settings.taskThreads(),
              sliceBytes,
              settings.merge(),
              syncs);
      long wordsTotal = retained * epochs;
      long wordsDone = 0;
      double trainingNanos = 0;
      try {
        for (int epoch = 1; epoch <= epochs; epoch++) {
          double loss = 0;
          long examples = 0;
          for (int round = 0; round < rounds; round++) {
            checkCancelled();
            long roundSeed = config.seed() * 0x2545F4914F6CDD1DL + epoch * 1_000_003L + round;
            SyncRounds.Round done =
                sync.run(epoch, round, rounds, roundSeed, wordsDone, wordsTotal);
            loss += done.loss();
            examples += done.examples();
            wordsDone += done.words();
            trainingNanos += done.wallNanos();
            progress(
                TrainingPhase.TRAINING,
                epoch,
                wordsDone,
                wordsTotal,
                wordsDone / (trainingNanos / 1e9),
                alphaAt(wordsDone, wordsTotal));
          }
          listener.onEpochEnd(epoch, loss, examples);
        }
      } finally {
        sync.close();
      }
      // The trained model's two matrices, as the local engine hands them over.
      long cells = (long) vocabulary.size() * dim;
      String what =
          "the trained model's two matrices ("
              + (4 * cells >> 20)
              + " MB each) beside the merged model: give the driver JVM a larger heap";
      float[] in = ModelState.matrix(cells, what);
      float[] out = ModelState.matrix(cells, what);
      sync.state().copyTo(in, out);
      blocks.unpersist(false);
      tables.destroy();
      vocabularyWords.destroy();
      return new TrainedModel(
          vocabulary,
          dim,
          in,
          out,
          config,
          new CorpusStats(source(corpus), sentences, tokens, retained, distinct, truncated),
          Instant.now(),
          Map.of());
    }

    /**
     * The text of {@code k} partitions, each read once. Plain files are cut into byte ranges that
     * the tasks read themselves ({@link CorpusFiles}, {@link SplitStream}); compressed ones, which
     * cannot be cut, go through Spark's text input (one task per file) and are spread over the
     * partitions by a shuffle of their lines.
     */
    private JavaRDD<PartitionText> texts(int k) {
      CorpusText reader = text;
      org.apache.hadoop.conf.Configuration hadoop = sc.hadoopConfiguration();
      List<List<TextSplit>> splits;
      try {
        splits = CorpusFiles.plan(hadoopPath(corpus), k, hadoop);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      if (splits == null) {
        JavaRDD<String> lines = sc.textFile(corpusUri(corpus), k);
        int have = lines.getNumPartitions();
        lines = have == k ? lines : have > k ? lines.coalesce(k) : lines.repartition(k);
        return lines.mapPartitionsWithIndex(
            (index, it) ->
                Collections.singletonList(reader.read(index, new LinesInputStream(it))).iterator(),
            true);
      }
      Broadcast<HadoopConf> conf = sc.broadcast(new HadoopConf(hadoop));
      return sc.parallelize(splits, k)
          .mapPartitionsWithIndex(
              (index, it) -> {
                List<TextSplit> mine = it.hasNext() ? it.next() : List.of();
                try (java.io.InputStream in = SplitStream.concat(mine, conf.value().get())) {
                  return Collections.singletonList(reader.read(index, in)).iterator();
                }
              },
              true);
    }

    private double alphaAt(long done, long total) {
      double progress = Math.min(1.0, (double) done / Math.max(1, total));
      return Math.max(
          config.minAlpha(), config.alpha() - (config.alpha() - config.minAlpha()) * progress);
    }

    private void progress(
        TrainingPhase phase, int epoch, long done, long expected, double rate, double alpha) {
      listener.onProgress(
          new TrainingProgress(phase, epoch, config.epochs(), done, expected, rate, alpha));
    }

    private void checkCancelled() {
      if (cancellation.isCancelled()) {
        throw new TrainingCancelledException();
      }
    }
  }
}
