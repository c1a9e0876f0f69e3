package io.wordvec.jobs;

import io.wordvec.train.TrainedModel;
import io.wordvec.vectors.WordVectors;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What jobs need from the served models: look up, load for fine-tuning, publish a result. */
interface ModelCatalog {

  /** Whether a model of this name is registered (or its file exists in the models directory). */
  boolean exists(String name);

  /** Whether a model of this name is served (loaded), so that it can be indexed. */
  default boolean isServed(String name) {
    return exists(name);
  }

  /**
   * Builds the approximate neighbour index of served model {@code name} beside its file and makes
   * the model answer from it.
   *
   * @throws java.util.concurrent.CancellationException if {@code listener} cancelled the build
   * @throws IOException if the index cannot be written or opened
   */
  default void buildIndex(
      String name,
      io.wordvec.index.HnswParameters parameters,
      io.wordvec.index.IndexBuildListener listener)
      throws IOException {
    throw new UnsupportedOperationException("this catalog cannot build indexes");
  }

  /**
   * Whether the model carries its full training state (output vectors, counts), which fine-tuning
   * needs; models read from word2vec or fastText files hold word vectors only.
   */
  boolean canFineTune(String name);

  /**
   * What a served model trained by this service says about itself.
   *
   * @param createdAt when its training finished
   * @param words its vocabulary size
   * @param evaluation its evaluation scores
   * @param corpus statistics of its training corpus, or null when its file does not record them
   */
  record Trained(
      Instant createdAt,
      int words,
      Map<String, Double> evaluation,
      io.wordvec.train.CorpusStats corpus) {}

  /** The training facts of served model {@code name}; empty if not served or not trained here. */
  default Optional<Trained> trained(String name) {
    return Optional.empty();
  }

  /**
   * Makes served model {@code name} the default, remembering it for the next start.
   *
   * @throws IllegalArgumentException (or a not-found problem) if no such model is served
   */
  default void activate(String name) {
    throw new UnsupportedOperationException("this catalog cannot activate models");
  }

  /** The real name of the current default model, if there is one. */
  Optional<String> defaultName();

  /**
   * The full state of a registered model (input and output vectors, counts), for fine-tuning.
   * Served models do not keep their output vectors in memory: this reads the model's file, so call
   * it on the job's thread, never while answering a request.
   *
   * @throws IllegalArgumentException if there is no such model, or it holds only word vectors
   * @throws IllegalStateException if the model's file vanished or no longer holds the served model
   */
  TrainedModel load(String name) throws IOException;

  /**
   * Saves {@code model} atomically into the models directory and registers it; with {@code
   * activate} it then becomes the default model in one atomic swap.
   *
   * @param vectors {@code model.wordVectors()}, already built by the caller
   */
  void publish(String name, TrainedModel model, WordVectors vectors, boolean activate)
      throws IOException;
}
