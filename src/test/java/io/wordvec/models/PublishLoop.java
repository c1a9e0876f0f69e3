package io.wordvec.models;

import io.wordvec.system.JsonRecords;
import io.wordvec.train.CorpusStats;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingConfig;
import io.wordvec.vocab.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A child process for kill -9 tests: publishes models (alternately activated) and rewrites a JSON
 * record, over and over, through the service's own classes, until it is killed. Prints {@link
 * #READY} once the first round is on disk.
 *
 * <p>Arguments: the models directory, the records directory, words per model.
 */
public final class PublishLoop {

  /** Printed once the first round is on disk. */
  static final String READY = "publish-loop: first round written";

  private PublishLoop() {}

  public static void main(String[] args) throws Exception {
    Path models = Path.of(args[0]);
    Path records = Path.of(args[1]);
    int words = Integer.parseInt(args[2]);
    Files.createDirectories(models);
    Files.createDirectories(records);
    ModelsProperties properties = new ModelsProperties(models, "", true);
    ModelRegistry registry =
        new ModelRegistry(properties, new ModelStore(properties), IndexProperties.defaults());
    registry.loadAll();
    for (int round = 0; ; round++) {
      String name = "m" + (round % 3);
      TrainedModel model = model(words, 32, round);
      registry.publish(name, model, model.wordVectors(), round % 2 == 0);
      JsonRecords.writeAtomically(
          records.resolve("record-" + (round % 2) + ".json"),
          Map.of("round", round, "model", name));
      if (round == 0) {
        System.out.println(READY);
        System.out.flush();
      }
    }
  }

  private static TrainedModel model(int n, int dim, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] vocabulary = new String[n];
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      vocabulary[i] = "w" + i;
      counts[i] = n - i;
    }
    float[] input = new float[n * dim];
    float[] output = new float[n * dim];
    for (int i = 0; i < input.length; i++) {
      input[i] = (float) (random.nextDouble() - 0.5);
      output[i] = (float) (random.nextDouble() - 0.5);
    }
    return new TrainedModel(
        new Vocabulary(vocabulary, counts),
        dim,
        input,
        output,
        TrainingConfig.builder().dimension(dim).build(),
        new CorpusStats("loop", 1, n, n, n),
        Instant.now(),
        Map.of());
  }
}
