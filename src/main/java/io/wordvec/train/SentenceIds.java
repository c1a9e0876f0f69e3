package io.wordvec.train;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Encoded sentences as a {@link Worker} reads them: word ids, {@link EncodedCorpus#SENTENCE_END}
 * between sentences, read in ranges of int positions. The id file of a local run ({@link
 * EncodedCorpus}) is one; a block held in memory ({@link BlockTrainer}) another.
 */
interface SentenceIds {

  /**
   * Reads ids from {@code position} (an int index) up to {@code end} (exclusive) into {@code dst},
   * as many as fit; {@code dst} is left flipped, in native byte order.
   *
   * @return the number of ids read, 0 at the end
   */
  int read(ByteBuffer dst, long position, long end) throws IOException;
}
