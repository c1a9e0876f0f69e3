package io.wordvec.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.testing.HttpTestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A job the page follows whose record the server deletes: with {@code max-finished} 0 a job's
 * record goes the moment it finishes. The progress stream is blocked in the browser, so the page
 * follows the job by polling and can only learn of its end by a 404.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"wordvec.jobs.threads=1", "wordvec.jobs.max-finished=0"})
class VanishedJobBrowserTests {

  @LocalServerPort private int port;

  @DynamicPropertySource
  static void directories(DynamicPropertyRegistry registry) {
    TestModels.register(registry, "toy.txt");
  }

  @Test
  void aJobWhoseRecordIsDeletedIsMarkedNoLongerKeptWithoutAnErrorAndThePageStaysUsable()
      throws IOException {
    WebDriver driver = Browser.start();
    try {
      followAJobWhoseRecordIsDeleted(driver);
    } finally {
      driver.quit();
    }
  }

  private void followAJobWhoseRecordIsDeleted(WebDriver driver) throws IOException {
    // the progress stream never connects, so the page follows the job by polling
    ChromiumDriver chromium = (ChromiumDriver) driver;
    chromium.executeCdpCommand("Network.enable", Map.of());
    chromium.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/events")));
    HttpTestClient api = new HttpTestClient(port);
    String corpus =
        Files.readString(Path.of("src", "test", "resources", "corpora", "kjv-pentateuch.txt"));
    String corpusId =
        api.send("POST", "/api/v1/corpora?name=kjv.txt", "text/plain", corpus)
            .json()
            .get("id")
            .asString();
    // long enough that it is still running when the page shows it
    String jobId =
        api.postJson(
                "/api/v1/jobs",
                """
                {"type": "train", "corpus": "%s", "outputModel": "never-kept",
                 "params": {"epochs": 100, "dim": 20, "minCount": 3}}"""
                    .formatted(corpusId))
            .json()
            .get("id")
            .asString();

    WebDriverWait wait = Browser.openPage(driver, port);
    WebElement job = driver.findElement(By.cssSelector("#jobs li.job[data-job='" + jobId + "']"));
    assertThat(job.findElement(By.className("state")).getText()).isIn("QUEUED", "RUNNING");
    assertThat(job.findElement(By.className("job-title")).getText()).startsWith("never-kept");
    assertThat(job.findElement(By.className("job-stats")).getText())
        .containsPattern("epoch \\d+/100");

    // another client cancels it: it finishes and its record is deleted at once
    assertThat(api.send("DELETE", "/api/v1/jobs/" + jobId, null, null).status()).isEqualTo(202);
    wait.until(d -> api.get("/api/v1/jobs/" + jobId).status() == 404);

    wait.until(
        ExpectedConditions.textToBePresentInElement(
            job.findElement(By.className("state")), "NO LONGER KEPT"));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", job);
    Browser.screenshot(driver, "training-job-no-longer-kept");
    assertThat(job.findElement(By.className("job-error")).isDisplayed()).isFalse();
    assertThat(job.findElement(By.cssSelector("button.cancel")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("job-error")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("global-error")).isDisplayed()).isFalse();
    // the page stopped following it: no stream, no poll pending
    Object followed =
        ((JavascriptExecutor) driver)
            .executeScript(
                "const e = state.jobs.get(arguments[0]); return e.source !== null || e.poll !== null;",
                jobId);
    assertThat(followed).isEqualTo(false);

    driver.findElement(By.id("search-input")).sendKeys("king" + Keys.ENTER);
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#map g.point.query[data-word='king']")));
    assertThat(driver.findElements(By.cssSelector("#neighbors li"))).isNotEmpty();
    assertThat(driver.findElement(By.id("search-error")).isDisplayed()).isFalse();
  }
}
