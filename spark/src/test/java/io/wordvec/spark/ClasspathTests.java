package io.wordvec.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.spi.SLF4JServiceProvider;

/** The artifact's classpath: what Spark needs and what the issue pins. */
class ClasspathTests {

  @Test
  void exactlyOneSlf4jProvider() {
    List<String> providers = new ArrayList<>();
    ServiceLoader.load(SLF4JServiceProvider.class)
        .forEach(p -> providers.add(p.getClass().getName()));
    assertEquals(1, providers.size(), "providers: " + providers);
  }

  @Test
  void jacksonCoreDatabindAndScalaModuleShareOneMinorVersion() {
    String core = com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString();
    String databind = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString();
    String scala = com.fasterxml.jackson.module.scala.JacksonModule$.MODULE$.version().toString();
    assertEquals(minor(databind), minor(core));
    // jackson-module-scala refuses to start with a databind of another minor version
    assertEquals(minor(databind), minor(scala));
  }

  private static String minor(String version) {
    String[] parts = version.split("\\.");
    return parts[0] + "." + parts[1];
  }
}
