package io.wordvec.train;

import io.wordvec.vectors.NgramVectors;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.CharNgrams;
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
 * <p>A subword model ({@code config.ngrams()} not null) also has {@code ngramVectors}, the input
 * rows of its character n-grams ({@code bucket x dimension}); a word's input vector is then the
 * mean of its own row and its n-grams' rows, and {@link #wordVectors()} serves those means.
 *
 * <p>Ownership: the model owns its arrays; nobody may write to them after construction. {@link
 * #wordVectors()} shares {@code inputVectors} rather than copying it (except for a subword model,
 * whose served vectors are computed).
 *
 * @param vocabulary words with their corpus counts
 * @param dimension vector size
 * @param inputVectors word vectors, {@code vocabulary.size() * dimension}
 * @param outputVectors negative-sampling output weights, same shape
 * @param config the settings that produced the model
 * @param corpus statistics of the (last) training corpus
 * @param createdAt when training finished
 * @param evaluation evaluation scores by name (e.g. {@code "analogy"}, {@code "wordsim353"})
 * @param ngramVectors a subword model's n-gram input rows, {@code bucket * dimension}; null for a
 *     model without subwords
 */
public record TrainedModel(
    Vocabulary vocabulary,
    int dimension,
    float[] inputVectors,
    float[] outputVectors,
    TrainingConfig config,
    CorpusStats corpus,
    Instant createdAt,
    Map<String, Double> evaluation,
    float[] ngramVectors) {

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
    CharNgrams ngrams = config.ngrams();
    long expectedNgrams = ngrams == null ? 0 : (long) ngrams.bucket() * dimension;
    if ((ngramVectors == null ? 0 : ngramVectors.length) != expectedNgrams
        || (ngrams != null) != (ngramVectors != null)) {
      throw new IllegalArgumentException(
          "the n-gram rows ("
              + (ngramVectors == null ? "none" : ngramVectors.length + " floats")
              + ") do not match the config's n-grams ("
              + (ngrams == null ? "none" : ngrams)
              + ")");
    }
  }

  /** A model without subwords. */
  public TrainedModel(
      Vocabulary vocabulary,
      int dimension,
      float[] inputVectors,
      float[] outputVectors,
      TrainingConfig config,
      CorpusStats corpus,
      Instant createdAt,
      Map<String, Double> evaluation) {
    this(
        vocabulary,
        dimension,
        inputVectors,
        outputVectors,
        config,
        corpus,
        createdAt,
        evaluation,
        null);
  }

  /**
   * A model from its matrices and its training metadata, with a subword model's n-gram rows.
   *
   * @param ngramVectors {@code bucket * dimension} floats when {@code info.config().ngrams()} is
   *     not null, else null
   */
  public TrainedModel(
      Vocabulary vocabulary,
      int dimension,
      float[] inputVectors,
      float[] outputVectors,
      TrainingInfo info,
      float[] ngramVectors) {
    this(
        vocabulary,
        dimension,
        inputVectors,
        outputVectors,
        info.config(),
        info.corpus(),
        info.createdAt(),
        info.evaluation(),
        ngramVectors);
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
    this(vocabulary, dimension, inputVectors, outputVectors, info, null);
  }

  /** The training metadata of this model, without its matrices. */
  public TrainingInfo info() {
    return new TrainingInfo(config, corpus, createdAt, evaluation);
  }

  /**
   * The queryable vectors of this model: sharing {@code inputVectors}, or for a subword model the
   * mean of each word's row and its n-grams' rows, with the n-gram rows for words outside the
   * vocabulary.
   */
  public WordVectors wordVectors() {
    NgramVectors ngrams = ngrams();
    if (ngrams == null) {
      return new WordVectors(vocabulary, dimension, inputVectors);
    }
    float[] served = new float[inputVectors.length];
    float[] scratch = new float[dimension];
    for (int i = 0; i < vocabulary.size(); i++) {
      ngrams.compose(
          vocabulary.word(i), inputVectors, i * dimension, served, i * dimension, scratch);
    }
    return new WordVectors(vocabulary, dimension, served).withSubwords(ngrams);
  }

  /** A subword model's n-gram rows (sharing {@code ngramVectors}), or null. */
  public NgramVectors ngrams() {
    return ngramVectors == null
        ? null
        : NgramVectors.onHeap(config.ngrams(), dimension, ngramVectors);
  }

  /** A copy with other evaluation scores. */
  public TrainedModel withEvaluation(Map<String, Double> scores) {
    return new TrainedModel(
        vocabulary,
        dimension,
        inputVectors,
        outputVectors,
        config,
        corpus,
        createdAt,
        scores,
        ngramVectors);
  }
}
