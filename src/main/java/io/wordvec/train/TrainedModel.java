package io.wordvec.train;

import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The full state of a trained model: everything needed to serve it and to continue training it.
 *
 * <p>Naming: {@code inputVectors} is word2vec.c's {@code syn0} (the word vectors users query),
 * {@code outputVectors} is {@code syn1neg} (the negative-sampling output weights). Both are flat
 * row-major matrices of {@code vocabulary.size() * dimension} floats, row = word id.
 *
 * <p>Ownership: the model owns its arrays; nobody may write to them after construction. {@link
 * #wordVectors()} shares {@code inputVectors} rather than copying it.
 *
 * @param vocabulary words with their corpus counts
 * @param dimension vector size
 * @param inputVectors word vectors, {@code vocabulary.size() * dimension}
 * @param outputVectors negative-sampling output weights, same shape
 * @param config the settings that produced the model
 * @param corpus statistics of the (last) training corpus
 * @param createdAt when training finished
 * @param evaluation evaluation scores by name (e.g. {@code "analogy"}, {@code "wordsim353"})
 */
public record TrainedModel(
    Vocabulary vocabulary,
    int dimension,
    float[] inputVectors,
    float[] outputVectors,
    TrainingConfig config,
    CorpusStats corpus,
    Instant createdAt,
    Map<String, Double> evaluation) {

  public TrainedModel {
    Objects.requireNonNull(vocabulary, "vocabulary");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(createdAt, "createdAt");
    evaluation = Map.copyOf(evaluation);
    long expected = (long) vocabulary.size() * dimension;
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be > 0, was " + dimension);
    }
    if (inputVectors.length != expected || outputVectors.length != expected) {
      throw new IllegalArgumentException(
          "matrix size mismatch: vocabulary "
              + vocabulary.size()
              + " x dimension "
              + dimension
              + " = "
              + expected
              + ", input "
              + inputVectors.length
              + ", output "
              + outputVectors.length);
    }
  }

  /**
   * A model from its matrices and its training metadata.
   *
   * @throws IllegalArgumentException if the matrices do not have {@code vocabulary.size() *
   *     dimension} floats each
   */
  public TrainedModel(
      Vocabulary vocabulary,
      int dimension,
      float[] inputVectors,
      float[] outputVectors,
      TrainingInfo info) {
    this(
        vocabulary,
        dimension,
        inputVectors,
        outputVectors,
        info.config(),
        info.corpus(),
        info.createdAt(),
        info.evaluation());
  }

  /** The training metadata of this model, without its matrices. */
  public TrainingInfo info() {
    return new TrainingInfo(config, corpus, createdAt, evaluation);
  }

  /** The queryable vectors of this model (sharing {@code inputVectors}). */
  public WordVectors wordVectors() {
    return new WordVectors(vocabulary, dimension, inputVectors);
  }

  /** A copy with other evaluation scores. */
  public TrainedModel withEvaluation(Map<String, Double> scores) {
    return new TrainedModel(
        vocabulary, dimension, inputVectors, outputVectors, config, corpus, createdAt, scores);
  }
}
