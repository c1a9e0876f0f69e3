package io.wordvec.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wordvec.system.NotFoundProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/models")
@Tag(name = "Models", description = "The loaded models and their provenance")
class ModelsController {

  private final ModelRegistry registry;

  ModelsController(ModelRegistry registry) {
    this.registry = registry;
  }

  /**
   * The loaded models.
   *
   * @param defaultModel the name of the default model, absent when none is loaded
   * @param models every loaded model, by name
   * @param failed model files that failed to load, with the error
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record ModelList(String defaultModel, List<ModelSummary> models, Map<String, String> failed) {}

  // 503 while the models load: OpenApiConfig documents it for every operation under /api/v1/models
  @GetMapping
  @Operation(summary = "List the models", description = "Every loaded model, sorted by name.")
  @ApiResponse(responseCode = "200", description = "The models")
  ModelList models() {
    if (!registry.isReady()) {
      throw new ModelsNotReadyException();
    }
    List<ModelSummary> summaries = new ArrayList<>();
    String defaultName = null;
    for (ModelRegistry.Selection selection : registry.selections()) {
      summaries.add(ModelSummary.of(selection));
      if (selection.isDefault()) {
        defaultName = selection.name();
      }
    }
    return new ModelList(defaultName, summaries, registry.failures());
  }

  @GetMapping("/{model}")
  @Operation(
      summary = "Describe one model",
      description = "Dimension, vocabulary size, default flag and provenance where known.")
  @ApiResponse(responseCode = "200", description = "The model")
  @NotFoundProblem("Unknown model (the problem lists the available ones)")
  ModelSummary model(
      @Parameter(description = "Model name, or `default`", example = "default") @PathVariable
          String model) {
    return ModelSummary.of(registry.select(model));
  }
}
