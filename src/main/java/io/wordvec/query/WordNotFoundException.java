package io.wordvec.query;

import io.wordvec.system.ApiException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A query named words the model does not know: 404 with the model, the unknown words and, for each,
 * the closest known spellings.
 */
public class WordNotFoundException extends ApiException {

  public WordNotFoundException(String model, List<String> words, Map<String, List<String>> hints) {
    super(
        HttpStatus.NOT_FOUND,
        "word-not-found",
        "Word not found",
        (words.size() == 1
                ? "Model '" + model + "' does not know the word '" + words.get(0) + "'"
                : "Model '" + model + "' does not know the words " + quoted(words))
            + hint(hints));
    with("model", model);
    with("words", words);
    if (words.size() == 1) {
      with("word", words.get(0));
    }
    with("suggestions", hints);
  }

  private static String quoted(List<String> words) {
    return words.stream().map(w -> "'" + w + "'").toList().toString();
  }

  private static String hint(Map<String, List<String>> hints) {
    List<String> all = hints.values().stream().flatMap(List::stream).limit(5).toList();
    return all.isEmpty() ? "." : "; did you mean " + String.join(", ", all) + "?";
  }
}
