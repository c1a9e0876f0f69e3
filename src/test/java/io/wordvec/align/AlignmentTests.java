package io.wordvec.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.vectors.SearchOptions;
import io.wordvec.vectors.UnknownWordsException;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * A target model that is the source model turned by a random orthogonal matrix, plus a little
 * noise, and stored in another word order: Procrustes finds the rotation from frequent identical
 * words, and both criteria translate held-out words to themselves.
 */
class AlignmentTests {

  private static final int DIM = 32;
  private static final int CLUSTERS = 100;
  private static final int PER_CLUSTER = 30;
  private static final int WORDS = CLUSTERS * PER_CLUSTER;

  /** Words in clusters: each word's nearest neighbours are close, so translation is not trivial. */
  private static final float[] SOURCE_ROWS = clustered(7);

  private static final float[][] ROTATION = randomOrthogonal(DIM, 11);

  private final WordVectors source = model(words(), SOURCE_ROWS);
  private final WordVectors target = rotatedAndShuffled(0.01);

  private static float[] clustered(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] rows = new float[WORDS * DIM];
    for (int c = 0; c < CLUSTERS; c++) {
      float[] centre = new float[DIM];
      for (int j = 0; j < DIM; j++) {
        centre[j] = (float) random.nextGaussian();
      }
      for (int w = 0; w < PER_CLUSTER; w++) {
        // interleaved, so that the frequent words come from every cluster
        int row = w * CLUSTERS + c;
        for (int j = 0; j < DIM; j++) {
          rows[row * DIM + j] = centre[j] + 0.3f * (float) random.nextGaussian();
        }
      }
    }
    return rows;
  }

  private static float[][] randomOrthogonal(int dim, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] gaussian = new double[dim][dim];
    for (double[] row : gaussian) {
      for (int j = 0; j < dim; j++) {
        row[j] = random.nextGaussian();
      }
    }
    RealMatrix q = new QRDecomposition(new Array2DRowRealMatrix(gaussian)).getQ();
    float[][] out = new float[dim][dim];
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < dim; j++) {
        out[i][j] = (float) q.getEntry(i, j);
      }
    }
    return out;
  }

  private static String[] words() {
    String[] words = new String[WORDS];
    for (int i = 0; i < WORDS; i++) {
      words[i] = "w" + i;
    }
    return words;
  }

  private static WordVectors model(String[] words, float[] rows) {
    long[] counts = new long[words.length];
    for (int i = 0; i < words.length; i++) {
      counts[i] = words.length - i;
    }
    return new WordVectors(new Vocabulary(words, counts), DIM, rows);
  }

  /**
   * Source rows times the rotation plus Gaussian noise of {@code sigma} per component, in another
   * order: neighbouring ranks swapped, so ids differ but frequency ranks stay close.
   */
  private static WordVectors rotatedAndShuffled(double sigma) {
    SplittableRandom random = new SplittableRandom(13);
    String[] words = new String[WORDS];
    float[] rows = new float[WORDS * DIM];
    for (int i = 0; i < WORDS; i++) {
      int from = (i % 2 == 0) ? Math.min(i + 1, WORDS - 1) : i - 1;
      words[i] = "w" + from;
      for (int j = 0; j < DIM; j++) {
        double v = 0;
        for (int k = 0; k < DIM; k++) {
          v += SOURCE_ROWS[from * DIM + k] * ROTATION[k][j];
        }
        rows[i * DIM + j] = (float) (v + sigma * random.nextGaussian());
      }
    }
    return model(words, rows);
  }

  private Translator translator(Alignment alignment) {
    return new Translator(
        source,
        target,
        alignment,
        new HubnessCache(target.size(), HubnessCache.DEFAULT_K),
        Translator.DEFAULT_CANDIDATES,
        SearchOptions.DEFAULT);
  }

  @Test
  void procrustesFindsTheRotationAndHeldOutWordsTranslateToThemselves() {
    Dictionary train = Dictionary.identicalWords(source, target, 0, 500);
    Dictionary test = Dictionary.identicalWords(source, target, 500, 1000);

    Procrustes.Fit fit = Procrustes.fit(source, target, train);

    float[] w = fit.alignment().matrix();
    for (int i = 0; i < DIM; i++) {
      for (int j = 0; j < DIM; j++) {
        assertThat(w[i * DIM + j]).as("W[%d][%d]", i, j).isCloseTo(ROTATION[i][j], within(0.01f));
      }
    }
    assertThat(fit.meanCosine()).isGreaterThan(0.99).isLessThanOrEqualTo(1.0 + 1e-6);
    Translator translator = translator(fit.alignment());
    for (Criterion criterion : Criterion.values()) {
      TranslationAccuracy.Result p1 =
          TranslationAccuracy.precisionAtOne(translator, test, criterion);
      assertThat(p1.total()).isEqualTo(1000);
      assertThat(p1.precision()).as(criterion.name()).isEqualTo(1.0);
    }
  }

  @Test
  void withoutTheMapTheSameWordsAreNotFound() {
    Dictionary test = Dictionary.identicalWords(source, target, 500, 1000);

    TranslationAccuracy.Result p1 =
        TranslationAccuracy.precisionAtOne(translator(Alignment.identity(DIM)), test, Criterion.NN);

    assertThat(p1.precision()).isLessThan(0.05);
  }

  @Test
  void heldOutWordsShareNoWordWithTheTrainingPairsAndFollowThemInRank() {
    Dictionary train = Dictionary.identicalWords(source, target, 0, 500);
    Dictionary test = Dictionary.identicalWords(source, target, 500, 1000);

    List<Integer> trainWords = new ArrayList<>();
    int worstTrainRank = 0;
    for (int i = 0; i < train.size(); i++) {
      trainWords.add(train.sourceId(i));
      assertThat(target.vocabulary().word(train.targetId(i)))
          .isEqualTo(source.vocabulary().word(train.sourceId(i)));
      worstTrainRank = Math.max(worstTrainRank, Math.max(train.sourceId(i), train.targetId(i)));
    }
    for (int i = 0; i < test.size(); i++) {
      assertThat(trainWords).doesNotContain(test.sourceId(i));
      assertThat(Math.max(test.sourceId(i), test.targetId(i)))
          .isGreaterThanOrEqualTo(worstTrainRank);
    }
    // word i of the source is at rank i or its neighbour in the target: the 500 best are w0..w499
    assertThat(trainWords).containsExactlyInAnyOrderElementsOf(range(0, 500));
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(i);
    }
    return out;
  }

  @Test
  void identicalWordsRankByTheWorseOfTheTwoRanks() {
    WordVectors a = model(new String[] {"the", "of", "rare", "and"}, new float[4 * DIM]);
    WordVectors b =
        model(new String[] {"of", "the", "and", "x", "y", "z", "rare"}, new float[7 * DIM]);

    Dictionary all = Dictionary.identicalWords(a, b, 0, 10);

    // keys: the max(0,1)=1, of max(1,0)=1, and max(3,2)=3, rare max(2,6)=6
    List<String> order = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      order.add(a.vocabulary().word(all.sourceId(i)));
    }
    assertThat(order).containsExactly("the", "of", "and", "rare");
    assertThat(Dictionary.identicalWords(a, b, 1, 2).sourceId(0)).isEqualTo(1);
    assertThat(Dictionary.identicalWords(a, b, 1, 2).size()).isEqualTo(2);
    assertThat(Dictionary.identicalWords(a, b, 3, 5).size()).isEqualTo(1);
    assertThat(Dictionary.identicalWords(a, b, 9, 5).size()).isZero();
  }

  @Test
  void givenPairsWithAMissingWordAreDroppedCountedAndListed() {
    Dictionary d =
        Dictionary.fromPairs(
            source,
            target,
            List.of(
                new WordPair("w1", "w1"),
                new WordPair("nope", "w2"),
                new WordPair("w3", "gone"),
                new WordPair("neither", "nor"),
                new WordPair("w4", "w5")));

    assertThat(d.size()).isEqualTo(2);
    assertThat(d.sourceId(1)).isEqualTo(source.vocabulary().id("w4"));
    assertThat(d.targetId(1)).isEqualTo(target.vocabulary().id("w5"));
    assertThat(d.missingInSource()).isEqualTo(2);
    assertThat(d.missingInTarget()).isEqualTo(2);
    assertThat(d.missingSourceWords()).containsExactly("nope", "neither");
    assertThat(d.missingTargetWords()).containsExactly("gone", "nor");
  }

  @Test
  void cslsOverEveryCandidateEqualsTheFormulaComputedByBruteForce() {
    Procrustes.Fit fit =
        Procrustes.fit(source, target, Dictionary.identicalWords(source, target, 0, 300));
    Alignment w = fit.alignment();
    WordVectors smallSource = source;
    Translator all =
        new Translator(
            smallSource,
            target,
            w,
            new HubnessCache(target.size(), 10),
            target.size(),
            SearchOptions.EXACT);
    int word = source.vocabulary().id("w1234");

    List<Translation> got = all.translate(word, 5, Criterion.CSLS);

    float[][] mappedSource = new float[source.size()][];
    float[] row = new float[DIM];
    for (int s = 0; s < source.size(); s++) {
      source.unitRow(s, row, 0);
      mappedSource[s] = w.map(row);
    }
    float[][] targetRows = new float[target.size()][];
    for (int t = 0; t < target.size(); t++) {
      targetRows[t] = new float[DIM];
      target.unitRow(t, targetRows[t], 0);
    }
    float[] query = mappedSource[word];
    double rTarget = meanTop(10, target.size(), t -> cos(query, targetRows[t]));
    List<double[]> expected = new ArrayList<>();
    for (int t = 0; t < target.size(); t++) {
      float[] y = targetRows[t];
      double rSource = meanTop(10, source.size(), s -> cos(y, mappedSource[s]));
      expected.add(new double[] {2 * cos(query, y) - rTarget - rSource, t});
    }
    expected.sort(Comparator.comparingDouble((double[] e) -> -e[0]));
    for (int i = 0; i < 5; i++) {
      assertThat(got.get(i).id()).as("rank %d", i).isEqualTo((int) expected.get(i)[1]);
      assertThat((double) got.get(i).score()).isCloseTo(expected.get(i)[0], within(1e-4));
    }
    assertThat(got.get(0).word()).isEqualTo("w1234");
  }

  private static double meanTop(int k, int n, java.util.function.IntToDoubleFunction score) {
    double[] all = new double[n];
    for (int i = 0; i < n; i++) {
      all[i] = score.applyAsDouble(i);
    }
    java.util.Arrays.sort(all);
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += all[n - 1 - i];
    }
    return sum / k;
  }

  private static double cos(float[] a, float[] b) {
    double dot = 0, na = 0, nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  @Test
  void cslsCachesEachTargetWordsPenaltyOnce() {
    HubnessCache cache = new HubnessCache(target.size(), 10);
    Translator translator =
        new Translator(source, target, Alignment.identity(DIM), cache, 50, SearchOptions.DEFAULT);

    translator.translate("w1", 3, Criterion.CSLS);
    int afterOne = cache.computed();
    translator.translate("w1", 3, Criterion.CSLS);

    assertThat(afterOne).isEqualTo(50);
    assertThat(cache.computed()).isEqualTo(afterOne);
  }

  @Test
  void nearestNeighbourScoresAreCosines() {
    List<Translation> got = translator(Alignment.identity(DIM)).translate("w7", 3, Criterion.NN);

    assertThat(got).hasSize(3);
    for (Translation t : got) {
      assertThat(t.score()).isEqualTo(t.cosine());
    }
    assertThat(got.get(0).score()).isGreaterThanOrEqualTo(got.get(1).score());
  }

  @Test
  void aVectorOfTheSourceSpaceTranslatesAsTheWordWhoseVectorItIs() {
    Translator translator = translator(Alignment.identity(DIM));
    float[] w7 = source.vector("w7", true);
    for (Criterion criterion : Criterion.values()) {
      assertThat(translator.translateVector(w7, 4, criterion))
          .as(criterion.name())
          .isEqualTo(translator.translate("w7", 4, criterion));
    }
    assertThatThrownBy(() -> translator.translateVector(new float[DIM + 1], 3, Criterion.NN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnknownSourceWordIsReported() {
    assertThatThrownBy(() -> translator(Alignment.identity(DIM)).translate("zzz", 3, Criterion.NN))
        .isInstanceOf(UnknownWordsException.class);
  }

  @Test
  void modelsOfDifferentDimensionsCannotBeAligned() {
    WordVectors other =
        new WordVectors(new Vocabulary(new String[] {"w1"}, new long[] {1}), 3, new float[3]);

    assertThatThrownBy(
            () -> Procrustes.fit(source, other, Dictionary.identicalWords(source, other, 0, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension");
  }

  @Test
  void aSavedMatrixMustBeOrthogonalFiniteAndSquare() {
    float[] w = Alignment.identity(3).matrix();
    assertThat(Alignment.of(3, w)).isEqualTo(Alignment.identity(3));

    w[1] = 0.5f;
    assertThatThrownBy(() -> Alignment.of(3, w)).hasMessageContaining("orthogonal");
    assertThatThrownBy(() -> Alignment.of(3, new float[8])).hasMessageContaining("values");
    float[] nan = Alignment.identity(3).matrix();
    nan[4] = Float.NaN;
    assertThatThrownBy(() -> Alignment.of(3, nan)).hasMessageContaining("finite");
  }

  @Test
  void mapBackUndoesMap() {
    Alignment w =
        Procrustes.fit(source, target, Dictionary.identicalWords(source, target, 0, 200))
            .alignment();
    float[] x = {1, 2, 3};
    float[] row = new float[DIM];
    source.unitRow(42, row, 0);

    float[] back = w.mapBack(w.map(row));

    for (int i = 0; i < DIM; i++) {
      assertThat(back[i]).isCloseTo(row[i], within(1e-5f));
    }
    assertThatThrownBy(() -> w.map(x)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theFingerprintTellsModelsApartAndIgnoresTheStorage() {
    String same = ModelFingerprint.of(model(words(), SOURCE_ROWS.clone()));

    assertThat(ModelFingerprint.of(source)).isEqualTo(same).hasSize(16);
    assertThat(ModelFingerprint.of(target)).isNotEqualTo(same);
    float[] changed = SOURCE_ROWS.clone();
    changed[0] += 0.5f;
    assertThat(ModelFingerprint.of(model(words(), changed))).isNotEqualTo(same);
  }
}
