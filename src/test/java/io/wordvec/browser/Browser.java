package io.wordvec.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for browser tests, using the system's {@code chromium} and {@code chromedriver}
 * (Debian packages; {@code .ci/run} installs them). Outside CI a machine without them skips browser
 * tests; in CI ({@code CI=true}) their absence fails the test.
 */
public final class Browser {

  private static final Path CHROMIUM = Path.of(env("WORDVEC_CHROMIUM", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(env("WORDVEC_CHROMEDRIVER", "/usr/bin/chromedriver"));

  private Browser() {}

  /** Starts a headless Chromium; the caller quits it. */
  public static WebDriver start() throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && !"true".equals(System.getenv("CI"))) {
      Assumptions.abort("chromium and chromedriver are not installed");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=1400,1400", // tall enough for the whole page in a screenshot
        "--user-data-dir=" + Files.createTempDirectory("wordvec-chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }

  /** A wait for page conditions (polling, not sleeping). */
  public static WebDriverWait waitFor(WebDriver driver) {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /** Opens the web page of the service on {@code port} and waits until it is ready. */
  public static WebDriverWait openPage(WebDriver driver, int port) {
    WebDriverWait wait = waitFor(driver);
    driver.get("http://localhost:" + port + "/");
    wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    return wait;
  }

  /** Saves a screenshot under {@code target/screenshots/NAME.png}. */
  public static Path screenshot(WebDriver driver, String name) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
