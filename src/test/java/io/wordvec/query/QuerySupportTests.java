package io.wordvec.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wordvec.system.InvalidParameterException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuerySupportTests {

  private static final Map<String, Integer> SIZES = Map.of("small", 1, "s", 1, "large", 3);

  @Test
  void choiceFallsBackWhenAbsentOrBlank() {
    assertThat(QuerySupport.choice("size", null, 2, SIZES, "'small' or 'large'")).isEqualTo(2);
    assertThat(QuerySupport.choice("size", " ", 2, SIZES, "'small' or 'large'")).isEqualTo(2);
  }

  @Test
  void choiceIgnoresCaseAndAcceptsAliases() {
    assertThat(QuerySupport.choice("size", "LARGE", 2, SIZES, "'small' or 'large'")).isEqualTo(3);
    assertThat(QuerySupport.choice("size", "S", 2, SIZES, "'small' or 'large'")).isEqualTo(1);
  }

  @Test
  void unknownChoiceNamesTheParameterAndTheAcceptedValues() {
    assertThatThrownBy(() -> QuerySupport.choice("size", "Huge", 2, SIZES, "'small' or 'large'"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("'size' must be 'small' or 'large', was 'Huge'");
  }

  @Test
  void countFallsBackWhenAbsentAndAcceptsItsBounds() {
    assertThat(QuerySupport.count("topn", null, 10, 100)).isEqualTo(10);
    assertThat(QuerySupport.count("topn", 1, 10, 100)).isEqualTo(1);
    assertThat(QuerySupport.count("topn", 100, 10, 100)).isEqualTo(100);
  }

  @Test
  void countOutOfRangeNamesTheLimit() {
    for (int count : new int[] {0, 101}) {
      assertThatThrownBy(() -> QuerySupport.count("topn", count, 10, 100))
          .isInstanceOfSatisfying(
              InvalidParameterException.class,
              e -> assertThat(e.getBody().getProperties()).containsEntry("limit", 100))
          .hasMessageContaining(
              "'topn' must be between 1 and 100 (the configured limit), was '" + count + "'");
    }
  }
}
