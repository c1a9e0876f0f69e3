package io.wordvec.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole application on a random port, serving the test models of {@code
 * src/test/resources/models} with {@code tiny} as the default. Test classes with this annotation
 * share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "wordvec.models.dir=src/test/resources/models",
      "wordvec.models.default-model=tiny"
    })
public @interface ApiIntegrationTest {}
