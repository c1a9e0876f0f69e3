package io.wordvec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: readable by all, nothing left on failure; background checksums always stop. */
class DurableWritesTests {

  @TempDir Path dir;

  @Test
  void anAtomicWriteIsReadableByAllAndLeavesNoTemporaryFile() throws IOException {
    Assumptions.assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path target = dir.resolve("record.json");

    AtomicFiles.write(target, out -> out.write("{}".getBytes()));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-r--r--");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void aFailedWriteLeavesTheOldContentAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("record.json");
    Files.writeString(target, "old");

    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write("half".getBytes());
                      throw new IOException("No space left on device");
                    }))
        .hasMessageContaining("No space");

    assertThat(Files.readString(target)).isEqualTo("old");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void temporaryFilesAreHiddenAndNamedAfterTheirTarget() throws IOException {
    Path scratch = AtomicFiles.Pending.scratchFile(dir.resolve("m.wvm"));
    String name = scratch.getFileName().toString();
    assertThat(name).startsWith(".m.wvm.").endsWith(".tmp");
    assertThat(AtomicFiles.isTemporary(name)).isTrue();
    assertThat(AtomicFiles.isTemporary("m.wvm")).isFalse();
    assertThat(AtomicFiles.isTemporary(".default-model")).isFalse();
  }

  @Test
  void aClosedChecksumStopsItsThread() throws Exception {
    Path file = dir.resolve("big.bin");
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      // sparse: reads as zeros, costs no disk
      channel.write(java.nio.ByteBuffer.wrap(new byte[] {1}), (3L << 30) - 1);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      BackgroundChecksum checksum =
          BackgroundChecksum.start(channel, new CRC32C(), List.of(), 0, channel.size());
      checksum.close();
      checksum.thread().join();
      assertThat(checksum.completed()).as("read the whole file although closed").isFalse();
    }
  }
}
