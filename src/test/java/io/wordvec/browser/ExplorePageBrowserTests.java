package io.wordvec.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.wordvec.testing.HttpTestClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The exploration page in a real browser: search, neighbours, the map, analogies, errors. What the
 * page shows is checked against what the API answers, so that the page and the API cannot drift
 * apart unnoticed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExplorePageBrowserTests extends OpenPageBrowserTests {

  private static final Path MODELS = TestModels.directoryWith("toy.txt");

  @DynamicPropertySource
  static void models(DynamicPropertyRegistry registry) {
    registry.add("wordvec.models.dir", MODELS::toString);
    registry.add("wordvec.data.dir", () -> MODELS.resolveSibling(MODELS.getFileName() + "-data"));
  }

  @Test
  void theTopBarDescribesTheDefaultModel() {
    assertThat(new Select(driver.findElement(By.id("model-select"))).getFirstSelectedOption())
        .extracting(WebElement::getText)
        .isEqualTo("toy (default)");
    // toy.txt: 60 words of 24 dimensions in word2vec's text format
    assertThat(driver.findElement(By.id("model-info")).getText())
        .isEqualTo("60 words · 24 dimensions · word2vec-text");
  }

  @Test
  void typingAWordSuggestsWordsThenShowsNeighboursAndTheMap() throws IOException {
    WebElement input = driver.findElement(By.id("search-input"));
    input.sendKeys("pri");
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#suggestions li[data-word='princess']")));
    assertThat(texts(By.cssSelector("#suggestions li"))).containsExactly("prince", "princess");
    driver.findElement(By.cssSelector("#suggestions li[data-word='prince']")).click();

    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#map g.point.query[data-word='prince']")));
    List<String> neighbours = attributes(By.cssSelector("#neighbors li"), "data-word");
    assertThat(neighbours)
        .hasSize(15)
        .startsWith("king")
        .contains("princess")
        .doesNotContain("prince");
    assertThat(driver.findElements(By.cssSelector("#map g.point"))).hasSize(16);
    assertThat(driver.findElement(By.id("search-error")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("map-caption")).getText()).contains("% of the variance");
    JsonNode answer = api().get("/api/v1/models/toy/neighbors?word=prince&topn=15").json();
    assertShowsScoredWords(By.cssSelector("#neighbors li"), answer.required("neighbors"));
    String princessScore =
        driver.findElement(By.cssSelector("#neighbors li[data-word='princess'] .score")).getText();
    assertThat(
            driver
                .findElement(By.cssSelector("#map g.point[data-word='princess'] title"))
                .getDomProperty("textContent"))
        .isEqualTo("princess: similarity " + princessScore);
    Browser.screenshot(driver, "explore-neighbours-and-map");

    // a point on the map searches its word
    driver.findElement(By.cssSelector("#map g.point[data-word='princess'] circle")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#map g.point.query[data-word='princess']")));
    assertThat(input.getDomProperty("value")).isEqualTo("princess");
    assertThat(attributes(By.cssSelector("#neighbors li"), "data-word")).contains("prince");
  }

  @Test
  void solvingAnAnalogyListsTheAnswerFirst() throws IOException {
    driver.findElement(By.id("analogy-a")).sendKeys("man");
    driver.findElement(By.id("analogy-b")).sendKeys("king");
    driver.findElement(By.id("analogy-c")).sendKeys("woman");
    driver.findElement(By.id("analogy-submit")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#analogy-results li")));
    List<String> answers = attributes(By.cssSelector("#analogy-results li"), "data-word");
    assertThat(answers).first().isEqualTo("queen");
    assertThat(answers).doesNotContain("man", "king", "woman");
    JsonNode answer =
        api().get("/api/v1/models/toy/analogy?a=man&b=king&c=woman&topn=10&method=cosadd").json();
    assertShowsScoredWords(By.cssSelector("#analogy-results li"), answer.required("answers"));
    Browser.screenshot(driver, "explore-analogy");
  }

  @Test
  void anUnknownWordShowsAReadableProblemWithClickableSuggestions() throws IOException {
    driver.findElement(By.id("search-input")).sendKeys("kingg" + Keys.ENTER);

    WebElement error =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-error")));
    assertThat(error.getText())
        .contains("Word not found")
        .contains("kingg")
        .doesNotContain("{")
        .doesNotContain("Exception");
    assertThat(driver.findElements(By.cssSelector("#neighbors li"))).isEmpty();
    JsonNode problem = api().get("/api/v1/models/toy/neighbors?word=kingg").json();
    String detail = problem.required("detail").asString();
    // the page shows the detail up to its "did you mean" tail, and the suggestions as links
    assertThat(error.getText()).contains(detail.substring(0, detail.indexOf(';')));
    assertThat(texts(error, By.cssSelector("a.suggestion")))
        .isNotEmpty()
        .containsExactlyElementsOf(suggestions(problem));
    Browser.screenshot(driver, "explore-unknown-word");

    error.findElement(By.cssSelector("a.suggestion")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#map g.point.query[data-word='king']")));
    assertThat(error.isDisplayed()).isFalse();
  }

  @Test
  void anAnalogyWithAnUnknownWordSaysWhichWord() {
    driver.findElement(By.id("analogy-a")).sendKeys("man");
    driver.findElement(By.id("analogy-b")).sendKeys("king");
    driver.findElement(By.id("analogy-c")).sendKeys("zebra");
    driver.findElement(By.id("analogy-submit")).click();

    WebElement error =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("analogy-error")));
    assertThat(error.getText()).contains("Word not found").contains("zebra").doesNotContain("{");
  }

  @Test
  void anAnalogyWithMisspeltWordsSuggestsSpellingsForEach() {
    driver.findElement(By.id("analogy-a")).sendKeys("man");
    driver.findElement(By.id("analogy-b")).sendKeys("kingg");
    driver.findElement(By.id("analogy-c")).sendKeys("womann");
    driver.findElement(By.id("analogy-submit")).click();

    WebElement error =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("analogy-error")));
    JsonNode problem =
        api().get("/api/v1/models/toy/analogy?a=man&b=kingg&c=womann&topn=10").json();
    assertThat(suggestions(problem)).contains("king", "woman");
    assertThat(texts(error, By.cssSelector("a.suggestion")))
        .containsExactlyElementsOf(suggestions(problem));
  }

  @Test
  void aModelTheServerNoLongerHasShowsTheModelsItHas() {
    // a page opened before the server restarted without one of its models still offers it
    ((JavascriptExecutor) driver)
        .executeScript(
            "const option = document.createElement('option');"
                + " option.value = option.textContent = 'retired';"
                + " document.getElementById('model-select').append(option);");
    new Select(driver.findElement(By.id("model-select"))).selectByValue("retired");
    driver.findElement(By.id("search-input")).sendKeys("king" + Keys.ENTER);

    WebElement error =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-error")));
    assertThat(error.findElement(By.className("title")).getText()).isEqualTo("Model not found");
    assertThat(error.getText()).contains("retired");
    assertThat(error.findElement(By.className("more")).getText()).isEqualTo("Available: toy");
  }

  /**
   * The rows show the API's scored words in its order, each score rounded to the 3 decimals shown.
   */
  private void assertShowsScoredWords(By rows, JsonNode scoredWords) {
    List<WebElement> shown = driver.findElements(rows);
    assertThat(shown).hasSize(scoredWords.size());
    for (int i = 0; i < shown.size(); i++) {
      JsonNode expected = scoredWords.required(i);
      assertThat(shown.get(i).getDomAttribute("data-word"))
          .isEqualTo(expected.required("word").asString());
      String score = shown.get(i).findElement(By.className("score")).getText();
      assertThat(score).matches("-?\\d\\.\\d{3}");
      assertThat(Double.parseDouble(score))
          .isCloseTo(expected.required("score").asDouble(), within(0.0005));
    }
  }

  /** A word-not-found problem's suggestions for every unknown word, each once, in order. */
  private static List<String> suggestions(JsonNode problem) {
    Set<String> words = new LinkedHashSet<>();
    for (JsonNode forWord : problem.required("suggestions").values()) {
      forWord.values().forEach(word -> words.add(word.asString()));
    }
    return words.stream().limit(8).toList();
  }

  private HttpTestClient api() {
    return new HttpTestClient(port);
  }

  private List<String> texts(By by) {
    return driver.findElements(by).stream().map(WebElement::getText).toList();
  }

  private static List<String> texts(WebElement box, By by) {
    return box.findElements(by).stream().map(WebElement::getText).toList();
  }

  private List<String> attributes(By by, String name) {
    return driver.findElements(by).stream().map(e -> e.getDomAttribute(name)).toList();
  }
}
