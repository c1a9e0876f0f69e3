package io.wordvec.system;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the metrics endpoints show, kept small and free of machine details.
 *
 * <ul>
 *   <li>Percentile histograms of {@code http.server.requests} (about 70 buckets per route and
 *       outcome) only on the query routes ({@link QueryRequests#isQuery}), where latency quantiles
 *       matter; every other route gets 4 fixed buckets (10 ms, 100 ms, 1 s, 10 s). On every route
 *       the full histograms made most of a Prometheus scrape.
 *   <li>A {@code path} tag (the disk-space meters have one) names the directory by its last
 *       element, never its absolute path: metrics are open to anyone who can reach the service.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfig {

  static final String HTTP_REQUESTS = "http.server.requests";

  /** Bucket bounds of the routes that are not queries: 10 ms, 100 ms, 1 s, 10 s (nanoseconds). */
  private static final double[] OTHER_ROUTE_BUCKETS = {1e7, 1e8, 1e9, 1e10};

  @Bean
  MeterFilter histogramsOnQueryRoutesOnly() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!HTTP_REQUESTS.equals(id.getName())) {
          return config;
        }
        String uri = id.getTag("uri");
        boolean query = uri != null && uri.startsWith("/") && QueryRequests.isQuery(uri);
        // Every series of one metric must be of one kind (a histogram) for Prometheus: the other
        // routes get a few fixed buckets instead of none.
        return query
            ? DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config)
            : DistributionStatisticConfig.builder()
                .percentilesHistogram(false)
                .serviceLevelObjectives(OTHER_ROUTE_BUCKETS)
                .build()
                .merge(config);
      }
    };
  }

  @Bean
  MeterFilter noAbsolutePathsInTags() {
    return MeterFilter.replaceTagValues("path", MetricsConfig::relativeName);
  }

  /** The last element of a path, or the value as it is when it is not absolute. */
  static String relativeName(String value) {
    if (value == null || !(value.startsWith("/") || value.matches("^[A-Za-z]:[\\\\/].*"))) {
      return value;
    }
    Path name = Path.of(value).normalize().getFileName();
    return name == null ? "root" : name.toString();
  }
}
