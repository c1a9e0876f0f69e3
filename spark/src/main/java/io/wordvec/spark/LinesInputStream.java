package io.wordvec.spark;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * The lines of a partition as one UTF-8 stream, each followed by a line feed: what {@link
 * io.wordvec.vocab.CorpusReader#read(InputStream, io.wordvec.vocab.CorpusReader.TokenSink)} reads,
 * so that a partition is tokenised exactly as a local corpus file is. One line in memory at a time.
 */
final class LinesInputStream extends InputStream {

  private final Iterator<String> lines;
  private byte[] current = new byte[0];
  private int pos;

  LinesInputStream(Iterator<String> lines) {
    this.lines = lines;
  }

  private boolean fill() {
    while (pos >= current.length) {
      if (!lines.hasNext()) {
        return false;
      }
      byte[] line = lines.next().getBytes(StandardCharsets.UTF_8);
      current = new byte[line.length + 1];
      System.arraycopy(line, 0, current, 0, line.length);
      current[line.length] = '\n';
      pos = 0;
    }
    return true;
  }

  @Override
  public int read() {
    return fill() ? current[pos++] & 0xFF : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    int done = 0;
    while (done < len && fill()) {
      int n = Math.min(len - done, current.length - pos);
      System.arraycopy(current, pos, b, off + done, n);
      pos += n;
      done += n;
    }
    return done == 0 ? -1 : done;
  }
}
