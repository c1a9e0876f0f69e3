package io.wordvec.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.function.Consumer;
import org.springdoc.core.utils.SpringDocAnnotationsUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/**
 * Adds error responses to the OpenAPI description from one place, for errors that a filter or a
 * shared component raises on many operations rather than one handler. The responses look exactly
 * like those of {@link ProblemResponse}: a {@link ProblemDetail} as {@code
 * application/problem+json}.
 */
public final class OpenApiProblems {

  private final OpenAPI openApi;

  private OpenApiProblems(OpenAPI openApi) {
    this.openApi = openApi;
  }

  /** Which operations get a response. */
  @FunctionalInterface
  public interface Where {

    /** Whether the operation at this method and path template gets the response. */
    boolean test(PathItem.HttpMethod method, String path, Operation operation);
  }

  /** Adds problem responses to the operations of this document. */
  public static OpenApiProblems in(OpenAPI openApi) {
    return new OpenApiProblems(openApi);
  }

  /**
   * Documents {@code status} on every operation that {@code where} accepts (given its method and
   * path template) and that does not document that status yet: a handler's own, more specific
   * description wins.
   *
   * @param retryAfter whether the response carries a {@code Retry-After} header (seconds)
   */
  public void add(String status, String description, boolean retryAfter, Where where) {
    forEach(openApi, where, operation -> add(operation, status, description, retryAfter));
  }

  /** Calls {@code action} on every operation of the document that {@code where} accepts. */
  public static void forEach(OpenAPI openApi, Where where, Consumer<Operation> action) {
    if (openApi.getPaths() == null) {
      return;
    }
    openApi
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          if (where.test(method, path, operation)) {
                            action.accept(operation);
                          }
                        }));
  }

  private void add(Operation operation, String status, String description, boolean retryAfter) {
    if (operation.getResponses().containsKey(status)) {
      return;
    }
    ApiResponse response = new ApiResponse().description(description).content(problemContent());
    if (retryAfter) {
      response.addHeaderObject(
          HttpHeaders.RETRY_AFTER,
          new Header().description("Seconds to wait before retrying").schema(new IntegerSchema()));
    }
    operation.getResponses().addApiResponse(status, response);
  }

  private Content problemContent() {
    // registers the ProblemDetail schema in the components if no annotation did, and refers to it
    return new Content()
        .addMediaType(
            org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            new MediaType()
                .schema(
                    SpringDocAnnotationsUtils.resolveSchemaFromType(
                        ProblemDetail.class,
                        openApi.getComponents(),
                        null,
                        null,
                        openApi.getSpecVersion())));
  }
}
