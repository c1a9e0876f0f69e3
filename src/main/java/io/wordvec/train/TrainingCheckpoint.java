package io.wordvec.train;

import io.wordvec.vocab.Vocabulary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The state of a run after a completed epoch: everything needed to continue it exactly as if it had
 * never stopped. With one thread and a seed, a run resumed from a checkpoint ends with the same
 * bits as one that ran through.
 *
 * <p>That is: the matrices (input, output, and a subword model's n-gram rows), the shared count of
 * words done (from which the learning rate follows), each worker's random state with the noise
 * words it drew one example ahead, and the loss of every epoch done (so that a resumed run reports
 * the whole history). The rest of a run is rebuilt from its inputs: the corpus is encoded again
 * (deterministically) and the noise table and subsampling thresholds recomputed.
 *
 * <p>File {@code checkpoint.bin} in the run's work directory, little-endian: magic {@code WVCK},
 * version, the run's fingerprint (config, vocabulary and input lock: a checkpoint of another run is
 * never taken for this one), epochs done, words done, worker count, per worker its random state and
 * its two noise arrays, each epoch's loss and examples, the number of matrix cells, the input then
 * the output matrix, the number of n-gram cells and the n-gram matrix (0 and nothing for a plain
 * model), and a CRC32C of everything before it. Written to a hidden temporary file, forced to disk
 * and renamed over the previous checkpoint, so a crash leaves the old checkpoint or the new one,
 * never a part.
 *
 * <p>Why this class is long: the checkpoint's writer and reader must agree byte for byte on one
 * layout (matrices, n-gram rows, every worker's random state and drawn noise, progress, losses) and
 * on the checks that refuse a checkpoint of another run, so both stay in this one class.
 */
final class TrainingCheckpoint {

  /** The checkpoint's file name in the work directory. */
  static final String FILE = "checkpoint.bin";

  private static final int MAGIC = 0x4B435657; // "WVCK" little-endian
  private static final int VERSION = 1;
  private static final int BUFFER = 1 << 20;

  /**
   * One worker's generator and its noise words.
   *
   * @param random the linear congruential generator's state
   * @param negatives the noise words of the current example
   * @param nextNegatives the noise words already drawn for the next example
   */
  record WorkerState(long random, int[] negatives, int[] nextNegatives) {}

  private final long fingerprint;
  private final int epochsDone;
  private final long wordsDone;
  private final WorkerState[] workers;
  private final double[] losses;
  private final long[] examples;
  private final float[] inputVectors;
  private final float[] outputVectors;
  private final float[] ngramVectors;

  TrainingCheckpoint(
      long fingerprint,
      int epochsDone,
      long wordsDone,
      WorkerState[] workers,
      double[] losses,
      long[] examples,
      float[] inputVectors,
      float[] outputVectors,
      float[] ngramVectors) {
    this.fingerprint = fingerprint;
    this.epochsDone = epochsDone;
    this.wordsDone = wordsDone;
    this.workers = workers;
    this.losses = losses;
    this.examples = examples;
    this.inputVectors = inputVectors;
    this.outputVectors = outputVectors;
    this.ngramVectors = ngramVectors;
  }

  int epochsDone() {
    return epochsDone;
  }

  long wordsDone() {
    return wordsDone;
  }

  WorkerState[] workers() {
    return workers;
  }

  /** The loss of each epoch done, for the listener of the run that resumes. */
  double[] losses() {
    return losses;
  }

  /** The examples of each epoch done. */
  long[] examples() {
    return examples;
  }

  float[] inputVectors() {
    return inputVectors;
  }

  float[] outputVectors() {
    return outputVectors;
  }

  /** A subword model's n-gram rows; null for a plain model. */
  float[] ngramVectors() {
    return ngramVectors;
  }

  /**
   * What identifies a run: its whole config, its vocabulary (words and counts) and which input rows
   * are locked. FNV-1a over their bytes.
   */
  static long fingerprint(TrainingConfig config, Vocabulary vocabulary, InputLock lock) {
    long h = 0xcbf29ce484222325L;
    h = mix(h, configText(config).getBytes(StandardCharsets.UTF_8));
    h = mix(h, lock.lockedBelow());
    h = mix(h, Float.floatToIntBits(lock.factor()));
    h = mix(h, vocabulary.size());
    for (int i = 0; i < vocabulary.size(); i++) {
      h = mix(h, vocabulary.word(i).getBytes(StandardCharsets.UTF_8));
      h = mix(h, vocabulary.count(i));
    }
    return h;
  }

  /**
   * The config as the fingerprint reads it. The schedule was the last component added: a linear
   * run's text leaves it out, so that a checkpoint written before it existed still resumes.
   */
  static String configText(TrainingConfig config) {
    String text = config.toString();
    return config.schedule() == LearningRateSchedule.LINEAR
        ? text.replace(", schedule=" + LearningRateSchedule.LINEAR.name(), "")
        : text;
  }

  private static long mix(long h, byte[] bytes) {
    for (byte b : bytes) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return (h ^ 0xff) * 0x100000001b3L;
  }

  private static long mix(long h, long value) {
    for (int i = 0; i < 8; i++) {
      h = (h ^ ((value >>> (8 * i)) & 0xff)) * 0x100000001b3L;
    }
    return h;
  }

  /**
   * Writes this checkpoint into {@code dir} atomically, replacing the previous one.
   *
   * @throws IOException if it cannot be written; the previous checkpoint is then untouched
   */
  void write(Path dir) throws IOException {
    Path target = dir.resolve(FILE);
    Path temp = Files.createTempFile(dir, "." + FILE + ".", ".tmp");
    boolean moved = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        Output out = new Output(channel);
        out.putInt(MAGIC);
        out.putInt(VERSION);
        out.putLong(fingerprint);
        out.putInt(epochsDone);
        out.putLong(wordsDone);
        out.putInt(workers.length);
        for (WorkerState w : workers) {
          out.putLong(w.random());
          out.putInt(w.negatives().length);
          out.putInts(w.negatives());
          out.putInts(w.nextNegatives());
        }
        for (int e = 0; e < epochsDone; e++) {
          out.putLong(Double.doubleToRawLongBits(losses[e]));
          out.putLong(examples[e]);
        }
        out.putLong(inputVectors.length);
        out.putFloats(inputVectors);
        out.putFloats(outputVectors);
        out.putLong(ngramVectors == null ? 0 : ngramVectors.length);
        if (ngramVectors != null) {
          out.putFloats(ngramVectors);
        }
        out.finish();
        channel.force(true);
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
      syncDirectory(dir);
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * The checkpoint in {@code dir} if it belongs to the run with this fingerprint and matrices of
   * {@code cells} floats; empty when there is none, or it belongs to another run, or it is not a
   * complete checkpoint (then the run starts over).
   *
   * @throws IOException if the file exists but cannot be read
   */
  static Optional<TrainingCheckpoint> read(Path dir, long fingerprint, int cells, int ngramCells)
      throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      Input in = new Input(channel);
      if (!in.checksumMatches()) {
        return Optional.empty();
      }
      if (in.getInt() != MAGIC || in.getInt() != VERSION || in.getLong() != fingerprint) {
        return Optional.empty();
      }
      int epochsDone = in.getInt();
      long wordsDone = in.getLong();
      int count = in.getInt();
      if (epochsDone < 1 || wordsDone < 0 || count < 1 || count > 1 << 16) {
        return Optional.empty();
      }
      WorkerState[] workers = new WorkerState[count];
      for (int i = 0; i < count; i++) {
        long random = in.getLong();
        int negative = in.getInt();
        if (negative < 0 || negative > TrainingConfig.MAX_NEGATIVE) {
          return Optional.empty();
        }
        workers[i] = new WorkerState(random, in.getInts(negative), in.getInts(negative));
      }
      if (epochsDone > TrainingConfig.MAX_EPOCHS) {
        return Optional.empty();
      }
      double[] losses = new double[epochsDone];
      long[] examples = new long[epochsDone];
      for (int e = 0; e < epochsDone; e++) {
        losses[e] = Double.longBitsToDouble(in.getLong());
        examples[e] = in.getLong();
      }
      if (in.getLong() != cells) {
        return Optional.empty();
      }
      float[] input = in.getFloats(cells);
      float[] output = in.getFloats(cells);
      if (in.getLong() != ngramCells) {
        return Optional.empty();
      }
      float[] ngrams = ngramCells == 0 ? null : in.getFloats(ngramCells);
      return Optional.of(
          new TrainingCheckpoint(
              fingerprint,
              epochsDone,
              wordsDone,
              workers,
              losses,
              examples,
              input,
              output,
              ngrams));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (java.io.EOFException e) {
      return Optional.empty();
    }
  }

  /**
   * Deletes what an earlier run in {@code dir} may have left when its process died: temporary files
   * of a checkpoint being written and encoded corpora. The checkpoint itself stays.
   */
  static void removeLeftovers(Path dir) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if ((name.startsWith(".") && name.endsWith(".tmp")) || name.endsWith(".ids")) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /**
   * Forces a directory's entries to disk, so that a rename into it survives a crash. Not every
   * platform can open a directory; there the rename is as durable as the platform makes it.
   */
  static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort: not supported on this platform
    }
  }

  /** Buffered little-endian writes with a running CRC32C. */
  private static final class Output {
    private final FileChannel channel;
    private final ByteBuffer buffer =
        ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();

    Output(FileChannel channel) {
      this.channel = channel;
    }

    void putInt(int v) throws IOException {
      room(4);
      buffer.putInt(v);
    }

    void putLong(long v) throws IOException {
      room(8);
      buffer.putLong(v);
    }

    void putInts(int[] values) throws IOException {
      for (int v : values) {
        putInt(v);
      }
    }

    void putFloats(float[] values) throws IOException {
      int i = 0;
      while (i < values.length) {
        room(4);
        int n = Math.min(values.length - i, buffer.remaining() / 4);
        FloatBuffer floats = buffer.asFloatBuffer();
        floats.put(values, i, n);
        buffer.position(buffer.position() + 4 * n);
        i += n;
      }
    }

    void finish() throws IOException {
      drain(false);
      room(4);
      buffer.putInt((int) crc.getValue());
      drain(true);
    }

    private void room(int bytes) throws IOException {
      if (buffer.remaining() < bytes) {
        drain(false);
      }
    }

    private void drain(boolean last) throws IOException {
      buffer.flip();
      if (!last) {
        crc.update(buffer.duplicate());
      }
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      buffer.clear();
    }
  }

  /** Buffered little-endian reads of a file whose last four bytes are the CRC32C of the rest. */
  private static final class Input {
    private final FileChannel channel;
    private final ByteBuffer buffer =
        ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);

    Input(FileChannel channel) {
      this.channel = channel;
      buffer.limit(0);
    }

    /** A pass over the whole file: whether its checksum matches its content. */
    boolean checksumMatches() throws IOException {
      long size = channel.size();
      if (size < 4) {
        return false;
      }
      CRC32C crc = new CRC32C();
      ByteBuffer chunk = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
      long at = 0;
      while (at < size - 4) {
        chunk.clear();
        chunk.limit((int) Math.min(chunk.capacity(), size - 4 - at));
        int n = channel.read(chunk, at);
        if (n < 0) {
          return false;
        }
        chunk.flip();
        crc.update(chunk);
        at += n;
      }
      chunk.clear();
      chunk.limit(4);
      while (chunk.hasRemaining()) {
        if (channel.read(chunk, size - 4 + chunk.position()) < 0) {
          return false;
        }
      }
      return chunk.flip().getInt() == (int) crc.getValue();
    }

    int getInt() throws IOException {
      need(4);
      return buffer.getInt();
    }

    long getLong() throws IOException {
      need(8);
      return buffer.getLong();
    }

    int[] getInts(int n) throws IOException {
      int[] values = new int[n];
      for (int i = 0; i < n; i++) {
        values[i] = getInt();
      }
      return values;
    }

    float[] getFloats(int n) throws IOException {
      float[] values = new float[n];
      int i = 0;
      while (i < n) {
        need(4);
        int k = Math.min(n - i, buffer.remaining() / 4);
        FloatBuffer floats = buffer.asFloatBuffer();
        floats.get(values, i, k);
        buffer.position(buffer.position() + 4 * k);
        i += k;
      }
      return values;
    }

    /** Makes at least {@code bytes} readable. */
    private void need(int bytes) throws IOException {
      if (buffer.remaining() >= bytes) {
        return;
      }
      buffer.compact();
      while (buffer.position() < bytes) {
        if (channel.read(buffer) < 0) {
          throw new java.io.EOFException("checkpoint ends early");
        }
      }
      buffer.flip();
    }
  }
}
