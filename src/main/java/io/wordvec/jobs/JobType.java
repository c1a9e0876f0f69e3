package io.wordvec.jobs;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a job does. */
enum JobType {
  TRAIN("train"),
  FINE_TUNE("fine-tune"),
  /** Builds a served model's approximate neighbour index beside its file. */
  INDEX("index");

  private final String apiName;

  JobType(String apiName) {
    this.apiName = apiName;
  }

  @JsonValue
  String apiName() {
    return apiName;
  }

  static JobType fromApiName(String name) {
    for (JobType t : values()) {
      if (t.apiName.equals(name)) {
        return t;
      }
    }
    return null;
  }
}
