package io.wordvec.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.wordvec.system.security.ProtectedRequests;
import io.wordvec.system.security.SecurityProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

/** The OpenAPI description shown by Swagger UI at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

  private static final String MODELS_PATH = "/api/v1/models";
  private static final String ALIGNMENTS_PATH = "/api/v1/alignments";
  private static final String API_PREFIX = "/api/";

  /** The name of the bearer security scheme of the API keys. */
  static final String API_KEY_SCHEME = "apiKey";

  /** The name of the bearer security scheme of the admin token. */
  static final String ADMIN_TOKEN_SCHEME = "adminToken";

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
                    Word vectors over HTTP: look up vectors, compare words and texts, find \
                    nearest neighbours, solve analogies and embed texts. `{model}` is a model \
                    name from `GET /api/v1/models`, or `default`. Errors under `/api` are RFC \
                    9457 problem details (`application/problem+json`) with a stable `type` such \
                    as `/problems/word-not-found`.

                    `/v1/embeddings` and `/v1/models` speak OpenAI's embeddings API, so that \
                    OpenAI SDKs, LangChain, LlamaIndex and Spring AI can use this server as \
                    their embedding backend (base URL `http://<host>:8080/v1`); their errors use \
                    OpenAI's envelope `{error: {message, type, param, code}}`."""));
  }

  /**
   * 503 while the models load, on every operation under {@code /api/v1/models}: each one picks a
   * model from the registry (or lists them), and the registry refuses until loading has ended. So
   * does creating an alignment, which reads two models.
   */
  @Bean
  OpenApiCustomizer notReadyResponses() {
    return openApi ->
        OpenApiProblems.in(openApi)
            .add(
                "503",
                "The models are still loading (`/problems/not-ready`); retry after Retry-After"
                    + " seconds",
                true,
                (method, path, operation) ->
                    path.equals(MODELS_PATH)
                        || path.startsWith(MODELS_PATH + "/")
                        || (path.equals(ALIGNMENTS_PATH) && method == PathItem.HttpMethod.POST));
  }

  /**
   * 507 on the operations that store something in the data directory (an upload, a job's record):
   * with the disk full they are refused rather than half done or forgotten.
   */
  @Bean
  OpenApiCustomizer insufficientStorageResponses() {
    return openApi ->
        OpenApiProblems.in(openApi)
            .add(
                "507",
                "The data directory's disk is full (`/problems/insufficient-storage`); retry once"
                    + " space is freed",
                false,
                (method, path, operation) ->
                    method == PathItem.HttpMethod.POST
                        && (path.equals("/api/v1/corpora") || path.equals("/api/v1/jobs")));
  }

  /**
   * 413 on every operation that takes a JSON body: the request body limit applies to all of them,
   * before any handler runs.
   */
  @Bean
  OpenApiCustomizer bodyTooLargeResponses() {
    return openApi ->
        OpenApiProblems.in(openApi)
            .add(
                "413",
                "The JSON body is larger than wordvec.limits.max-body-size",
                false,
                (method, path, operation) ->
                    path.startsWith(API_PREFIX)
                        && operation.getRequestBody() != null
                        && operation.getRequestBody().getContent() != null
                        && operation
                            .getRequestBody()
                            .getContent()
                            .containsKey(MediaType.APPLICATION_JSON_VALUE));
  }

  /**
   * 429 with Retry-After on every query operation under {@code /api} when the concurrency cap is on
   * (the OpenAI-compatible routes document theirs in their own envelope).
   */
  @Bean
  OpenApiCustomizer tooManyQueriesResponses(LimitsProperties limits) {
    return openApi -> {
      if (limits.maxConcurrentQueries() <= 0) {
        return;
      }
      OpenApiProblems.in(openApi)
          .add(
              "429",
              "More queries than wordvec.limits.max-concurrent-queries are being answered"
                  + " (`/problems/too-many-queries`); retry after Retry-After seconds",
              true,
              (method, path, operation) ->
                  path.startsWith(API_PREFIX) && QueryRequests.isQuery(path));
    };
  }

  /**
   * With {@code wordvec.security.api-keys} set: a bearer security scheme for the keys (Swagger UI's
   * "Authorize" then sends the key), required by every operation the filter guards with one; those
   * under {@code /api} also document their 401 and 403 as problems.
   */
  @Bean
  OpenApiCustomizer apiKeySecurity(SecurityProperties security) {
    return openApi -> {
      if (!security.apiKeysEnabled()) {
        return;
      }
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi
          .getComponents()
          .addSecuritySchemes(
              API_KEY_SCHEME,
              new SecurityScheme()
                  .type(SecurityScheme.Type.HTTP)
                  .scheme("bearer")
                  .description(
                      "An API key (wordvec.security.api-keys): queries under /api/v1/models, /v1"
                          + " and /embeddings need one"));
      OpenApiProblems.Where guarded =
          (method, path, operation) ->
              !(security.enabled() && ProtectedRequests.isProtected(method.name(), path))
                  && ProtectedRequests.needsApiKey(method.name(), path, security.openActuator());
      OpenApiProblems.forEach(
          openApi,
          guarded,
          operation ->
              operation.addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME)));
      OpenApiProblems.Where guardedApi =
          (method, path, operation) ->
              path.startsWith(API_PREFIX) && guarded.test(method, path, operation);
      OpenApiProblems problems = OpenApiProblems.in(openApi);
      problems.add(
          "401",
          "No bearer token (`/problems/unauthorized`), or one that is not an API key"
              + " (`/problems/invalid-token`): this server requires an API key for queries",
          false,
          guardedApi);
    };
  }

  /**
   * With {@code wordvec.security.admin-token} set: a bearer security scheme (Swagger UI's
   * "Authorize" then sends the token), required by exactly the operations the admin-token filter
   * guards, which also document its 401 and 403. Without a token nothing needs one, and the
   * description says nothing about it.
   */
  @Bean
  OpenApiCustomizer adminTokenSecurity(SecurityProperties security) {
    return openApi -> {
      if (!security.enabled()) {
        return;
      }
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi
          .getComponents()
          .addSecuritySchemes(
              ADMIN_TOKEN_SCHEME,
              new SecurityScheme()
                  .type(SecurityScheme.Type.HTTP)
                  .scheme("bearer")
                  .description(
                      "The admin token (wordvec.security.admin-token): uploading and deleting"
                          + " corpora, submitting and cancelling jobs, job progress streams,"
                          + " creating and deleting alignments need it; queries do not"));
      OpenApiProblems.Where guarded =
          (method, path, operation) -> ProtectedRequests.isProtected(method.name(), path);
      OpenApiProblems.forEach(
          openApi,
          guarded,
          operation ->
              operation.addSecurityItem(new SecurityRequirement().addList(ADMIN_TOKEN_SCHEME)));
      OpenApiProblems problems = OpenApiProblems.in(openApi);
      problems.add(
          "401",
          "No bearer token (`/problems/unauthorized`), or one that is not the admin token"
              + " (`/problems/invalid-token`): this server requires the admin token to change"
              + " state and to follow job progress",
          false,
          guarded);
      problems.add(
          "403",
          "An API key, valid for queries but not for this (`/problems/forbidden`)",
          false,
          guarded);
    };
  }
}
