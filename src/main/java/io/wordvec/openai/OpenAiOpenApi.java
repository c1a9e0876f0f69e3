package io.wordvec.openai;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.wordvec.system.LimitsProperties;
import io.wordvec.system.OpenApiProblems;
import io.wordvec.system.QueryRequests;
import io.wordvec.system.security.SecurityProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocAnnotationsUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * Documents the errors of the OpenAI-compatible operations, in OpenAI's envelope ({@link
 * OpenAiError}) as they are sent, in one place (the system's customizers document problem details
 * under {@code /api} only).
 */
@Configuration(proxyBeanMethods = false)
class OpenAiOpenApi {

  @Bean
  OpenApiCustomizer openAiErrorResponses(LimitsProperties limits, SecurityProperties security) {
    return openApi ->
        OpenApiProblems.forEach(
            openApi,
            (method, path, operation) -> OpenAiErrors.isOpenAiPath(path),
            operation -> document(openApi, operation, limits, security));
  }

  private static void document(
      OpenAPI openApi, Operation operation, LimitsProperties limits, SecurityProperties security) {
    String path = pathOf(openApi, operation);
    boolean embeddings = QueryRequests.isQuery(path);
    Map<String, String> errors = new LinkedHashMap<>();
    if (embeddings) {
      errors.put(
          "400",
          "Malformed JSON, input missing or not text (token ids: `token_ids_not_supported`),"
              + " unknown encoding_format or weighting, dimensions other than the model's");
    }
    if (embeddings || path.contains("{model}")) {
      errors.put("404", "Unknown model (`model_not_found`)");
    }
    if (embeddings) {
      errors.put(
          "413",
          "More inputs than wordvec.limits.max-batch-words, or a body larger than"
              + " wordvec.limits.max-body-size (`payload_too_large`)");
      errors.put("422", "An input with no word the model knows (`no_known_words`, param input[i])");
      if (limits.maxConcurrentQueries() > 0) {
        errors.put("429", "Too many queries at once (`too_many_queries`); retry after Retry-After");
      }
    }
    if (security.apiKeysEnabled()) {
      errors.put(
          "401",
          "No bearer token (`unauthorized`) or one that is not an API key (`invalid_token`):"
              + " this server requires an API key");
    }
    errors.put("503", "The models are still loading (`not_ready`); retry after Retry-After");
    errors.forEach(
        (status, description) -> {
          if (operation.getResponses().containsKey(status)) {
            return;
          }
          ApiResponse response =
              new ApiResponse().description(description).content(content(openApi));
          if (status.equals("429") || status.equals("503")) {
            response.addHeaderObject(
                HttpHeaders.RETRY_AFTER,
                new Header()
                    .description("Seconds to wait before retrying")
                    .schema(new IntegerSchema()));
          }
          operation.getResponses().addApiResponse(status, response);
        });
  }

  private static String pathOf(OpenAPI openApi, Operation operation) {
    for (Map.Entry<String, PathItem> entry : openApi.getPaths().entrySet()) {
      if (entry.getValue().readOperations().contains(operation)) {
        return entry.getKey();
      }
    }
    return "";
  }

  private static Content content(OpenAPI openApi) {
    return new Content()
        .addMediaType(
            org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
            new MediaType()
                .schema(
                    SpringDocAnnotationsUtils.resolveSchemaFromType(
                        OpenAiError.class,
                        openApi.getComponents(),
                        null,
                        null,
                        openApi.getSpecVersion())));
  }
}
