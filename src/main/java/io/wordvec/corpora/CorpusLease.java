package io.wordvec.corpora;

/**
 * A hold on a stored corpus: while any lease on it is open, the corpus cannot be deleted (409
 * corpus-in-use). A job takes one when it is accepted and closes it when it ends, so that checking
 * "is it in use" and deleting cannot interleave with a submission. Closing twice is harmless.
 */
public final class CorpusLease implements AutoCloseable {

  private final CorpusStore store;
  private final String corpus;
  private final String holder;
  private boolean closed;

  CorpusLease(CorpusStore store, String corpus, String holder) {
    this.store = store;
    this.corpus = corpus;
    this.holder = holder;
  }

  /** The id of the corpus held. */
  public String corpus() {
    return corpus;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    store.release(corpus, holder);
  }
}
