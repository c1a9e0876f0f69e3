package io.wordvec.browser;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser tests that share one browser per test class and start each test on a freshly opened page.
 * Subclasses are {@code @SpringBootTest}s on a random port.
 */
abstract class OpenPageBrowserTests {

  static WebDriver driver;

  @LocalServerPort int port;

  /** A wait on {@link #driver}, with the page open. */
  WebDriverWait wait;

  @BeforeAll
  static void startBrowser() throws IOException {
    driver = Browser.start();
  }

  @AfterAll
  static void quitBrowser() {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }

  @BeforeEach
  void openPage() {
    wait = Browser.openPage(driver, port);
  }
}
