package io.wordvec.spark;

import io.wordvec.train.BlockTrainer;
import io.wordvec.train.TrainingConfig;
import io.wordvec.vocab.CorpusReader;
import io.wordvec.vocab.Tokenizer;
import io.wordvec.vocab.Vocabulary;
import io.wordvec.vocab.VocabularyBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import scala.Tuple2;

/**
 * How the text of a partition becomes tokens, counts and id blocks, on the executors: the local
 * reader's tokenizer, word cut and sentence splits ({@link CorpusReader#read(InputStream,
 * CorpusReader.TokenSink)}), and the local builder's counting ({@link VocabularyBuilder}), in one
 * pass over the bytes ({@link #read}). Serializable: shipped with the tasks.
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

  /**
   * Reads one partition's text once: counts its words as the local builder counts them and keeps
   * its tokens as indices into its own words (no {@code String} per token), for {@link #blocks}.
   */
  PartitionText read(int partition, InputStream text) {
    VocabularyBuilder counts = new VocabularyBuilder();
    int[][] ids = {new int[1 << 16]};
    int[] length = {0};
    CorpusReader.Totals totals;
    try {
      totals =
          reader()
              .read(
                  text,
                  new CorpusReader.TokenSink() {
                    @Override
                    public void token(byte[] utf8, int off, int len) {
                      add(counts.add(utf8, off, len));
                    }

                    @Override
                    public void endSentence() {
                      add(BlockTrainer.SENTENCE_END);
                    }

                    private void add(int id) {
                      if (length[0] == ids[0].length) {
                        ids[0] = Arrays.copyOf(ids[0], Math.addExact(length[0], length[0] >> 1));
                      }
                      ids[0][length[0]++] = id;
                    }
                  });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Vocabulary all = counts.build(1, 0);
    int[] local = counts.handleToId(all);
    int[] tokens = ids[0];
    int n = length[0];
    for (int i = 0; i < n; i++) {
      int handle = tokens[i];
      if (handle != BlockTrainer.SENTENCE_END) {
        int id = local[handle];
        tokens[i] = id < 0 ? PartitionText.DROPPED : id;
      }
    }
    return new PartitionText(
        partition,
        all.words().toArray(new String[0]),
        all.counts(),
        tokens,
        n,
        totals.sentences(),
        totals.tokens(),
        totals.truncatedTokens());
  }

  /** The words of one partition with their counts in it, for the distributed count. */
  static Iterator<Tuple2<String, Long>> counts(PartitionText text) {
    List<Tuple2<String, Long>> pairs = new ArrayList<>(text.words().length);
    for (int i = 0; i < text.words().length; i++) {
      pairs.add(new Tuple2<>(text.words()[i], text.counts()[i]));
    }
    return pairs.iterator();
  }

  /**
   * One partition's text encoded to vocabulary ids, cut at sentence ends into blocks of about
   * {@code blockWords} words: block {@code r} is what the partition trains in sync round {@code r}.
   * Words outside the vocabulary are dropped, sentences left empty by that too.
   */
  static PartitionBlocks blocks(PartitionText text, Vocabulary vocabulary, long blockWords) {
    String[] words = text.words();
    int[] global = new int[words.length];
    for (int i = 0; i < words.length; i++) {
      global[i] = vocabulary.id(words[i]);
    }
    List<int[]> blocks = new ArrayList<>();
    int[] current = new int[(int) Math.min(blockWords + 1024, 1 << 20)];
    int fill = 0;
    int sentenceStart = 0;
    long blockFill = 0;
    long retained = 0;
    int[] ids = text.ids();
    for (int i = 0, n = text.length(); i < n; i++) {
      int id = ids[i];
      if (id == BlockTrainer.SENTENCE_END) {
        int sentence = fill - sentenceStart;
        if (sentence == 0) {
          continue;
        }
        if (fill == current.length) {
          current = Arrays.copyOf(current, current.length * 2);
        }
        current[fill++] = BlockTrainer.SENTENCE_END;
        sentenceStart = fill;
        blockFill += sentence;
        retained += sentence;
        if (blockFill >= blockWords) {
          blocks.add(Arrays.copyOf(current, fill));
          fill = 0;
          sentenceStart = 0;
          blockFill = 0;
        }
      } else if (id >= 0 && global[id] >= 0) {
        if (fill == current.length) {
          current = Arrays.copyOf(current, current.length * 2);
        }
        current[fill++] = global[id];
      }
    }
    // a sentence without its end cannot occur (the reader ends every sentence); keep it if it does
    if (fill > sentenceStart) {
      retained += fill - sentenceStart;
      if (fill == current.length) {
        current = Arrays.copyOf(current, current.length + 1);
      }
      current[fill++] = BlockTrainer.SENTENCE_END;
    }
    if (fill > 0) {
      blocks.add(Arrays.copyOf(current, fill));
    }
    return new PartitionBlocks(
        text.partition(),
        blocks,
        retained,
        text.sentences(),
        text.tokens(),
        text.truncatedTokens());
  }
}
