/**
 * Training and fine-tuning as asynchronous jobs: validation, the queue, one job's phases, records
 * on disk and progress as Server-Sent Events. Calls the engine through its training seam, takes
 * corpora from corpora and publishes models through models; nothing imports jobs.
 */
package io.wordvec.jobs;
