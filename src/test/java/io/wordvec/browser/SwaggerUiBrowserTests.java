package io.wordvec.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.wordvec.testing.ApiIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Swagger UI in real headless Chromium: "Try it out" on the vector lookup shows the vector. */
@ApiIntegrationTest
class SwaggerUiBrowserTests {

  @LocalServerPort int port;

  WebDriver driver;

  @BeforeEach
  void startBrowser() throws Exception {
    driver = Browser.start();
  }

  @AfterEach
  void quitBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void tryItOutOnTheVectorLookupShowsTheVector() throws Exception {
    driver.get("http://localhost:" + port + "/swagger-ui.html");

    By operation = By.id("operations-Vectors-vector");
    WebElement block =
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(operation));
    block.findElement(By.cssSelector(".opblock-summary-control")).click();
    Browser.waitFor(driver)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#operations-Vectors-vector .try-out__btn")))
        .click();

    WebElement word =
        Browser.waitFor(driver)
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#operations-Vectors-vector input[placeholder='word']")));
    word.clear();
    word.sendKeys("queen");
    WebElement model =
        driver.findElement(By.cssSelector("#operations-Vectors-vector input[placeholder='model']"));
    assertThat(model.getDomProperty("value"))
        .as("the example fills the model")
        .isEqualTo("default");
    driver.findElement(By.cssSelector("#operations-Vectors-vector .execute")).click();

    By responseBody =
        By.cssSelector(
            "#operations-Vectors-vector .live-responses-table tbody .response-col_description");
    Browser.waitFor(driver)
        .until(ExpectedConditions.textToBePresentInElementLocated(responseBody, "\"vector\""));
    String status =
        driver
            .findElement(
                By.cssSelector(
                    "#operations-Vectors-vector .live-responses-table .response .response-col_status"))
            .getText();
    WebElement shown = driver.findElement(responseBody);
    String body = shown.getText();
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", shown);
    Path screenshot = Browser.screenshot(driver, "swagger-ui-vector-lookup");

    assertThat(status).contains("200");
    assertThat(body).contains("\"word\": \"queen\"").contains("\"model\": \"tiny\"");
    assertThat(Files.size(screenshot)).isPositive();
  }
}
