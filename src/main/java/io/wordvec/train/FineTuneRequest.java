package io.wordvec.train;

import io.wordvec.vocab.Tokenizer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a {@link TrainingEngine} needs to fine-tune a model.
 *
 * @param base the model to continue; it is not modified
 * @param corpus the new text file, one sentence per line, plain or gzip
 * @param options the fine-tuning settings
 * @param tokenizer how to split a line; null means {@link Tokenizer#whitespace()}
 * @param listener receives progress and epoch losses; null means {@link TrainingListener#NONE}
 * @param cancellation stops the run when cancelled; null means a token nobody cancels
 * @param workDirectory as {@link TrainingRequest#workDirectory()}
 */
public record FineTuneRequest(
    TrainedModel base,
    Path corpus,
    FineTuneOptions options,
    Tokenizer tokenizer,
    TrainingListener listener,
    CancellationToken cancellation,
    Path workDirectory) {

  public FineTuneRequest {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(options, "options");
    tokenizer = tokenizer == null ? Tokenizer.whitespace() : tokenizer;
    listener = listener == null ? TrainingListener.NONE : listener;
    cancellation = cancellation == null ? new CancellationToken() : cancellation;
  }

  /** No work directory: no checkpoints. */
  public FineTuneRequest(
      TrainedModel base,
      Path corpus,
      FineTuneOptions options,
      Tokenizer tokenizer,
      TrainingListener listener,
      CancellationToken cancellation) {
    this(base, corpus, options, tokenizer, listener, cancellation, null);
  }

  /** This request with a work directory for its checkpoints. */
  public FineTuneRequest withWorkDirectory(Path directory) {
    return new FineTuneRequest(base, corpus, options, tokenizer, listener, cancellation, directory);
  }

  /** A pre-tokenised corpus, no listener, no cancellation. */
  public FineTuneRequest(TrainedModel base, Path corpus, FineTuneOptions options) {
    this(base, corpus, options, null, null, null);
  }

  /** A pre-tokenised corpus. */
  public FineTuneRequest(
      TrainedModel base,
      Path corpus,
      FineTuneOptions options,
      TrainingListener listener,
      CancellationToken cancellation) {
    this(base, corpus, options, null, listener, cancellation);
  }
}
