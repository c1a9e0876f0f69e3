package io.wordvec.alignments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.align.Alignment;
import io.wordvec.system.DataProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlignmentStoreTests {

  @TempDir Path dir;

  private AlignmentStore store() throws IOException {
    return new AlignmentStore(new DataProperties(dir));
  }

  /** A 2-d rotation by 90 degrees. */
  private static final Alignment QUARTER_TURN = Alignment.of(2, new float[] {0, 1, -1, 0});

  private static AlignmentRecord record(String id, String source, String target) {
    return new AlignmentRecord(
        id,
        source,
        target,
        2,
        "identical",
        5000,
        4000,
        0,
        0,
        List.of(),
        List.of(),
        0.9,
        10,
        12,
        "0123456789abcdef",
        "fedcba9876543210",
        Instant.parse("2026-01-02T03:04:05Z"),
        AlignmentStore.encode(QUARTER_TURN.matrix()));
  }

  @Test
  void aSavedAlignmentIsReadBackAfterARestart() throws IOException {
    String id = AlignmentStore.newId();
    store().save(record(id, "a", "b"), QUARTER_TURN, 10);

    AlignmentStore reopened = store();

    AlignmentStore.Entry entry = reopened.find(id).orElseThrow();
    assertThat(entry.alignment()).isEqualTo(QUARTER_TURN);
    assertThat(entry.record()).isEqualTo(record(id, "a", "b"));
    assertThat(reopened.findPair("a", "b")).isPresent();
    assertThat(reopened.findPair("b", "a")).isEmpty();
  }

  @Test
  void leftoversOfAnInterruptedSaveAndUnreadableFilesAreSkippedNotLost() throws IOException {
    String id = AlignmentStore.newId();
    store().save(record(id, "a", "b"), QUARTER_TURN, 10);
    Path alignments = dir.resolve("alignments");
    Files.writeString(alignments.resolve(id + ".json.tmp"), "{\"id\": \"half");
    Files.writeString(alignments.resolve("0123456789ab.json"), "not json");
    String skewed = AlignmentStore.newId();
    AlignmentRecord bad = record(skewed, "c", "d");
    Files.writeString(
        alignments.resolve(skewed + ".json"),
        Files.readString(alignments.resolve(id + ".json"))
            .replace(id, skewed)
            .replace(bad.matrix(), AlignmentStore.encode(new float[] {1, 1, 0, 1})));

    AlignmentStore reopened = store();

    assertThat(reopened.list()).extracting(e -> e.record().id()).containsExactly(id);
    assertThat(alignments.resolve(id + ".json.tmp")).doesNotExist();
    assertThat(alignments.resolve("0123456789ab.json")).exists();
    assertThat(alignments.resolve(skewed + ".json")).exists();
  }

  @Test
  void oneAlignmentPerPairAndAtMostTheLimit() throws IOException {
    AlignmentStore store = store();
    String first = AlignmentStore.newId();
    store.save(record(first, "a", "b"), QUARTER_TURN, 1);
    String second = AlignmentStore.newId();

    assertThat(store.save(record(second, "a", "b"), QUARTER_TURN, 1)).contains(first);
    assertThat(dir.resolve("alignments/" + first + ".json")).doesNotExist();
    assertThatThrownBy(() -> store.save(record(AlignmentStore.newId(), "b", "a"), QUARTER_TURN, 1))
        .isInstanceOf(AlignmentProblem.class)
        .hasMessageContaining("delete one first");
    assertThat(store.delete(second)).isTrue();
    assertThat(store.delete(second)).isFalse();
    assertThat(store.list()).isEmpty();
  }
}
