package io.wordvec.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MultipartException;

/** A full disk: a 507 problem for the request that hits it, and a DOWN storage health. */
class StorageTests {

  private static final Path DATA = Path.of("/srv/secret/data");
  private static final Path MODELS = Path.of("/srv/secret/models");

  @Test
  void aWriteThatRunsOutOfSpaceIsA507ProblemWithoutThePath() {
    FileSystemException full =
        new FileSystemException(
            "/srv/secret/data/corpora/abc.part", null, "No space left on device");
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/corpora");

    ResponseEntity<Object> response =
        new ProblemDetailsAdvice().unexpected(full, new ServletWebRequest(request));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INSUFFICIENT_STORAGE);
    ProblemDetail problem = (ProblemDetail) response.getBody();
    assertThat(problem.getType().toString()).isEqualTo("/problems/insufficient-storage");
    assertThat(problem.getStatus()).isEqualTo(507);
    assertThat(String.valueOf(problem)).doesNotContain("/srv").doesNotContain("abc.part");
  }

  @Test
  void aFullDiskIsRecognisedBehindWrappersAndQuotasToo() {
    assertThat(
            InsufficientStorageException.isOutOfSpace(
                new MultipartException(
                    "spooling failed", new IOException("write failed: No space left on device"))))
        .isTrue();
    assertThat(
            InsufficientStorageException.isOutOfSpace(
                new FileSystemException("f", null, "Disk quota exceeded")))
        .isTrue();
    assertThat(InsufficientStorageException.isOutOfSpace(new IOException("Broken pipe"))).isFalse();
    assertThat(InsufficientStorageException.isOutOfSpace(new IllegalStateException("no space")))
        .isFalse();
  }

  @Test
  void anyOtherUnexpectedErrorStaysA500() {
    ResponseEntity<Object> response =
        new ProblemDetailsAdvice()
            .unexpected(
                new IOException("Broken pipe"),
                new ServletWebRequest(new MockHttpServletRequest("GET", "/x")));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
  }

  @Test
  void storageHealthWatchesTheDataAndModelsDirectoriesAndNamesNoPath() {
    Map<Path, Long> free = Map.of(DATA, 500L << 20, MODELS, 5L << 20);
    StorageHealthIndicator indicator =
        new StorageHealthIndicator(DATA, MODELS, DataSize.ofMegabytes(100), free::get);

    Health health = indicator.health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsOnlyKeys("data", "models");
    assertThat(health.getDetails().get("data")).asString().contains("UP");
    assertThat(health.getDetails().get("models")).asString().contains("DOWN");
    assertThat(String.valueOf(health.getDetails())).doesNotContain("/srv");
  }

  @Test
  void storageHealthIsUpWithEnoughSpaceEverywhereAndDownWhenItCannotTell() {
    StorageHealthIndicator enough =
        new StorageHealthIndicator(DATA, MODELS, DataSize.ofMegabytes(100), dir -> 1L << 40);
    assertThat(enough.health().getStatus()).isEqualTo(Status.UP);

    StorageHealthIndicator broken =
        new StorageHealthIndicator(
            DATA,
            MODELS,
            DataSize.ofMegabytes(100),
            dir -> {
              throw new IOException("/srv/secret: gone");
            });
    Health health = broken.health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(String.valueOf(health.getDetails())).doesNotContain("/srv");
  }
}
