package io.wordvec.jobs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wordvec.system.BadRequestProblem;
import io.wordvec.system.ConflictProblem;
import io.wordvec.system.NotFoundProblem;
import io.wordvec.system.TooManyRequestsProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs", description = "Train and fine-tune models asynchronously")
class JobsController {

  private final JobService jobs;
  private final JobEvents events;

  JobsController(JobService jobs, JobEvents events) {
    this.jobs = jobs;
    this.events = events;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Submit a training or fine-tuning job",
      description =
          "Validates every field up front (400 lists each bad one), refuses an existing output"
              + " model unless overwrite is set (409) and a full queue (429, with Retry-After in"
              + " seconds). Answers 202 with the job and its Location. A train job with \"engine\":"
              + " \"spark\" runs in a Spark driver the service starts as a child process"
              + " (wordvec.spark.jar, against wordvec.spark.master), with \"partitions\","
              + " \"wordsPerSync\" and \"merge\"; its progress, cancel and model are those of any job.")
  @ApiResponse(responseCode = "202", description = "queued")
  @BadRequestProblem("a missing or invalid field (each one listed in errors), or no JSON body")
  @ConflictProblem("the output model exists (without overwrite) or another job produces it")
  @TooManyRequestsProblem("the job queue is full")
  ResponseEntity<JobView> submit(@RequestBody JobRequest request) {
    JobView job = jobs.submit(request);
    return ResponseEntity.accepted().location(URI.create("/api/v1/jobs/" + job.id())).body(job);
  }

  @GetMapping
  @Operation(summary = "List jobs, newest first")
  List<JobView> list() {
    return jobs.list();
  }

  @GetMapping("/{id}")
  @Operation(summary = "A job's state and progress")
  @NotFoundProblem("no such job")
  JobView get(@Parameter(description = "job id") @PathVariable String id) {
    return jobs.get(id);
  }

  @DeleteMapping("/{id}")
  @Operation(
      summary = "Cancel a job",
      description =
          "A queued job is cancelled at once; a running one stops within seconds and leaves no"
              + " model behind. Answers 202 with the job as it is now; 409 if it has finished"
              + " (job-finished) or is already saving its model, which is then not undone"
              + " (job-saving); 404 if unknown. Finished jobs' records are deleted on their own"
              + " beyond wordvec.jobs.max-finished.")
  @ApiResponse(responseCode = "202", description = "cancelled, or stopping")
  @ConflictProblem("finished, or saving its model")
  @NotFoundProblem("no such job")
  ResponseEntity<JobView> cancel(@Parameter(description = "job id") @PathVariable String id) {
    return ResponseEntity.accepted().body(jobs.cancel(id));
  }

  @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(
      summary = "Progress as Server-Sent Events",
      description =
          "'progress' events carry the job as GET returns it, whenever it changes; a final 'end'"
              + " event carries its last state, then the stream closes. A ':keep-alive' comment"
              + " comes every wordvec.jobs.events-heartbeat (15 s) so that proxies keep the"
              + " stream open. A client that reads nothing for wordvec.jobs.events.write-timeout"
              + " (10 s), or falls wordvec.jobs.events.buffer-size (256 KB) behind, is dropped."
              + " At most wordvec.jobs.events.max-streams-per-job (8) streams per job and"
              + " wordvec.jobs.events.max-streams (64) in all are open at once: one more is"
              + " refused with 429 (too-many-event-streams). Needs the admin token when one is"
              + " set.")
  @ApiResponse(
      responseCode = "200",
      description = "the event stream",
      content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE))
  @NotFoundProblem("no such job")
  @TooManyRequestsProblem("as many streams are open as allowed, for the job or in all")
  void events(
      @Parameter(description = "job id") @PathVariable String id,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Job job = jobs.find(id).orElseThrow(() -> JobsProblem.jobNotFound(id));
    events.subscribe(job, request, response);
  }
}
