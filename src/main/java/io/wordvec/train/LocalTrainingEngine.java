package io.wordvec.train;

import io.wordvec.phrases.PhraseOptions;
import io.wordvec.phrases.Phrases;
import io.wordvec.vectors.NgramVectors;
import io.wordvec.vocab.CorpusReader;
import io.wordvec.vocab.TokenSource;
import io.wordvec.vocab.Tokenizer;
import io.wordvec.vocab.Vocabulary;
import io.wordvec.vocab.VocabularyBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Trains in this JVM: skip-gram or CBOW with negative sampling, on {@code config.threads()}
 * lock-free worker threads.
 *
 * <p>With phrases ({@link TrainingConfig#phraseOptions()}) each detection pass streams the corpus
 * first, and the vocabulary pass below reads it with the phrases joined (one sentence in memory at
 * a time). Then the corpus is read once: the vocabulary pass also encodes it to word ids in a
 * temporary file ({@link EncodedCorpus}) that the epochs read back, so the text is never parsed
 * twice. The calling thread reports progress to the listener (a few times per second, plus once per
 * epoch) and returns when the model is complete. With one thread and a fixed seed the result is
 * bit-identical from run to run.
 *
 * <p>Given a work directory ({@link TrainingRequest#workDirectory()}), a run keeps its encoded
 * corpus there and writes a {@link TrainingCheckpoint} after every epoch; a run of the same request
 * that finds a checkpoint there continues after its epoch, with the same result as a run that never
 * stopped. The caller owns the directory and deletes it when it no longer needs to resume.
 *
 * <p>Stateless and thread-safe: every call is an independent {@link TrainingRun}.
 */
public final class LocalTrainingEngine implements TrainingEngine {

  /** The fewest words a trained vocabulary may have: a corpus yielding fewer fails. */
  public static final int MIN_VOCABULARY = 2;

  @Override
  public TrainedModel train(TrainingRequest request) throws IOException {
    TrainingConfig config = request.config().validate();
    RunMonitor monitor =
        new RunMonitor(request.listener(), request.cancellation(), config.epochs());
    TokenSource reader =
        withPhrases(reader(request.corpus(), request.tokenizer(), config), config, monitor);
    Path work = prepare(request.workDirectory());
    try (EncodedCorpus corpus =
        encode(
            reader,
            (counts, source) -> fromScratch(counts, config, source),
            monitor,
            work,
            config.threads())) {
      monitor.checkCancelled();
      Vocabulary vocabulary = corpus.vocabulary();
      int dim = config.dimension();
      int cells = matrixSize(vocabulary.size(), dim);
      int ngramCells = config.ngrams() == null ? 0 : matrixSize(config.ngrams().bucket(), dim);
      TrainingCheckpoint checkpoint =
          checkpoint(work, config, corpus, InputLock.NONE, cells, ngramCells);
      float[] inputVectors;
      float[] outputVectors;
      float[] ngramVectors = null;
      if (checkpoint != null) {
        inputVectors = checkpoint.inputVectors();
        outputVectors = checkpoint.outputVectors();
        ngramVectors = checkpoint.ngramVectors();
      } else {
        inputVectors = new float[cells];
        outputVectors = new float[cells];
        initInputRows(inputVectors, 0, vocabulary.size(), dim, config.seed());
        if (config.ngrams() != null) {
          ngramVectors = new float[ngramCells];
          initInputRows(ngramVectors, 0, config.ngrams().bucket(), dim, ~config.seed());
        }
      }
      return new TrainingRun(
              config,
              corpus,
              inputVectors,
              outputVectors,
              InputLock.NONE,
              ngramVectors,
              monitor,
              work,
              checkpoint)
          .run();
    }
  }

  @Override
  public TrainedModel fineTune(FineTuneRequest request) throws IOException {
    FineTuneOptions options = request.options().validate();
    TrainedModel base = request.base();
    TrainingConfig config = options.applyTo(base.config());
    if (config.dimension() != base.dimension()) {
      throw new IllegalArgumentException(
          "base model config says dimension "
              + config.dimension()
              + " but its vectors have "
              + base.dimension());
    }
    Vocabulary baseVocabulary = base.vocabulary();
    int baseSize = baseVocabulary.size();
    RunMonitor monitor =
        new RunMonitor(request.listener(), request.cancellation(), config.epochs());
    TokenSource reader =
        withPhrases(reader(request.corpus(), request.tokenizer(), config), config, monitor);
    Path work = prepare(request.workDirectory());
    try (EncodedCorpus corpus =
        encode(
            reader,
            (counts, source) -> merge(baseVocabulary, counts, config.minCount()),
            monitor,
            work,
            config.threads())) {
      monitor.checkCancelled();
      Vocabulary vocabulary = corpus.vocabulary();
      int dim = config.dimension();
      int cells = matrixSize(vocabulary.size(), dim);
      InputLock lock = new InputLock(baseSize, (float) options.lockFactor());
      int ngramCells = base.ngramVectors() == null ? 0 : base.ngramVectors().length;
      TrainingCheckpoint checkpoint = checkpoint(work, config, corpus, lock, cells, ngramCells);
      float[] inputVectors;
      float[] outputVectors;
      float[] ngramVectors = null;
      if (checkpoint != null) {
        inputVectors = checkpoint.inputVectors();
        outputVectors = checkpoint.outputVectors();
        ngramVectors = checkpoint.ngramVectors();
      } else {
        // Copies: the base model's arrays are never written.
        inputVectors = Arrays.copyOf(base.inputVectors(), cells);
        outputVectors = Arrays.copyOf(base.outputVectors(), cells);
        initInputRows(inputVectors, baseSize, vocabulary.size(), dim, config.seed());
        if (base.ngramVectors() != null) {
          ngramVectors = base.ngramVectors().clone();
          startFromNgrams(inputVectors, baseSize, vocabulary, base.ngrams());
        }
      }
      return new TrainingRun(
              config,
              corpus,
              inputVectors,
              outputVectors,
              lock,
              ngramVectors,
              monitor,
              work,
              checkpoint)
          .run();
    }
  }

  private static CorpusReader reader(Path corpus, Tokenizer tokenizer, TrainingConfig config) {
    return new CorpusReader(corpus, tokenizer, config.maxSentenceLength(), config.maxWordBytes());
  }

  /**
   * The corpus as training reads it: with the phrases of {@code config} joined, after the detection
   * passes (each a streaming read of the corpus, reported as vocabulary progress), or as it is.
   */
  private static TokenSource withPhrases(
      CorpusReader reader, TrainingConfig config, RunMonitor monitor) throws IOException {
    PhraseOptions options = config.phraseOptions();
    if (options == null) {
      return reader;
    }
    Phrases phrases =
        Phrases.learn(
            reader,
            options,
            (pass, tokens, estimate) -> {
              monitor.checkCancelled();
              monitor.vocabulary(tokens, estimate);
            });
    monitor.checkCancelled();
    return phrases.rewrite(reader);
  }

  /**
   * The vocabulary pass, reporting its progress and stopping when the run is cancelled; the corpus
   * is read in up to {@code threads} parts at once.
   */
  private static EncodedCorpus encode(
      TokenSource reader,
      EncodedCorpus.VocabularyRule rule,
      RunMonitor monitor,
      Path work,
      int threads)
      throws IOException {
    monitor.vocabulary(0, 0);
    return EncodedCorpus.encode(
        reader,
        rule,
        (tokens, estimate) -> {
          monitor.checkCancelled();
          monitor.vocabulary(tokens, estimate);
        },
        work,
        threads);
  }

  /** Creates the work directory, and clears what a run that died in it left; null stays null. */
  private static Path prepare(Path work) throws IOException {
    if (work != null) {
      Files.createDirectories(work);
      TrainingCheckpoint.removeLeftovers(work);
    }
    return work;
  }

  /**
   * The checkpoint this run continues from: the one in the work directory if it belongs to this
   * very run (same config, vocabulary, lock and worker count); otherwise null, and the run starts
   * over.
   */
  private static TrainingCheckpoint checkpoint(
      Path work,
      TrainingConfig config,
      EncodedCorpus corpus,
      InputLock lock,
      int cells,
      int ngramCells) {
    if (work == null) {
      return null;
    }
    try {
      return TrainingCheckpoint.read(
              work, TrainingRun.fingerprint(config, corpus, lock), cells, ngramCells)
          .filter(c -> c.workers().length == TrainingRun.workerCount(config, corpus))
          .filter(c -> c.epochsDone() <= config.epochs())
          .orElse(null);
    } catch (IOException e) {
      // an unreadable checkpoint costs the epochs it held, not the run
      return null;
    }
  }

  /** Plain training: the vocabulary of the corpus alone. */
  private static Vocabulary fromScratch(
      VocabularyBuilder counts, TrainingConfig config, String source) {
    Vocabulary vocabulary = counts.build(config.minCount(), config.maxVocab());
    // One word has no neighbour to be told apart from: a model of it answers nothing.
    if (vocabulary.size() < MIN_VOCABULARY) {
      throw new IllegalArgumentException(
          (vocabulary.size() == 0
                  ? "no word of corpus " + source + " reaches"
                  : "only 1 word of corpus " + source + " reaches")
              + " minCount="
              + config.minCount()
              + " ("
              + counts.size()
              + " distinct words, "
              + counts.tokens()
              + " tokens), a model needs at least "
              + MIN_VOCABULARY
              + "; lower minCount or use a larger corpus");
    }
    return vocabulary;
  }

  /**
   * Fine-tuning: the base vocabulary with its ids and counts plus this corpus' counts, followed by
   * the new words that reach {@code minCount} in this corpus, most frequent first.
   */
  private static Vocabulary merge(Vocabulary base, VocabularyBuilder counts, int minCount) {
    Vocabulary fresh = counts.build(minCount, 0);
    int added = 0;
    for (int i = 0; i < fresh.size(); i++) {
      if (!base.contains(fresh.word(i))) {
        added++;
      }
    }
    String[] words = new String[base.size() + added];
    long[] merged = new long[words.length];
    for (int i = 0; i < base.size(); i++) {
      words[i] = base.word(i);
      merged[i] = base.count(i) + counts.count(words[i]);
    }
    int next = base.size();
    for (int i = 0; i < fresh.size(); i++) {
      if (!base.contains(fresh.word(i))) {
        words[next] = fresh.word(i);
        merged[next] = fresh.count(i);
        next++;
      }
    }
    return new Vocabulary(words, merged);
  }

  /** Rows x dim as an array length, or a clear error when Java arrays cannot hold it. */
  private static int matrixSize(int rows, int dim) {
    long cells = (long) rows * dim;
    if (cells > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "vocabulary of "
              + rows
              + " words x dimension "
              + dim
              + " exceeds the largest matrix ("
              + (Integer.MAX_VALUE - 8)
              + " floats); lower dimension or maxVocab, or raise minCount");
    }
    return (int) cells;
  }

  /**
   * Fine-tuning a subword model: a new word starts from its n-gram vector (the vector the model
   * gave it before it joined the vocabulary), so that its served vector, the mean of its own row
   * and its n-grams' rows, starts there too. A word without n-grams keeps its random row.
   */
  private static void startFromNgrams(
      float[] inputVectors, int fromRow, Vocabulary vocabulary, NgramVectors ngrams) {
    int dim = ngrams.dimension();
    for (int i = fromRow; i < vocabulary.size(); i++) {
      float[] start = ngrams.vector(vocabulary.word(i));
      if (start != null) {
        System.arraycopy(start, 0, inputVectors, i * dim, dim);
      }
    }
  }

  /** word2vec's initialisation: input rows uniform in [-0.5/dim, 0.5/dim) (output rows stay 0). */
  static void initInputRows(float[] inputVectors, int fromRow, int toRow, int dim, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = fromRow * dim, end = toRow * dim; i < end; i++) {
      inputVectors[i] = (float) ((random.nextDouble() - 0.5) / dim);
    }
  }
}
