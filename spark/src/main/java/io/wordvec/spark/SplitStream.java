package io.wordvec.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;

/**
 * The bytes of one {@link TextSplit}, whole lines only: a line belongs to the split it starts in. A
 * split that starts inside a line skips it (the split before reads it to its end), and the last
 * line that starts before the split's end is read to its line feed even past that end. The
 * partitions of a file thus read every line exactly once, as bytes: no line record, no {@code
 * String} per line or token (what Hadoop's text input format and {@code textFile} give).
 */
final class SplitStream extends InputStream {

  private final FSDataInputStream in;
  private final long end;
  private final byte[] buf = new byte[1 << 16];
  private int bufPos;
  private int bufLen;

  /** File position of {@code buf[bufPos]}. */
  private long pos;

  private boolean done;

  private SplitStream(FSDataInputStream in, long start, long end) throws IOException {
    this.in = in;
    this.end = end;
    this.pos = start;
    if (start > 0) {
      // The line that holds byte start - 1 is the previous split's, unless that byte ends it.
      in.seek(start - 1);
      pos = start - 1;
      while (true) {
        if (bufPos == bufLen && !fill()) {
          done = true;
          break;
        }
        pos++;
        if (buf[bufPos++] == '\n') {
          break;
        }
      }
    }
    if (pos >= end) {
      done = true;
    }
  }

  /** Opens {@code split} with the file system its URI names. */
  static SplitStream open(TextSplit split, Configuration conf) throws IOException {
    Path path = new Path(URI.create(split.file()));
    FSDataInputStream in = path.getFileSystem(conf).open(path, 1 << 16);
    try {
      return new SplitStream(in, split.start(), split.end());
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * A partition's splits one after the other, each followed by a line feed (a file's last line may
   * have none; an empty line is no sentence), opened one at a time as the reading reaches them.
   */
  static InputStream concat(List<TextSplit> splits, Configuration conf) {
    Iterator<TextSplit> next = splits.iterator();
    return new SequenceInputStream(
        new Enumeration<InputStream>() {
          private boolean lineFeed;

          @Override
          public boolean hasMoreElements() {
            return lineFeed || next.hasNext();
          }

          @Override
          public InputStream nextElement() {
            if (lineFeed) {
              lineFeed = false;
              return new ByteArrayInputStream(new byte[] {'\n'});
            }
            lineFeed = true;
            try {
              return open(next.next(), conf);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        });
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    bufPos = 0;
    bufLen = Math.max(0, n);
    return n > 0;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (done) {
      return -1;
    }
    if (bufPos == bufLen && !fill()) {
      done = true;
      return -1;
    }
    int n = Math.min(len, bufLen - bufPos);
    // The split ends with the first line feed at or after end - 1: the next line starts at end
    // or later, in the next split.
    long last = end - 1;
    if (pos + n - 1 >= last) {
      int from = bufPos + (int) Math.max(0, last - pos);
      for (int i = from; i < bufPos + n; i++) {
        if (buf[i] == '\n') {
          n = i - bufPos + 1;
          done = true;
          break;
        }
      }
    }
    System.arraycopy(buf, bufPos, b, off, n);
    bufPos += n;
    pos += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
