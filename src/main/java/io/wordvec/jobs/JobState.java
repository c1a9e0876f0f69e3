package io.wordvec.jobs;

/** Lifecycle of a job: QUEUED, then RUNNING, then one of the three final states. */
enum JobState {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  boolean isFinal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
