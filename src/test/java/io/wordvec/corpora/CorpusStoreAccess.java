package io.wordvec.corpora;

import java.io.IOException;

/** Lets tests of other packages delete a corpus as the corpora API does. */
public final class CorpusStoreAccess {

  private CorpusStoreAccess() {}

  /** {@link CorpusStore#delete}: false if there is none, 409 while a lease holds it. */
  public static boolean delete(CorpusStore store, String id) throws IOException {
    return store.delete(id);
  }
}
