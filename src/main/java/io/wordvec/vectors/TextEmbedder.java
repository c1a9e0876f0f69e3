package io.wordvec.vectors;

import io.wordvec.vocab.Vocabulary;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One vector for a whole text, from the vectors of its tokens: the mean of the known tokens' unit
 * vectors, or with {@link Weighting#SIF} the same mean with each vector weighted by smooth inverse
 * frequency, {@code a / (a + p(w))} with {@code a = }{@value #SIF_A} (Arora, Liang and Ma 2017,
 * without their removal of the common component). Unknown tokens are skipped and reported.
 *
 * <p>{@code p(w)} is the word's share of the training corpus when the model has real corpus counts
 * (a model trained here). Plain vector files have none (their loaders fill in counts derived from
 * the rank), so {@code p(w)} is then estimated from the frequency rank by Zipf's law: {@code p(r) =
 * 1 / (r * H(n))}, with {@code H(n)} the n-th harmonic number of a vocabulary of {@code n} words.
 *
 * <p>Immutable and thread-safe.
 */
public final class TextEmbedder {

  /** Arora et al.'s smoothing constant for SIF weights, {@code a / (a + p(w))}. */
  public static final double SIF_A = 1e-3;

  /** The Euler-Mascheroni constant, for the harmonic number in the Zipf estimate. */
  private static final double EULER_GAMMA = 0.5772156649;

  /** How the tokens' unit vectors are weighted in the mean. */
  public enum Weighting {
    /** Every known token counts once. */
    MEAN,
    /** Smooth inverse frequency: frequent words count less. */
    SIF
  }

  /**
   * The embedding of one text.
   *
   * @param tokens how many tokens the text has
   * @param known how many of them the model knows
   * @param fromNgrams how many of them are outside the vocabulary and got their n-gram vector
   * @param unknown the distinct tokens without a vector (skipped), in order of appearance
   * @param oov the distinct tokens outside the vocabulary that got their n-gram vector (a subword
   *     model, with n-grams asked for), in order of appearance; they contribute like known tokens
   * @param vector the (weighted) sum of the contributing tokens' unit vectors divided by their
   *     number; all zeros when no token contributes
   */
  public record Embedding(
      int tokens,
      int known,
      int fromNgrams,
      List<String> unknown,
      List<String> oov,
      float[] vector) {

    /** How many tokens contributed to the vector: {@code known + fromNgrams}. */
    public int contributing() {
      return known + fromNgrams;
    }

    /** A copy of {@link #vector()} scaled to unit length; all zeros when no token is known. */
    public float[] unitVector() {
      float[] unit = vector.clone();
      float norm = VectorMath.norm(unit, 0, unit.length);
      if (norm > 0) {
        VectorMath.scale(1f / norm, unit, 0, unit.length);
      }
      return unit;
    }
  }

  private final WordVectors vectors;
  private final boolean corpusCounts;

  /**
   * @param vectors the model's vectors
   * @param corpusCounts whether the vocabulary's counts are real corpus counts (a model trained
   *     here), not stand-ins derived from the rank; decides how SIF estimates {@code p(w)}
   */
  public TextEmbedder(WordVectors vectors, boolean corpusCounts) {
    this.vectors = Objects.requireNonNull(vectors, "vectors");
    this.corpusCounts = corpusCounts;
  }

  /**
   * Embeds one tokenised text.
   *
   * @param tokens the text's tokens, as the vocabulary spells words
   * @param weighting mean or SIF
   */
  public Embedding embed(List<String> tokens, Weighting weighting) {
    return embed(tokens, weighting, false);
  }

  /**
   * Embeds one tokenised text, optionally looking tokens up with {@link
   * Vocabulary#idWithCaseFallback} (as written, then lower case, then Title case).
   *
   * @param tokens the text's tokens
   * @param weighting mean or SIF
   * @param caseFallback whether an unknown token is tried in lower and Title case
   */
  public Embedding embed(List<String> tokens, Weighting weighting, boolean caseFallback) {
    return embed(tokens, weighting, caseFallback, false);
  }

  /**
   * Embeds one tokenised text; with {@code ngrams}, a token outside the vocabulary of a subword
   * model contributes its n-gram vector ({@link WordVectors#ngramVector}), normalised, with SIF
   * weight 1 (a word too rare to be in the vocabulary has {@code p(w)} near 0).
   *
   * @param tokens the text's tokens
   * @param weighting mean or SIF
   * @param caseFallback whether an unknown token is tried in lower and Title case
   * @param ngrams whether unknown tokens get their n-gram vectors (when the model has n-grams)
   */
  public Embedding embed(
      List<String> tokens, Weighting weighting, boolean caseFallback, boolean ngrams) {
    Objects.requireNonNull(weighting, "weighting");
    Vocabulary vocabulary = vectors.vocabulary();
    int dim = vectors.dimension();
    float[] unit = new float[dim];
    float[] sum = new float[dim];
    Set<String> unknown = new LinkedHashSet<>();
    Set<String> oov = new LinkedHashSet<>();
    int known = 0;
    int fromNgrams = 0;
    for (String token : tokens) {
      int id = caseFallback ? vocabulary.idWithCaseFallback(token) : vocabulary.id(token);
      if (id < 0) {
        float[] raw = ngrams ? vectors.ngramVector(token).orElse(null) : null;
        if (raw == null) {
          unknown.add(token);
          continue;
        }
        oov.add(token);
        fromNgrams++;
        UnitRows.toUnitLength(raw, 0, dim);
        VectorMath.axpy(1f, raw, 0, sum, 0, dim);
        continue;
      }
      known++;
      float weight = weighting == Weighting.SIF ? (float) sifWeight(id) : 1f;
      vectors.unitRow(id, unit, 0);
      VectorMath.axpy(weight, unit, 0, sum, 0, dim);
    }
    if (known + fromNgrams > 0) {
      VectorMath.scale(1f / (known + fromNgrams), sum, 0, dim);
    }
    return new Embedding(
        tokens.size(), known, fromNgrams, List.copyOf(unknown), List.copyOf(oov), sum);
  }

  /** The SIF weight {@code a / (a + p(w))} of word {@code id}; see the class comment. */
  public double sifWeight(int id) {
    return sifWeight(vectors.vocabulary(), id, corpusCounts);
  }

  /**
   * The SIF weight {@code a / (a + p(w))} of word {@code id} of {@code vocabulary}: {@code p(w)} is
   * its relative frequency when {@code corpusCounts}, else the Zipf estimate from its rank.
   */
  public static double sifWeight(Vocabulary vocabulary, int id, boolean corpusCounts) {
    double p;
    if (corpusCounts) {
      p = (double) vocabulary.count(id) / vocabulary.totalCount();
    } else {
      double harmonic = Math.log(vocabulary.size()) + EULER_GAMMA;
      p = 1.0 / ((id + 1) * harmonic);
    }
    return SIF_A / (SIF_A + p);
  }
}
