package io.wordvec;

import io.wordvec.cli.WordvecCli;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the HTTP service (no arguments, only {@code --name=value} options, or {@code serve}
 * first), or else runs the command line ({@code java -jar wordvec.jar train ...}), which refuses an
 * unknown command: one jar for both, and a mistyped command never starts a server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WordvecApplication {

  public static void main(String[] args) {
    Optional<String[]> server = WordvecCli.serverArguments(args);
    if (server.isEmpty()) {
      System.exit(WordvecCli.run(args));
    }
    SpringApplication.run(WordvecApplication.class, server.get());
  }
}
