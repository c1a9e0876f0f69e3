package io.wordvec.spark;

import io.wordvec.train.BlockTrainer;
import io.wordvec.train.TrainingConfig;
import io.wordvec.vocab.CorpusReader;
import io.wordvec.vocab.Tokenizer;
import io.wordvec.vocab.Vocabulary;
import io.wordvec.vocab.VocabularyBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import scala.Tuple2;

/**
 * How the lines of a partition become tokens, counts and id blocks, on the executors: the local
 * reader's tokenizer, word cut and sentence splits ({@link CorpusReader#read(java.io.InputStream,
 * CorpusReader.TokenSink)}), and the local builder's counting ({@link VocabularyBuilder}).
 * Serializable: shipped with the tasks.
 */
final class CorpusText implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final boolean normalizing;
  private final int maxSentenceLength;
  private final int maxWordBytes;

  CorpusText(String source, Tokenizer tokenizer, TrainingConfig config) {
    this.source = source;
    this.normalizing = tokenizer == Tokenizer.normalizing();
    this.maxSentenceLength = config.maxSentenceLength();
    this.maxWordBytes = config.maxWordBytes();
  }

  private CorpusReader reader() {
    return new CorpusReader(
        Path.of(source),
        normalizing ? Tokenizer.normalizing() : Tokenizer.whitespace(),
        maxSentenceLength,
        maxWordBytes);
  }

  /** The words of one partition with their counts in it, counted as the local builder counts. */
  Iterator<Tuple2<String, Long>> countWords(Iterator<String> lines) {
    VocabularyBuilder counts = new VocabularyBuilder();
    try {
      reader()
          .read(
              new LinesInputStream(lines),
              new CorpusReader.TokenSink() {
                @Override
                public void token(byte[] utf8, int off, int len) {
                  counts.add(utf8, off, len);
                }

                @Override
                public void endSentence() {}
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Vocabulary all = counts.build(1, 0);
    List<Tuple2<String, Long>> pairs = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      pairs.add(new Tuple2<>(all.word(i), all.count(i)));
    }
    return pairs.iterator();
  }

  /**
   * One partition encoded to vocabulary ids, cut at sentence ends into blocks of about {@code
   * blockWords} words: block {@code r} is what the partition trains in sync round {@code r}.
   */
  PartitionBlocks encode(
      int partition, Iterator<String> lines, Vocabulary vocabulary, long blockWords) {
    List<int[]> blocks = new ArrayList<>();
    int[][] current = {new int[1024]};
    int[] fill = {0, 0};
    // fill[0]: ints in the current block, fill[1]: its words; sentence[] collects one sentence
    int[] sentence = new int[maxSentenceLength];
    int[] sentenceLength = {0};
    long[] words = {0};
    CorpusReader.Totals totals;
    try {
      totals =
          reader()
              .read(
                  new LinesInputStream(lines),
                  new CorpusReader.TokenSink() {
                    @Override
                    public void token(byte[] utf8, int off, int len) {
                      int id = vocabulary.id(new String(utf8, off, len, StandardCharsets.UTF_8));
                      if (id >= 0) {
                        sentence[sentenceLength[0]++] = id;
                      }
                    }

                    @Override
                    public void endSentence() {
                      int n = sentenceLength[0];
                      sentenceLength[0] = 0;
                      if (n == 0) {
                        return;
                      }
                      if (fill[0] + n + 1 > current[0].length) {
                        current[0] =
                            Arrays.copyOf(
                                current[0], Math.max(current[0].length * 2, fill[0] + n + 1));
                      }
                      System.arraycopy(sentence, 0, current[0], fill[0], n);
                      fill[0] += n;
                      current[0][fill[0]++] = BlockTrainer.SENTENCE_END;
                      fill[1] += n;
                      words[0] += n;
                      if (fill[1] >= blockWords) {
                        blocks.add(Arrays.copyOf(current[0], fill[0]));
                        fill[0] = 0;
                        fill[1] = 0;
                      }
                    }
                  });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (fill[0] > 0) {
      blocks.add(Arrays.copyOf(current[0], fill[0]));
    }
    return new PartitionBlocks(
        partition, blocks, words[0], totals.sentences(), totals.tokens(), totals.truncatedTokens());
  }
}
