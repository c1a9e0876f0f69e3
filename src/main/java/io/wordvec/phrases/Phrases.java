package io.wordvec.phrases;

import io.wordvec.vocab.CorpusReader;
import io.wordvec.vocab.TokenSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Phrases detected in a corpus, word2phrase- and gensim-style, and the rewriting that joins them:
 * {@code new york} becomes the one token {@code new_york}.
 *
 * <p>{@link #learn} streams the corpus once per pass and never holds it in memory: each pass counts
 * words and adjacent pairs ({@code PhraseCounter}, a bounded table), keeps the pairs that score
 * above the threshold, and the next pass counts over the text rewritten by the passes before it, so
 * that two passes can join {@code new_york} and {@code city}. The phrases found equal gensim's
 * {@code Phrases} with the same {@code min_count}, {@code threshold}, {@code scoring} and {@code
 * max_vocab_size} (no connector words), pass by pass.
 *
 * <p>Immutable and thread-safe once learned.
 */
public final class Phrases {

  /** Receives a pass's progress, on the reading thread; it may throw to stop detection. */
  public interface Listener {
    /**
     * @param pass the pass, from 1
     * @param tokens tokens read so far in this pass
     * @param estimatedTotal a rough estimate of the pass's tokens
     */
    void onTokens(int pass, long tokens, long estimatedTotal);
  }

  private final List<PhraseLayer> layers;

  private Phrases(List<PhraseLayer> layers) {
    this.layers = List.copyOf(layers);
  }

  /**
   * Detects the phrases of {@code corpus}: {@code options.passes()} streaming passes.
   *
   * @throws IOException if the corpus cannot be read
   */
  public static Phrases learn(TokenSource corpus, PhraseOptions options, Listener listener)
      throws IOException {
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(listener, "listener");
    List<PhraseLayer> layers = new ArrayList<>();
    for (int pass = 1; pass <= options.passes(); pass++) {
      Phrases before = new Phrases(layers);
      PhraseCounter counter = new PhraseCounter(options.maxTableSize());
      int current = pass;
      corpus.read(
          before.sentences(counter::add),
          (tokens, estimate) -> listener.onTokens(current, tokens, estimate));
      layers.add(counter.layer(options, pass));
    }
    return new Phrases(layers);
  }

  /** No phrases: {@link #apply} returns its input. */
  public static Phrases none() {
    return new Phrases(List.of());
  }

  /** The number of passes learned. */
  public int passes() {
    return layers.size();
  }

  /** The passes' phrases, in pass order. */
  List<PhraseLayer> layers() {
    return layers;
  }

  /** The sentence with every pass's phrases joined, pass after pass. */
  public List<String> apply(List<String> sentence) {
    List<String> out = sentence;
    for (PhraseLayer layer : layers) {
      out = layer.apply(out);
    }
    return out;
  }

  /** Every phrase found, by pass, the highest scores first. */
  public List<Phrase> phrases() {
    List<Phrase> out = new ArrayList<>();
    for (PhraseLayer layer : layers) {
      out.addAll(layer.phrases());
    }
    out.sort(
        Comparator.comparingInt(Phrase::pass)
            .thenComparing(Comparator.comparingDouble(Phrase::score).reversed())
            .thenComparing(Phrase::text));
    return out;
  }

  /** How many phrases were found, over all passes. */
  public int size() {
    int size = 0;
    for (PhraseLayer layer : layers) {
      size += layer.size();
    }
    return size;
  }

  /**
   * {@code corpus} with these phrases joined in every sentence, read as a stream: each pass reads
   * {@code corpus} again and rewrites it on the fly, holding one sentence at a time.
   */
  public TokenSource rewrite(TokenSource corpus) {
    Objects.requireNonNull(corpus, "corpus");
    return new TokenSource() {
      @Override
      public CorpusReader.Totals read(CorpusReader.TokenSink sink, CorpusReader.Progress progress)
          throws IOException {
        long[] totals = new long[2];
        corpus.read(
            sentences(
                sentence -> {
                  for (String token : sentence) {
                    byte[] utf8 = token.getBytes(StandardCharsets.UTF_8);
                    sink.token(utf8, 0, utf8.length);
                  }
                  sink.endSentence();
                  totals[0]++;
                  totals[1] += sentence.size();
                }),
            progress);
        return new CorpusReader.Totals(totals[0], totals[1]);
      }

      @Override
      public String source() {
        return corpus.source();
      }
    };
  }

  /** Receives rewritten sentences. */
  private interface SentenceSink {
    void sentence(List<String> tokens) throws IOException;
  }

  /** A token sink that gathers each sentence, joins its phrases and hands it on. */
  private CorpusReader.TokenSink sentences(SentenceSink next) {
    return new CorpusReader.TokenSink() {
      private List<String> sentence = new ArrayList<>();

      @Override
      public void token(byte[] utf8, int off, int len) {
        sentence.add(new String(utf8, off, len, StandardCharsets.UTF_8));
      }

      @Override
      public void endSentence() throws IOException {
        List<String> tokens = sentence;
        sentence = new ArrayList<>();
        next.sentence(apply(tokens));
      }
    };
  }
}
