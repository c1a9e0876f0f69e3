package io.wordvec.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

/** The training panel in a real browser: upload a corpus, train, watch it finish, use the model. */
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
  }

  @Test
  void cancellingAJobShowsItCancelledAndOffersNoModel() throws IOException {
    WebElement job = startTraining("kjv-pentateuch.txt", "pentateuch-cancelled", "100");

    job.findElement(By.cssSelector("button.cancel")).click();

    untilFinal(job, Duration.ofSeconds(60));
    assertThat(job.findElement(By.className("state")).getText()).isEqualTo("CANCELLED");
    assertThat(job.findElement(By.cssSelector("button.use")).isDisplayed()).isFalse();
    assertThat(job.findElement(By.cssSelector("button.cancel")).isDisplayed()).isFalse();
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
    assertThat(driver.findElements(By.cssSelector("#jobs li.job"))).hasSize(jobsBefore);
    Browser.screenshot(driver, "training-name-in-use");
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
