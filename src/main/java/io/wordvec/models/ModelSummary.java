package io.wordvec.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.wordvec.io.LoadedModel;
import io.wordvec.io.VectorFormat;
import io.wordvec.train.CorpusStats;
import io.wordvec.train.TrainingInfo;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * What the API says about a model. Provenance ({@code training}, {@code corpus}, {@code createdAt},
 * {@code evaluation}) is present when the model carries it (native format, trained by this
 * service); plain vector files give only their format, dimension and vocabulary size.
 *
 * @param name the model's name
 * @param isDefault whether it answers for {@code default}
 * @param format where the vectors came from, e.g. {@code word2vec-binary}, {@code native}
 * @param source the file it was loaded from
 * @param dimension vector size
 * @param vocabularySize number of words
 * @param search how its neighbour queries are answered: {@code exact} (every row scored) or {@code
 *     hnsw} (its approximate index)
 * @param loadedAt when the service loaded it
 * @param training the settings that trained it, under the job API's names
 * @param corpus statistics of the training corpus
 * @param createdAt when training finished
 * @param evaluation evaluation scores by name
 * @param subwords a subword model's character n-grams, which give words outside the vocabulary a
 *     vector; absent for other models
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSummary(
    @Schema(example = "gutenberg") String name,
    @JsonProperty("default") boolean isDefault,
    @Schema(example = "native") String format,
    @Schema(example = "gutenberg.wvm") String source,
    @Schema(example = "100") int dimension,
    @Schema(example = "30000") int vocabularySize,
    @Schema(
            example = "hnsw",
            allowableValues = {"exact", "hnsw"})
        String search,
    Instant loadedAt,
    TrainingSummary training,
    CorpusStats corpus,
    Instant createdAt,
    Map<String, Double> evaluation,
    Subwords subwords) {

  /**
   * How a subword model cuts words into n-grams (fastText's settings).
   *
   * @param minn shortest n-gram, in characters
   * @param maxn longest n-gram
   * @param bucket number of n-gram rows
   */
  public record Subwords(
      @Schema(example = "3") int minn,
      @Schema(example = "6") int maxn,
      @Schema(example = "2000000") int bucket) {}

  /** The API's name of a format: {@code word2vec-text}, {@code fasttext-vec}, {@code native}... */
  static String formatName(VectorFormat format) {
    return format.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static ModelSummary of(ModelRegistry.Selection selection) {
    LoadedModel model = selection.model();
    TrainingInfo trained = model.training().orElse(null);
    return new ModelSummary(
        selection.name(),
        selection.isDefault(),
        formatName(model.format()),
        model.file().getFileName().toString(),
        model.vectors().dimension(),
        model.vectors().size(),
        model.vectors().search().name(),
        selection.loadedAt(),
        trained == null ? null : TrainingSummary.of(trained.config()),
        trained == null ? null : trained.corpus(),
        trained == null ? null : trained.createdAt(),
        trained == null || trained.evaluation().isEmpty() ? null : trained.evaluation(),
        model
            .vectors()
            .subwords()
            .map(s -> new Subwords(s.ngrams().minn(), s.ngrams().maxn(), s.ngrams().bucket()))
            .orElse(null));
  }
}
