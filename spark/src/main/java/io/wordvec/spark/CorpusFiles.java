package io.wordvec.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * The corpus as the driver plans its reading: its files (a file, or the visible files of a
 * directory, or a glob's matches, as {@code textFile} takes them) cut into K byte ranges of about
 * equal size, one list of {@link TextSplit}s per partition. A range may span files.
 */
final class CorpusFiles {

  private CorpusFiles() {}

  /**
   * The K partitions' splits, or null when a file is compressed (gzip and the other codecs Hadoop
   * knows): compressed files cannot be cut at a byte offset.
   *
   * @throws FileNotFoundException "Input path does not exist: ..." as Spark's own message says
   */
  static List<List<TextSplit>> plan(Path corpus, int k, Configuration conf) throws IOException {
    FileSystem fs = corpus.getFileSystem(conf);
    FileStatus[] matches = fs.globStatus(corpus);
    if (matches == null || matches.length == 0) {
      throw new FileNotFoundException("Input path does not exist: " + corpus);
    }
    List<FileStatus> files = new ArrayList<>();
    for (FileStatus match : matches) {
      if (match.isDirectory()) {
        for (FileStatus child : fs.listStatus(match.getPath())) {
          if (child.isFile() && visible(child.getPath())) {
            files.add(child);
          }
        }
      } else {
        files.add(match);
      }
    }
    files.sort(Comparator.comparing(f -> f.getPath().toString()));
    CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
    long total = 0;
    for (FileStatus file : files) {
      if (codecs.getCodec(file.getPath()) != null || gzip(fs, file)) {
        return null;
      }
      total += file.getLen();
    }
    List<List<TextSplit>> partitions = new ArrayList<>(k);
    for (int p = 0; p < k; p++) {
      partitions.add(new ArrayList<>());
    }
    long fileStart = 0;
    for (FileStatus file : files) {
      long fileEnd = fileStart + file.getLen();
      for (int p = 0; p < k; p++) {
        long from = Math.max(fileStart, total * p / k);
        long to = Math.min(fileEnd, total * (p + 1) / k);
        if (from < to) {
          partitions
              .get(p)
              .add(
                  new TextSplit(
                      file.getPath().toUri().toString(), from - fileStart, to - fileStart));
        }
      }
      fileStart = fileEnd;
    }
    return partitions;
  }

  /** Hadoop's rule: names starting with an underscore or a dot are not data (_SUCCESS, .crc). */
  private static boolean visible(Path path) {
    String name = path.getName();
    return !name.startsWith("_") && !name.startsWith(".");
  }

  private static boolean gzip(FileSystem fs, FileStatus file) throws IOException {
    if (file.getLen() < 2) {
      return false;
    }
    byte[] magic = new byte[2];
    try (InputStream in = fs.open(file.getPath())) {
      int n = in.readNBytes(magic, 0, 2);
      return n == 2 && Arrays.equals(magic, new byte[] {0x1f, (byte) 0x8b});
    }
  }
}
