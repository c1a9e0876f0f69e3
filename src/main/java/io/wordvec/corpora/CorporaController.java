package io.wordvec.corpora;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wordvec.system.ApiException;
import io.wordvec.system.BadRequestProblem;
import io.wordvec.system.ConflictProblem;
import io.wordvec.system.NotFoundProblem;
import io.wordvec.system.PayloadTooLargeProblem;
import io.wordvec.system.UnprocessableProblem;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/corpora")
@Tag(name = "Corpora", description = "Upload text to train on")
class CorporaController {

  private final CorpusStore corpora;

  CorporaController(CorpusStore corpora) {
    this.corpora = corpora;
  }

  @PostMapping
  @Operation(
      summary = "Upload a corpus",
      description =
          "The body is the corpus (text/plain, one sentence per line), or a multipart form with a"
              + " 'file' part; gzip is recognised and unpacked. The upload is streamed to disk;"
              + " beyond the size limit it is refused with 413. Answers 201 with the id, size,"
              + " lines and tokens.")
  @ApiResponse(responseCode = "201", description = "stored")
  @BadRequestProblem("no words in the corpus, or a broken multipart or gzip body")
  @UnprocessableProblem("the text is not UTF-8 (corpus-not-utf8, with the byte offset)")
  @PayloadTooLargeProblem("larger than wordvec.corpora.max-size")
  ResponseEntity<Corpus> upload(
      @Parameter(description = "a name to remember the corpus by (file name)")
          @RequestParam(required = false)
          String name,
      HttpServletRequest request)
      throws IOException, ServletException {
    // A declared size over the limit is refused before a byte of the body is read.
    if (request.getContentLengthLong() > corpora.maxBytes()) {
      throw CorpusProblems.tooLarge(corpora.maxBytes());
    }
    Corpus corpus;
    String contentType = request.getContentType();
    if (contentType != null && contentType.toLowerCase().startsWith("multipart/")) {
      Part part;
      try {
        part = request.getPart("file");
        if (part == null) {
          part = request.getParts().stream().findFirst().orElse(null);
        }
      } catch (IllegalStateException e) {
        throw multipartFailure(e);
      }
      if (part == null) {
        throw CorpusProblems.empty();
      }
      try (InputStream in = part.getInputStream()) {
        corpus = corpora.store(in, name != null ? name : part.getSubmittedFileName());
      }
    } else {
      corpus = corpora.store(request.getInputStream(), name);
    }
    return ResponseEntity.created(URI.create("/api/v1/corpora/" + corpus.id())).body(corpus);
  }

  /**
   * The container refuses a multipart body beyond {@code spring.servlet.multipart.max-*-size} with
   * an IllegalStateException caused by its own size exception; anything else is a broken body.
   */
  private ApiException multipartFailure(IllegalStateException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getSimpleName().contains("Size")) {
        return CorpusProblems.tooLarge(corpora.maxBytes());
      }
    }
    return CorpusProblems.unreadable("malformed multipart body");
  }

  @GetMapping
  @Operation(summary = "List corpora, newest first")
  List<Corpus> list() throws IOException {
    return corpora.list();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One corpus")
  @NotFoundProblem("no such corpus")
  Corpus get(@Parameter(description = "corpus id") @PathVariable String id) {
    return corpora.find(id).orElseThrow(() -> CorpusProblems.notFound(id));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a corpus", description = "Refused with 409 while a job uses it.")
  @ApiResponse(responseCode = "204", description = "deleted")
  @NotFoundProblem("no such corpus")
  @ConflictProblem("a job that has not finished uses the corpus")
  ResponseEntity<Void> delete(@Parameter(description = "corpus id") @PathVariable String id)
      throws IOException {
    if (!corpora.delete(id)) {
      throw CorpusProblems.notFound(id);
    }
    return ResponseEntity.noContent().build();
  }
}
