package io.wordvec.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wordvec.train.CancellationToken;
import io.wordvec.train.Kernel;
import io.wordvec.train.LocalTrainingEngine;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingCancelledException;
import io.wordvec.train.TrainingConfig;
import io.wordvec.train.TrainingListener;
import io.wordvec.train.TrainingRequest;
import io.wordvec.vectors.WordVectors;
import io.wordvec.vocab.Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkTrainingEngineTests {

  /** The project's small test corpora (the service module's test resources). */
  static final Path CORPORA =
      Path.of(System.getProperty("wordvec.corpora", "../src/test/resources/corpora"));

  static final Path HAMLET = CORPORA.resolve("hamlet.txt");
  static final Path KJV = CORPORA.resolve("kjv-pentateuch.txt");

  /**
   * Per pair, the kernel the Spark engine trains with, so that local runs compare like with like.
   */
  static TrainingConfig.Builder small() {
    return TrainingConfig.builder()
        .dimension(32)
        .minCount(3)
        .epochs(3)
        .threads(1)
        .seed(7)
        .kernel(Kernel.PAIR);
  }

  static SparkSettings settings(int partitions, long wordsPerSync) {
    return new SparkSettings("local[2]", partitions, wordsPerSync, 1, null, Map.of());
  }

  @Test
  void vocabularyIsTheLocalBuildersOnTheSameCorpus() throws Exception {
    // the skip-gram default kernel (batched): the Spark engine trains, and says it trains, per pair
    TrainingConfig config =
        TrainingConfig.builder()
            .dimension(8)
            .minCount(3)
            .epochs(1)
            .threads(1)
            .seed(7)
            .maxVocab(900)
            .build();
    TrainedModel spark =
        new SparkTrainingEngine(settings(2, 5_000))
            .train(new TrainingRequest(HAMLET, config, Tokenizer.normalizing(), null, null));
    assertEquals(Kernel.PAIR, spark.config().kernel());
    TrainedModel local =
        new LocalTrainingEngine()
            .train(new TrainingRequest(HAMLET, config, Tokenizer.normalizing(), null, null));
    assertEquals(local.vocabulary().words(), spark.vocabulary().words());
    assertArrayEquals(local.vocabulary().counts(), spark.vocabulary().counts());
    assertEquals(local.corpus().tokens(), spark.corpus().tokens());
    assertEquals(local.corpus().retainedTokens(), spark.corpus().retainedTokens());
    assertEquals(local.corpus().distinctWords(), spark.corpus().distinctWords());
  }

  @Test
  void onePartitionAgreesWithTheLocalTrainerAsMuchAsTwoLocalSeedsDo() throws Exception {
    TrainingConfig config = small().build();
    TrainedModel spark =
        new SparkTrainingEngine(settings(1, 50_000)).train(new TrainingRequest(KJV, config));
    TrainedModel local = new LocalTrainingEngine().train(new TrainingRequest(KJV, config));
    TrainedModel otherSeed =
        new LocalTrainingEngine()
            .train(new TrainingRequest(KJV, config.toBuilder().seed(8).build()));
    double sparkVsLocal = Similarities.agreement(spark.wordVectors(), local.wordVectors(), 150);
    double localVsLocal = Similarities.agreement(otherSeed.wordVectors(), local.wordVectors(), 150);
    assertTrue(
        sparkVsLocal > localVsLocal - 0.05,
        "spark vs local " + sparkVsLocal + ", local vs local " + localVsLocal);
    assertTrue(localVsLocal > 0.5, "the measure tells trained models apart: " + localVsLocal);
  }

  @Test
  void twoPartitionsTrainAndTheirLossFalls() throws Exception {
    TrainingConfig config = small().build();
    List<Double> losses = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onEpochEnd(int epoch, double loss, long examples) {
            losses.add(loss / examples);
          }
        };
    List<SparkTrainingEngine.SyncReport> syncs = new ArrayList<>();
    TrainedModel model =
        // Syncs every 5k words: on a corpus this small, two partitions that drift apart for longer
        // learn different arrangements of the space early on, and their average keeps neither.
        new SparkTrainingEngine(settings(2, 5_000), syncs::add)
            .train(new TrainingRequest(KJV, config, listener, null));
    assertEquals(3, losses.size());
    assertTrue(losses.get(2) < losses.get(0), "loss per example falls: " + losses);
    // 157k tokens (about 60k after the vocabulary cut), 5k words per sync: several per epoch
    assertTrue(syncs.size() >= 3 * 5, "syncs: " + syncs.size());
    assertTrue(syncs.get(0).resultBytes() > 0 && syncs.get(0).broadcastBytes() > 0);
    TrainedModel local = new LocalTrainingEngine().train(new TrainingRequest(KJV, config));
    double agreement = Similarities.agreement(model.wordVectors(), local.wordVectors(), 150);
    assertTrue(agreement > 0.5, "K=2 learns what local learns: " + agreement);
  }

  @Test
  void aChunkedBroadcastAndSlicedDeltasTrainTheSameModelAsOnePiece() throws Exception {
    // one thread per task and a seed: every run of these settings trains the same model
    TrainingConfig config = small().dimension(16).epochs(1).build();
    List<SparkTrainingEngine.SyncReport> wholeSyncs = new ArrayList<>();
    TrainedModel whole =
        new SparkTrainingEngine(settings(2, 10_000), wholeSyncs::add)
            .train(new TrainingRequest(HAMLET, config));
    List<SparkTrainingEngine.SyncReport> syncs = new ArrayList<>();
    // Hamlet's 1,248 words x 16: a 160 kB model, broadcast in 4 chunks and collected in 5 slices
    SparkSettings pieces =
        new SparkSettings(
            "local[2]",
            2,
            10_000,
            1,
            null,
            Map.of(SyncRounds.CHUNK_PROPERTY, "40k", SyncRounds.SLICE_PROPERTY, "20k"));
    TrainedModel sliced =
        new SparkTrainingEngine(pieces, syncs::add).train(new TrainingRequest(HAMLET, config));
    assertEquals(1, wholeSyncs.get(0).slices());
    int rows = whole.vocabulary().size();
    int sliceRows = SyncRounds.sliceRows(rows, 16, 20 * 1024);
    assertEquals((rows + sliceRows - 1) / sliceRows, syncs.get(0).slices());
    assertTrue(syncs.get(0).slices() >= 3, "slices: " + syncs.get(0).slices());
    assertEquals(wholeSyncs.size(), syncs.size());
    assertEquals(wholeSyncs.get(0).resultBytes(), syncs.get(0).resultBytes());
    assertArrayEquals(whole.inputVectors(), sliced.inputVectors());
    assertArrayEquals(whole.outputVectors(), sliced.outputVectors());
    // and it trained: the model moved from its first state
    assertTrue(
        !java.util.Arrays.equals(
            io.wordvec.train.BlockTrainer.initialInputVectors(
                whole.vocabulary().size(), 16, config.seed()),
            whole.inputVectors()));
  }

  @Test
  void theInJvmExchangeTrainsTheModelTheSerializedPathTrainsAndLeavesNothingBehind()
      throws Exception {
    TrainingConfig config = small().dimension(16).epochs(1).build();
    int heldBefore = InJvmExchange.size();
    Map<String, String> serialized = Map.of(InJvmExchange.PROPERTY, "false");
    // two slices, so that the exchange also carries more than one job's changes per round
    Map<String, String> sliced = Map.of(SyncRounds.SLICE_PROPERTY, "40k");
    List<SparkTrainingEngine.SyncReport> inJvmSyncs = new ArrayList<>();
    TrainedModel inJvm =
        new SparkTrainingEngine(
                new SparkSettings("local[2]", 2, 10_000, 1, null, sliced), inJvmSyncs::add)
            .train(new TrainingRequest(HAMLET, config));
    Map<String, String> both = new java.util.HashMap<>(sliced);
    both.putAll(serialized);
    List<SparkTrainingEngine.SyncReport> broadcastSyncs = new ArrayList<>();
    TrainedModel broadcast =
        new SparkTrainingEngine(
                new SparkSettings("local[2]", 2, 10_000, 1, null, both), broadcastSyncs::add)
            .train(new TrainingRequest(HAMLET, config));
    assertTrue(inJvmSyncs.stream().allMatch(SparkTrainingEngine.SyncReport::byReference));
    assertTrue(broadcastSyncs.stream().noneMatch(SparkTrainingEngine.SyncReport::byReference));
    assertTrue(inJvmSyncs.get(0).slices() >= 2, "slices: " + inJvmSyncs.get(0).slices());
    assertEquals(broadcastSyncs.size(), inJvmSyncs.size());
    assertArrayEquals(broadcast.inputVectors(), inJvm.inputVectors());
    assertArrayEquals(broadcast.outputVectors(), inJvm.outputVectors());
    assertEquals(heldBefore, InJvmExchange.size());
  }

  @Test
  void theInJvmExchangeRefusesAKeyFromAnotherJvmWithTheReason() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> InJvmExchange.get("wordvec-round-elsewhere/model", ModelState.class));
    assertTrue(e.getMessage().contains(InJvmExchange.PROPERTY + "=false"), e.getMessage());
  }

  @Test
  void aBadSliceSizeIsRefusedNamingTheProperty() {
    SparkSettings bad =
        new SparkSettings("local[1]", 1, 10_000, 1, null, Map.of(SyncRounds.SLICE_PROPERTY, "0"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SparkTrainingEngine(bad).train(new TrainingRequest(HAMLET, small().build())));
    assertTrue(e.getMessage().contains(SyncRounds.SLICE_PROPERTY), e.getMessage());
  }

  @Test
  void aCancelledTokenEndsTheRunWithoutAModel() {
    CancellationToken token = new CancellationToken();
    TrainingListener cancelAtFirstEpoch =
        new TrainingListener() {
          @Override
          public void onEpochEnd(int epoch, double loss, long examples) {
            token.cancel();
          }
        };
    assertThrows(
        TrainingCancelledException.class,
        () ->
            new SparkTrainingEngine(settings(2, 20_000))
                .train(new TrainingRequest(HAMLET, small().build(), cancelAtFirstEpoch, token)));
  }

  @Test
  void subwordsAreRefusedWithAReason() {
    TrainingConfig config =
        small().subwords(io.wordvec.vocab.CharNgrams.fromOptions(3, 5, 1000)).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SparkTrainingEngine(settings(1, 5_000))
                    .train(new TrainingRequest(HAMLET, config)));
    assertTrue(e.getMessage().contains("subword"), e.getMessage());
  }

  /** Agreement of two models: rank correlation of their pairwise similarities. */
  static final class Similarities {
    static double agreement(WordVectors a, WordVectors b, int words) {
      List<String> vocabulary = a.vocabulary().words().subList(0, words);
      int pairs = words * (words - 1) / 2;
      double[] x = new double[pairs];
      double[] y = new double[pairs];
      int k = 0;
      for (int i = 0; i < words; i++) {
        for (int j = i + 1; j < words; j++) {
          x[k] = a.similarity(vocabulary.get(i), vocabulary.get(j));
          y[k] = b.similarity(vocabulary.get(i), vocabulary.get(j));
          k++;
        }
      }
      return pearson(ranks(x), ranks(y));
    }

    private static double[] ranks(double[] v) {
      Integer[] order = new Integer[v.length];
      for (int i = 0; i < v.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (p, q) -> Double.compare(v[p], v[q]));
      double[] r = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        r[order[i]] = i;
      }
      return r;
    }

    private static double pearson(double[] x, double[] y) {
      double mx = 0;
      double my = 0;
      for (int i = 0; i < x.length; i++) {
        mx += x[i];
        my += y[i];
      }
      mx /= x.length;
      my /= y.length;
      double sxy = 0;
      double sxx = 0;
      double syy = 0;
      for (int i = 0; i < x.length; i++) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
      }
      return sxy / Math.sqrt(sxx * syy);
    }
  }
}
