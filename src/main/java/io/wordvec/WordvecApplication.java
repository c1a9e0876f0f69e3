package io.wordvec;

import io.wordvec.cli.WordvecCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the HTTP service, or runs a command-line command when the first argument names one ({@code
 * java -jar wordvec.jar train ...}): one jar for both.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WordvecApplication {

  public static void main(String[] args) {
    if (WordvecCli.isCliInvocation(args)) {
      System.exit(WordvecCli.run(args));
    }
    SpringApplication.run(WordvecApplication.class, args);
  }
}
