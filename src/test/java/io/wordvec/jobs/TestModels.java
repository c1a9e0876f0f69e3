package io.wordvec.jobs;

import io.wordvec.train.CorpusStats;
import io.wordvec.train.TrainedModel;
import io.wordvec.train.TrainingConfig;
import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Small synthetic models for tests that do not need real training. */
final class TestModels {

  private TestModels() {}

  /** A model of these words with seeded random vectors. */
  static TrainedModel random(List<String> words, int dim, long seed) {
    return random(words, dim, seed, Instant.now());
  }

  /** A model of these words with seeded random vectors, trained at {@code createdAt}. */
  static TrainedModel random(List<String> words, int dim, long seed, Instant createdAt) {
    long[] counts = new long[words.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = words.size() - i;
    }
    Vocabulary vocab = new Vocabulary(words.toArray(String[]::new), counts);
    SplittableRandom random = new SplittableRandom(seed);
    float[] in = new float[words.size() * dim];
    float[] out = new float[words.size() * dim];
    for (int i = 0; i < in.length; i++) {
      in[i] = (float) (random.nextDouble() - 0.5);
      out[i] = (float) (random.nextDouble() - 0.5);
    }
    return new TrainedModel(
        vocab,
        dim,
        in,
        out,
        TrainingConfig.builder().dimension(dim).build(),
        new CorpusStats("test", 1, words.size(), words.size(), words.size()),
        createdAt,
        Map.of());
  }

  /** The distinct words of a corpus file, most frequent first. */
  static List<String> words(Path corpus) throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String line : Files.readAllLines(corpus)) {
      for (String w : line.trim().split("\\s+")) {
        if (!w.isEmpty()) {
          counts.merge(w, 1, Integer::sum);
        }
      }
    }
    List<String> words = new ArrayList<>(counts.keySet());
    words.sort(Comparator.comparing((String w) -> -counts.get(w)).thenComparing(w -> w));
    return words;
  }
}
