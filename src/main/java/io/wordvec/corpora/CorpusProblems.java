package io.wordvec.corpora;

import io.wordvec.system.ApiException;
import org.springframework.http.HttpStatus;

/** The problems of the corpora API, each with a stable type and the properties a client needs. */
final class CorpusProblems {

  private CorpusProblems() {}

  static ApiException notFound(String id) {
    return new ApiException(
            HttpStatus.NOT_FOUND, "corpus-not-found", "Corpus not found", "no corpus '" + id + "'")
        .with("corpus", id);
  }

  static ApiException tooLarge(long limit) {
    return new ApiException(
            HttpStatus.CONTENT_TOO_LARGE,
            "corpus-too-large",
            "Corpus too large",
            "the corpus exceeds the upload limit of " + limit + " bytes")
        .with("limit", limit);
  }

  static ApiException empty() {
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        "empty-corpus",
        "Empty corpus",
        "the uploaded corpus contains no words");
  }

  static ApiException unreadable(String reason) {
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        "unreadable-corpus",
        "Unreadable corpus",
        "the uploaded corpus could not be read: " + reason);
  }

  /** 422: the text (unpacked, for gzip) is not UTF-8 from byte {@code offset} on. */
  static ApiException notUtf8(long offset) {
    return new ApiException(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "corpus-not-utf8",
            "Corpus is not UTF-8",
            "the corpus is not valid UTF-8: the sequence at byte "
                + offset
                + " (counted from 0, in the unpacked text) is malformed; convert it, e.g. with"
                + " iconv -f latin1 -t utf-8")
        .with("offset", offset);
  }

  static ApiException inUse(String id, String holder) {
    return new ApiException(
            HttpStatus.CONFLICT,
            "corpus-in-use",
            "Corpus in use",
            "corpus '" + id + "' is used by job " + holder + " that has not finished")
        .with("corpus", id)
        .with("job", holder);
  }
}
