package io.wordvec.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.wordvec.testing.HttpTestClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The training panel in a real browser: upload a corpus, train, watch it finish, use the model.
 * What the page shows of a job is checked against the job as the API gives it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "wordvec.jobs.threads=1")
class TrainingPageBrowserTests extends OpenPageBrowserTests {

  @DynamicPropertySource
  static void directories(DynamicPropertyRegistry registry) {
    TestModels.register(registry, "toy.txt");
  }

  @Test
  void uploadingACorpusAndTrainingShowsTheJobSucceedAndTheNewModelAnswers() throws IOException {
    WebElement job = startTraining("hamlet.txt", "hamlet-web", "2");

    untilFinal(job, Duration.ofSeconds(120));
    Browser.screenshot(driver, "training-succeeded");
    assertThat(job.findElement(By.className("state")).getText()).isEqualTo("SUCCEEDED");
    assertThat(job.findElement(By.className("job-title")).getText()).contains("hamlet-web");
    assertThat(job.findElements(By.cssSelector(".losses span"))).hasSize(2);
    assertThat(job.findElement(By.className("job-stats")).getText()).startsWith("100%");
    JsonNode view = jobView(job);
    assertThat(job.findElement(By.className("job-stats")).getText())
        .isEqualTo(
            String.format(
                Locale.US,
                "100%% · epoch 2/2 · %,d words in the model",
                view.required("result").required("vocabularySize").asInt()));
    assertShowsLosses(job, view.required("losses"));
    assertThat(driver.findElement(By.id("job-error")).isDisplayed()).isFalse();

    // the toy model is a plain vector file: only a model trained here can be fine-tuned
    WebElement fineTune = driver.findElement(By.cssSelector("#job-type option[value='fine-tune']"));
    assertThat(fineTune.isEnabled()).isFalse();
    job.findElement(By.cssSelector("button.use")).click();
    wait.until(
        d -> "hamlet-web".equals(d.findElement(By.id("model-select")).getDomProperty("value")));
    assertThat(fineTune.isEnabled()).isTrue();
    assertThat(fineTune.getText()).isEqualTo("Fine-tune hamlet-web");
    driver.findElement(By.id("search-input")).sendKeys("king" + Keys.ENTER);
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#map g.point.query[data-word='king']")));
    assertThat(driver.findElements(By.cssSelector("#neighbors li"))).isNotEmpty();
    assertThat(driver.findElement(By.id("search-caption")).getText()).contains("hamlet-web");
    Browser.screenshot(driver, "training-new-model");
  }

  @Test
  void aModelTrainedHereCanBeFineTunedFromThePage() throws IOException {
    WebElement trained = startTraining("hamlet.txt", "hamlet-base", "1");
    untilFinal(trained, Duration.ofSeconds(120));
    assertThat(trained.findElement(By.className("state")).getText()).isEqualTo("SUCCEEDED");
    // the toy model is a plain vector file: it cannot be fine-tuned, the model trained here can
    WebElement fineTune = driver.findElement(By.cssSelector("#job-type option[value='fine-tune']"));
    assertThat(fineTune.isEnabled()).isFalse();
    trained.findElement(By.cssSelector("button.use")).click();
    wait.until(ExpectedConditions.elementToBeClickable(fineTune));

    int jobsBefore = driver.findElements(By.cssSelector("#jobs li.job")).size();
    fillJobForm("kjv-pentateuch.txt", "hamlet-tuned", "1");
    new Select(driver.findElement(By.id("job-type"))).selectByValue("fine-tune");
    driver.findElement(By.id("job-start")).click();
    wait.until(
        ExpectedConditions.numberOfElementsToBe(By.cssSelector("#jobs li.job"), jobsBefore + 1));
    WebElement tuned = driver.findElement(By.cssSelector("#jobs li.job"));

    untilFinal(tuned, Duration.ofSeconds(120));
    Browser.screenshot(driver, "training-fine-tuned");
    assertThat(tuned.findElement(By.className("state")).getText()).isEqualTo("SUCCEEDED");
    assertThat(tuned.findElement(By.className("job-title")).getText())
        .contains("hamlet-tuned")
        .contains("fine-tune of hamlet-base");
    assertThat(tuned.findElement(By.className("job-stats")).getText())
        .contains("new words")
        .contains("neighbours kept");
    JsonNode result = jobView(tuned).required("result");
    JsonNode drift = result.required("drift");
    List<String> stats =
        List.of(tuned.findElement(By.className("job-stats")).getText().split(" · "));
    assertThat(stats)
        .startsWith(
            "100%",
            "epoch 1/1",
            String.format(
                Locale.US, "%,d words in the model", result.required("vocabularySize").asInt()),
            String.format(Locale.US, "%,d new words", drift.required("newWords").asInt()))
        .hasSize(6)
        .endsWith(
            "top-10 neighbours kept "
                + Math.round(100 * drift.required("neighborOverlap").asDouble())
                + "%");
    assertThat(stats.get(4)).matches("mean cosine shift \\d\\.\\d{3}");
    assertThat(Double.parseDouble(stats.get(4).substring("mean cosine shift ".length())))
        .isCloseTo(drift.required("meanCosineShift").asDouble(), within(0.0005));
  }

  @Test
  void cancellingAJobShowsItCancelledAndOffersNoModel() throws IOException {
    WebElement job = startTraining("kjv-pentateuch.txt", "pentateuch-cancelled", "100");

    job.findElement(By.cssSelector("button.cancel")).click();

    untilFinal(job, Duration.ofSeconds(60));
    assertThat(job.findElement(By.className("state")).getText()).isEqualTo("CANCELLED");
    assertThat(job.findElement(By.cssSelector("button.use")).isDisplayed()).isFalse();
    assertThat(job.findElement(By.cssSelector("button.cancel")).isDisplayed()).isFalse();
    // how far it got, as the API says
    JsonNode view = jobView(job);
    assertThat(job.findElement(By.className("job-stats")).getText())
        .isEqualTo(
            "%d%% · epoch %d/100"
                .formatted(
                    Math.round(100 * view.required("progress").asDouble()),
                    view.required("epoch").asInt()));
    assertShowsLosses(job, view.required("losses"));
    Browser.screenshot(driver, "training-cancelled");
  }

  @Test
  void aJobForAModelNameInUseShowsAReadableProblem() throws IOException {
    int jobsBefore = driver.findElements(By.cssSelector("#jobs li.job")).size();
    fillJobForm("hamlet.txt", "toy", "1");
    driver.findElement(By.id("job-start")).click();

    WebElement error =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("job-error")));
    assertThat(error.getText()).contains("toy").doesNotContain("{").doesNotContain("Exception");
    assertThat(error.findElement(By.className("title")).getText()).isEqualTo("Model exists");
    assertThat(error.getText()).contains("a model named 'toy' exists");
    assertThat(driver.findElements(By.cssSelector("#jobs li.job"))).hasSize(jobsBefore);
    Browser.screenshot(driver, "training-name-in-use");
  }

  @Test
  void aJobRequestTheServerRejectsListsEachBadFieldWithItsReason() throws IOException {
    int jobsBefore = driver.findElements(By.cssSelector("#jobs li.job")).size();
    // both pass the form's own checks: the name has no length limit there, min count no maximum
    fillJobForm("hamlet.txt", "m".repeat(101), "1");
    setNumber("job-min-count", "3000000000");
    driver.findElement(By.id("job-start")).click();

    WebElement error =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("job-error")));
    assertThat(error.findElement(By.className("title")).getText()).isEqualTo("Invalid job request");
    assertThat(error.findElements(By.cssSelector(".field-errors li")))
        .extracting(WebElement::getText)
        .satisfiesExactly(
            name -> assertThat(name).startsWith("outputModel: must be 1 to 100 letters"),
            minCount -> assertThat(minCount).startsWith("params.minCount: must be an integer"));
    assertThat(driver.findElements(By.cssSelector("#jobs li.job"))).hasSize(jobsBefore);
    Browser.screenshot(driver, "training-invalid-request");
  }

  /** The job of an entry in the list, as the API gives it. */
  private JsonNode jobView(WebElement job) {
    HttpTestClient.Response response =
        new HttpTestClient(port).get("/api/v1/jobs/" + job.getDomAttribute("data-job"));
    assertThat(response.status()).isEqualTo(200);
    return response.json();
  }

  /** One chip per finished epoch: its number and mean loss, to the 4 significant digits shown. */
  private static void assertShowsLosses(WebElement job, JsonNode losses) {
    List<WebElement> chips = job.findElements(By.cssSelector(".losses span"));
    assertThat(chips).hasSize(losses.size());
    Pattern chip = Pattern.compile("epoch (\\d+): loss (\\d+\\.\\d+)");
    for (int i = 0; i < chips.size(); i++) {
      Matcher shown = chip.matcher(chips.get(i).getText());
      assertThat(shown.matches()).as(chips.get(i).getText()).isTrue();
      assertThat(Integer.parseInt(shown.group(1)))
          .isEqualTo(losses.required(i).required("epoch").asInt());
      assertThat(Double.parseDouble(shown.group(2)))
          .isCloseTo(losses.required(i).required("meanLoss").asDouble(), withinPercentage(0.05));
    }
  }

  /** Fills the form, starts the job and returns its entry in the list once it appears. */
  private WebElement startTraining(String corpus, String output, String epochs) throws IOException {
    int jobsBefore = driver.findElements(By.cssSelector("#jobs li.job")).size();
    fillJobForm(corpus, output, epochs);
    driver.findElement(By.id("job-start")).click();
    wait.until(
        ExpectedConditions.numberOfElementsToBe(By.cssSelector("#jobs li.job"), jobsBefore + 1));
    // new jobs go on top of the list
    return driver.findElement(By.cssSelector("#jobs li.job"));
  }

  private void fillJobForm(String corpus, String output, String epochs) throws IOException {
    Path file = Path.of("src", "test", "resources", "corpora", corpus).toAbsolutePath();
    driver.findElement(By.id("corpus-file")).sendKeys(file.toString());
    new Select(driver.findElement(By.id("job-type"))).selectByValue("train");
    setNumber("job-output", output);
    setNumber("job-epochs", epochs);
    setNumber("job-dim", "20");
    setNumber("job-min-count", "3");
  }

  private void untilFinal(WebElement job, Duration timeout) {
    new WebDriverWait(driver, timeout)
        .until(
            d ->
                List.of("SUCCEEDED", "FAILED", "CANCELLED")
                    .contains(job.findElement(By.className("state")).getText()));
  }

  private void setNumber(String id, String value) {
    WebElement input = driver.findElement(By.id(id));
    input.clear();
    input.sendKeys(value);
  }
}
