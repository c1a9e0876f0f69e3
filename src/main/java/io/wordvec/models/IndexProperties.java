package io.wordvec.models;

import io.wordvec.index.HnswParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Approximate neighbour indexes: how a served model's index searches by default, and how the
 * service builds one ({@code index} jobs).
 *
 * @param efSearch candidates an index keeps while it answers a query that does not set {@code ef};
 *     higher finds more of the true neighbours, more slowly (requests may ask for up to {@code
 *     wordvec.limits.max-ef})
 * @param degree most neighbours per node of the graphs the service builds
 * @param beamWidth candidates considered per insertion when the service builds a graph
 */
@ConfigurationProperties("wordvec.index")
public record IndexProperties(
    @DefaultValue("100") int efSearch,
    @DefaultValue("32") int degree,
    @DefaultValue("100") int beamWidth) {

  public IndexProperties {
    if (efSearch < 1) {
      throw new IllegalArgumentException("wordvec.index.ef-search must be > 0, was " + efSearch);
    }
    // Checks degree and beam width with the engine's own rules, at startup.
    engineParameters(degree, beamWidth, 0);
  }

  /** The configured defaults of the index engine, as the service uses them. */
  public static IndexProperties defaults() {
    return new IndexProperties(100, 32, 100);
  }

  /** The build parameters, with {@code threads} insertion threads (0 = all cores). */
  public HnswParameters parameters(int threads) {
    return engineParameters(degree, beamWidth, threads);
  }

  private static HnswParameters engineParameters(int degree, int beamWidth, int threads) {
    HnswParameters engine = HnswParameters.DEFAULTS;
    return new HnswParameters(degree, beamWidth, engine.alpha(), engine.overflow(), threads);
  }
}
