package io.wordvec.vocab;

import java.io.IOException;
import java.util.List;

/**
 * A corpus that can be read as a stream of tokens and sentence ends, any number of times: a {@link
 * CorpusReader}, or a view of one that rewrites its sentences (phrases joined, for instance).
 */
public interface TokenSource {

  /**
   * Reads the whole corpus once into {@code sink}.
   *
   * @throws IOException if the corpus cannot be read or is not valid UTF-8
   */
  CorpusReader.Totals read(CorpusReader.TokenSink sink, CorpusReader.Progress progress)
      throws IOException;

  /**
   * Up to {@code parts} sources whose passes, one after another, read what one pass of this source
   * reads, so that they can be read at once on several threads; this source alone when it cannot be
   * split (the default).
   *
   * @throws IOException if the corpus cannot be read to find where to split it
   */
  default List<TokenSource> split(int parts) throws IOException {
    return List.of(this);
  }

  /** The corpus' name for messages and statistics: a file name, never a full path. */
  String source();
}
