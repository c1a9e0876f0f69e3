package io.wordvec.corpora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.system.ApiException;
import io.wordvec.system.DataProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class CorpusStoreTests {

  @TempDir Path dataDir;

  private CorpusStore store(long maxBytes) throws IOException {
    return new CorpusStore(
        new DataProperties(dataDir), new CorporaProperties(DataSize.ofBytes(maxBytes)));
  }

  private static ByteArrayInputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void countsBytesLinesAndTokens() throws IOException {
    CorpusStore store = store(1000);
    Corpus c = store.store(text("the king\n  the  queen \n\nlast line"), "dir/my.txt");
    assertThat(c.bytes()).isEqualTo(33);
    assertThat(c.lines()).isEqualTo(4);
    assertThat(c.tokens()).isEqualTo(6);
    assertThat(c.name()).isEqualTo("my.txt");
    assertThat(Files.readString(store.path(c.id()))).startsWith("the king\n");
    assertThat(store.find(c.id())).contains(c);
    assertThat(store.list()).containsExactly(c);
  }

  @Test
  void gzipIsUnpackedOnTheWay() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write("a b c\nd e\n".getBytes(StandardCharsets.UTF_8));
    }
    CorpusStore store = store(1000);
    Corpus c = store.store(new ByteArrayInputStream(gz.toByteArray()), "x.txt.gz");
    assertThat(c.lines()).isEqualTo(2);
    assertThat(c.tokens()).isEqualTo(5);
    assertThat(Files.readString(store.path(c.id()))).isEqualTo("a b c\nd e\n");
  }

  @Test
  void tooLargeIsRefusedWith413AndLeavesNothing() throws IOException {
    CorpusStore store = store(10);
    assertThatThrownBy(() -> store.store(text("one two three four five"), null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
              assertThat(e.getBody().getProperties()).containsEntry("limit", 10L);
            });
    try (var files = Files.list(dataDir.resolve("corpora"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void textThatIsNotUtf8IsRefusedWith422AtItsByteOffsetAndLeavesNothing() throws IOException {
    CorpusStore store = store(1 << 20);
    // 70,000 good bytes (more than one read buffer) then a Latin-1 é.
    byte[] latin1 = ("ok ".repeat(23_333) + "x caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
    long offset = 23_333 * 3 + 5;
    assertThatThrownBy(() -> store.store(new ByteArrayInputStream(latin1), "latin1.txt"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
              assertThat(e.getBody().getType().toString()).isEqualTo("/problems/corpus-not-utf8");
              assertThat(e.getBody().getProperties()).containsEntry("offset", offset);
              assertThat(e.getBody().getDetail()).contains("at byte " + offset);
            });
    // A character cut by the end of the upload is refused too.
    byte[] cut = java.util.Arrays.copyOf("a €".getBytes(StandardCharsets.UTF_8), 4);
    assertThatThrownBy(() -> store.store(new ByteArrayInputStream(cut), null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.getBody().getProperties()).containsEntry("offset", 2L));
    try (var files = Files.list(dataDir.resolve("corpora"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aGzipBombIsStoppedAtTheLimitOfUncompressedText() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(("word ".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
    }
    CorpusStore store = store(1000);
    assertThat(gz.size()).isLessThan(1000);
    assertThatThrownBy(() -> store.store(new ByteArrayInputStream(gz.toByteArray()), null))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("1000 bytes");
  }

  @Test
  void emptyAndBrokenUploadsAreRefused() throws IOException {
    CorpusStore store = store(1000);
    assertThatThrownBy(() -> store.store(text(" \n\n "), null)).hasMessageContaining("no words");
    byte[] broken = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3};
    assertThatThrownBy(() -> store.store(new ByteArrayInputStream(broken), null))
        .hasMessageContaining("gzip");
  }

  @Test
  void deleteRemovesBothFilesAndUnknownIdsAreNotFound() throws IOException {
    CorpusStore store = store(1000);
    Corpus c = store.store(text("a b"), null);
    assertThat(store.delete(c.id())).isTrue();
    assertThat(store.exists(c.id())).isFalse();
    assertThat(store.delete(c.id())).isFalse();
    assertThat(store.find("../../etc/passwd")).isEmpty();
  }

  @Test
  void aLeasedCorpusCannotBeDeletedUntilEveryLeaseIsClosed() throws IOException {
    CorpusStore store = store(1000);
    String id = store.store(text("a b c\n"), null).id();
    CorpusLease first = store.acquire(id, "job-1");
    CorpusLease second = store.acquire(id, "job-2");

    assertThatThrownBy(() -> store.delete(id))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
              assertThat(e.getBody().getProperties()).containsEntry("job", "job-1");
            });
    first.close();
    first.close();
    assertThatThrownBy(() -> store.delete(id)).hasMessageContaining("job-2");
    second.close();
    assertThat(store.delete(id)).isTrue();
    assertThat(store.exists(id)).isFalse();
  }

  @Test
  void anUnknownCorpusCannotBeLeased() throws IOException {
    CorpusStore store = store(1000);
    assertThatThrownBy(() -> store.acquire("0123456789ab", "job"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
  }
}
