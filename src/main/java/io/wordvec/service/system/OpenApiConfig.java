package io.wordvec.service.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description shown by Swagger UI at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

  @Bean
  OpenAPI wordvecOpenApi(ObjectProvider<BuildProperties> build) {
    BuildProperties properties = build.getIfAvailable();
    return new OpenAPI()
        .info(
            new Info()
                .title("wordvec")
                .version(properties == null ? "dev" : properties.getVersion())
                .description(
                    """
                    Word vectors over HTTP: look up vectors, compare words, find nearest \
                    neighbours, solve analogies and embed texts. `{model}` is a model name \
                    from `GET /api/v1/models`, or `default`. Errors are RFC 9457 problem \
                    details (`application/problem+json`) with a stable `type` such as \
                    `/problems/word-not-found`."""));
  }
}
