package io.wordvec.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The exploration page in a real browser: search, neighbours, the map, analogies, errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExplorePageBrowserTests extends OpenPageBrowserTests {

  private static final Path MODELS = TestModels.directoryWith("toy.txt");

  @DynamicPropertySource
  static void models(DynamicPropertyRegistry registry) {
    registry.add("wordvec.models.dir", MODELS::toString);
    registry.add("wordvec.data.dir", () -> MODELS.resolveSibling(MODELS.getFileName() + "-data"));
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

  private List<String> texts(By by) {
    return driver.findElements(by).stream().map(WebElement::getText).toList();
  }

  private List<String> attributes(By by, String name) {
    return driver.findElements(by).stream().map(e -> e.getDomAttribute(name)).toList();
  }
}
