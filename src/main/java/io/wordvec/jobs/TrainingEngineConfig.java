package io.wordvec.jobs;

import io.wordvec.train.LocalTrainingEngine;
import io.wordvec.train.TrainingEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine that trains the models of jobs: the local multi-threaded trainer. */
@Configuration(proxyBeanMethods = false)
class TrainingEngineConfig {

  @Bean
  TrainingEngine trainingEngine() {
    return new LocalTrainingEngine();
  }
}
