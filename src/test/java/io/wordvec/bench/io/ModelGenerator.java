package io.wordvec.bench.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic word2vec binary file of GoogleNews's shape, streaming, in constant memory (the
 * cluster centres aside), for the serving and index benchmarks ({@code bench/make-models.sh}).
 *
 * <pre>
 * ModelGenerator random    ROWS DIM SEED OUT.bin             Gaussian rows: no structure at all
 * ModelGenerator clustered ROWS DIM SEED OUT.bin [CLUSTERS]   rows around CLUSTERS Gaussian centres
 * </pre>
 *
 * <p>Clustered rows are {@code centre + 0.6 * noise}, both standard Gaussian, with the centre drawn
 * uniformly (default: one centre per 500 rows, at least one), so a row's cosine with its centre is
 * about 0.86 and with another row of its cluster about 0.74: neighbourhoods an approximate index
 * can find, unlike uniform random rows. Words are {@code w0, w1, ...}, written in order, each row
 * followed by a newline as word2vec.c writes them. The same arguments always give the same file.
 */
public final class ModelGenerator {

  /** How far rows spread around their centre, relative to the centre's scale. */
  private static final double SPREAD = 0.6;

  private ModelGenerator() {}

  public static void main(String[] args) throws IOException {
    String kind = args[0];
    int rows = Integer.parseInt(args[1]);
    int dim = Integer.parseInt(args[2]);
    long seed = Long.parseLong(args[3]);
    Path out = Path.of(args[4]);
    int clusters =
        kind.equals("clustered")
            ? (args.length > 5 ? Integer.parseInt(args[5]) : Math.max(1, rows / 500))
            : 0;
    if (!kind.equals("random") && !kind.equals("clustered")) {
      throw new IllegalArgumentException("kind must be random or clustered, was " + kind);
    }
    long start = System.nanoTime();
    write(rows, dim, seed, clusters, out);
    System.out.printf(
        Locale.ROOT,
        "{\"generated\":\"%s\",\"kind\":\"%s\",\"rows\":%d,\"dim\":%d,\"clusters\":%d,"
            + "\"bytes\":%d,\"seconds\":%.1f}%n",
        out,
        kind,
        rows,
        dim,
        clusters,
        Files.size(out),
        (System.nanoTime() - start) / 1e9);
  }

  private static void write(int rows, int dim, long seed, int clusters, Path out)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    float[] centres = new float[clusters * dim];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = (float) random.nextGaussian();
    }
    Path temp = out.resolveSibling(out.getFileName() + ".part");
    ByteBuffer row = ByteBuffer.allocate(dim * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 22)) {
      file.write((rows + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
      for (int r = 0; r < rows; r++) {
        file.write(("w" + r + " ").getBytes(StandardCharsets.US_ASCII));
        row.clear();
        int centre = clusters == 0 ? -1 : random.nextInt(clusters) * dim;
        for (int j = 0; j < dim; j++) {
          double noise = random.nextGaussian();
          row.putFloat(centre < 0 ? (float) noise : (float) (centres[centre + j] + SPREAD * noise));
        }
        file.write(row.array());
        file.write('\n');
      }
    }
    Files.move(temp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
