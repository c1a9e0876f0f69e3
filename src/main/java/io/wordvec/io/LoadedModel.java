package io.wordvec.io;

import io.wordvec.phrases.PhraseJoiner;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingInfo;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Tokenizer;
import io.wordvec.vocab.Vocabulary;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ModelFiles#load} or {@link ModelFiles#loadForServing} read from a file.
 *
 * <p>A full native model read for serving has its {@linkplain #training() training metadata} but no
 * {@linkplain #trained() trained model}: its output matrix was left in the file, and whoever needs
 * it (fine-tuning) reads the file again with {@link ModelFiles#load(Path)}.
 *
 * @param file the file
 * @param format its format
 * @param vectors the queryable vectors
 * @param trainedModel the full model (output weights, config, corpus statistics) when the format
 *     stores one and it was loaded, else null; see {@link #trained()}
 * @param trainingInfo how the model was trained, when the file says so (a full native model), else
 *     null; taken from {@code trainedModel} when that is given and this is null; see {@link
 *     #training()}
 */
public record LoadedModel(
    Path file,
    VectorFormat format,
    WordVectors vectors,
    TrainedModel trainedModel,
    TrainingInfo trainingInfo) {

  /**
   * Takes {@code trainingInfo} from {@code trainedModel} when only the latter is given.
   *
   * @throws IllegalArgumentException if both are given and {@code trainingInfo} is not {@code
   *     trainedModel}'s
   */
  public LoadedModel {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(vectors, "vectors");
    if (trainedModel != null) {
      TrainingInfo own = trainedModel.info();
      if (trainingInfo == null) {
        trainingInfo = own;
      } else if (!trainingInfo.equals(own)) {
        throw new IllegalArgumentException(
            "training info " + trainingInfo + " is not the trained model's " + own);
      }
    }
  }

  /** A model with its full state, or vectors only when {@code trainedModel} is null. */
  public LoadedModel(
      Path file, VectorFormat format, WordVectors vectors, TrainedModel trainedModel) {
    this(file, format, vectors, trainedModel, null);
  }

  /**
   * The full model, present only for the native format (which can be fine-tuned) when it was loaded
   * with its output matrix ({@link ModelFiles#load}, not {@link ModelFiles#loadForServing}).
   */
  public Optional<TrainedModel> trained() {
    return Optional.ofNullable(trainedModel);
  }

  /**
   * The phrase-detection passes the model was trained with ({@code new_york} tokens), 0 when it was
   * trained without phrases or is a plain vector file.
   */
  public int phrasePasses() {
    return trainingInfo == null ? 0 : trainingInfo.config().phrases();
  }

  /**
   * Query tokens with the phrases this model knows joined, left to right, longest first ({@code
   * [new, york, city]} becomes {@code [new_york, city]} when the vocabulary has {@code new_york}),
   * for a model trained with phrases; the tokens as they are for any other model.
   */
  public List<String> joinPhrases(List<String> tokens) {
    int passes = phrasePasses();
    if (passes == 0 || tokens.size() < 2) {
      return tokens;
    }
    Vocabulary vocabulary = vectors.vocabulary();
    return new PhraseJoiner(word -> vocabulary.id(word) >= 0, PhraseJoiner.maxWords(passes))
        .join(tokens);
  }

  /**
   * The phrase of the model's vocabulary that a query word of several words stands for ({@code "New
   * York"} gives {@code new_york}), for a model trained with phrases: the word's tokens joined as
   * {@link #joinPhrases} joins text, split on whitespace as written, else as the normalising
   * tokenizer splits and lowercases them. Null when the model has no phrases or the word is not one
   * phrase it knows.
   */
  public String phraseFor(String word) {
    if (phrasePasses() == 0) {
      return null;
    }
    for (Tokenizer tokenizer : List.of(Tokenizer.whitespace(), Tokenizer.normalizing())) {
      List<String> tokens = tokenizer.tokenize(word);
      if (tokens.size() >= 2) {
        List<String> joined = joinPhrases(tokens);
        if (joined.size() == 1) {
          return joined.get(0);
        }
      }
    }
    return null;
  }

  /**
   * How the model was trained: present for every full native model, whether or not its output
   * matrix was loaded; empty for plain vector files.
   */
  public Optional<TrainingInfo> training() {
    return Optional.ofNullable(trainingInfo);
  }

  /**
   * Whether the vocabulary's counts are real corpus counts: true for a model trained (or
   * fine-tuned) here, which carries its {@linkplain #training() training metadata}. word2vec and
   * fastText files store no counts (their loaders fill in stand-ins derived from the rank), and a
   * native file converted from one keeps those stand-ins, so neither has real counts, whatever the
   * file format. The one place that decides it: whatever shows counts or weighs words by frequency
   * asks this.
   */
  public boolean hasCorpusCounts() {
    return trainingInfo != null && vectors.vocabulary().totalCount() > 0;
  }

  /**
   * This model without its trained model, so that the output matrix is not kept alive by it; the
   * vectors and the training metadata stay. Returns this when there is nothing to drop.
   */
  public LoadedModel withoutOutput() {
    return trainedModel == null ? this : new LoadedModel(file, format, vectors, null, trainingInfo);
  }
}
