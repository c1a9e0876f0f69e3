package io.wordvec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class WordvecCliTests {

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new WordvecCli());
    cli.setOut(new PrintWriter(new StringWriter(), true));
    PrintWriter errors = new PrintWriter(err, true);
    cli.setErr(errors);
    return WordvecCli.run(cli, errors, args);
  }

  @Test
  void aMistypedCommandSuggestsTheNearestAndExitsWith2() {
    assertThat(run("trian", "--corpus", "x.txt")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("unknown command 'trian'; did you mean train?");
  }

  @Test
  void anUnknownCommandFarFromAnyListsTheCommands() {
    assertThat(run("frobnicate")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("unknown command 'frobnicate' Commands: ")
        .contains("train")
        .doesNotContain("did you mean");
  }

  @Test
  void theServerStartsOnlyWithNoArgumentsPropertiesOrServe() {
    assertThat(WordvecCli.serverArguments()).hasValueSatisfying(a -> assertThat(a).isEmpty());
    assertThat(WordvecCli.serverArguments("--server.port=9090", "--wordvec.models.dir=m"))
        .hasValueSatisfying(
            a -> assertThat(a).containsExactly("--server.port=9090", "--wordvec.models.dir=m"));
    assertThat(WordvecCli.serverArguments("serve", "--server.port=9090"))
        .hasValueSatisfying(a -> assertThat(a).containsExactly("--server.port=9090"));
    assertThat(WordvecCli.serverArguments("trian", "--corpus", "x.txt")).isEmpty();
    assertThat(WordvecCli.serverArguments("--corpus", "x.txt")).isEmpty();
    assertThat(WordvecCli.serverArguments("--help")).isEmpty();
    assertThat(WordvecCli.serverArguments("train", "--help")).isEmpty();
  }

  @Test
  void anOptionWithoutACommandIsAUsageError() {
    assertThat(run("--corpus", "x.txt")).isEqualTo(ExitCodes.USAGE);
  }
}
