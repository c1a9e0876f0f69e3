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
 *   <li>Percentile histograms of {@code http.server.requests} only on the query routes ({@link
 *       QueryRequests#isQuery}), where latency quantiles matter; every other route keeps its count,
 *       sum and maximum. A histogram is about 70 series per route and outcome: on every route they
 *       made most of a Prometheus scrape.
 *   <li>A {@code path} tag (the disk-space meters have one) names the directory by its last
 *       element, never its absolute path: metrics are open to anyone who can reach the service.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfig {

  static final String HTTP_REQUESTS = "http.server.requests";

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
        return DistributionStatisticConfig.builder()
            .percentilesHistogram(query)
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
