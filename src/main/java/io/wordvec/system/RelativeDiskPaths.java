package io.wordvec.system;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.health.application.DiskSpaceHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Disk-space health checks name the directory they watch by its last element, not its absolute
 * path: health is open to anyone who can reach the service, and a path says how the machine is laid
 * out. Wraps every {@link DiskSpaceHealthIndicator} bean; the status and the figures are unchanged.
 */
@Component
class RelativeDiskPaths implements BeanPostProcessor {

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DiskSpaceHealthIndicator disk) {
      return (HealthIndicator) () -> withRelativePath(disk.health());
    }
    return bean;
  }

  static Health withRelativePath(Health health) {
    Map<String, Object> details = new LinkedHashMap<>(health.getDetails());
    Object path = details.get("path");
    if (path != null) {
      details.put("path", MetricsConfig.relativeName(path.toString()));
    }
    return Health.status(health.getStatus()).withDetails(details).build();
  }
}
