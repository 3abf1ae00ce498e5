package dev.jobs.web;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.jobs.InvalidJobStateException;
import dev.jobs.Job;
import dev.jobs.JobId;
import dev.jobs.JobNotFoundException;
import dev.jobs.JobQuery;
import dev.jobs.JobStatus;
import dev.jobs.Jobs;
import dev.jobs.RecurringJobInfo;
import dev.jobs.web.ConsoleBodies.Cancel;
import dev.jobs.web.ConsoleBodies.Deleted;
import dev.jobs.web.ConsoleBodies.History;
import dev.jobs.web.ConsoleBodies.JobPage;
import dev.jobs.web.ConsoleBodies.Logs;
import dev.jobs.web.ConsoleBodies.Recurring;
import dev.jobs.web.ConsoleBodies.Retried;

/**
 * The console's routes for jobs: list, enqueue, one job, its history and log lines,
 * reschedule, cancel, delete (purge), retry, and retry of every matching failed job.
 */
@RestController
@RequestMapping("/jobs")
class ConsoleJobsController implements ConsoleController {

	static final int MAX_LIMIT = 200;

	/**
	 * How far a list's total is counted exactly: to this many jobs, or to the end of the
	 * page if that is further. Counting every match of a filter reads every matching row,
	 * which on a table of millions costs far more than the page itself.
	 */
	static final long EXACT_TOTAL_LIMIT = 10_000;

	private final Jobs jobs;

	private final JobViews views;

	private final ConsoleAudit audit;

	ConsoleJobsController(Jobs jobs, JobViews views, ConsoleAudit audit) {
		this.jobs = jobs;
		this.views = views;
		this.audit = audit;
	}

	@GetMapping
	JobPage list(@RequestParam(required = false) @Nullable List<String> status,
			@RequestParam(required = false) @Nullable List<String> priority,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String queue,
			@RequestParam(required = false) @Nullable String search,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String order, @RequestParam(defaultValue = "0") long offset,
			@RequestParam(defaultValue = "50") int limit, HttpServletRequest request) {
		JobQuery query = JobListQuery.of(status, priority, name, queue, search, sort, order, offset, limit);
		boolean show = Caller.of(request).showValues();
		long bound = Math.max(EXACT_TOTAL_LIMIT, offset + limit);
		long counted = this.jobs.count(query, bound + 1);
		// the bound reaches past the page: a count at or below the offset leaves it empty
		List<JobSummary> page = (counted > offset)
				? this.jobs.query(query).stream().map((job) -> this.views.summary(job, show)).toList() : List.of();
		return new JobPage(page, Math.min(counted, bound), offset, limit, counted <= bound);
	}

	@PostMapping
	ResponseEntity<ConsoleJson> enqueue(@RequestBody EnqueueBody body, HttpServletRequest request) {
		Caller caller = Caller.of(request);
		if (body.isRecurring()) {
			RecurringJobInfo info = this.audited("schedule", "recurring " + body.name(), caller,
					() -> this.jobs.schedule(body.toRecurringJobRequest()));
			Recurring created = this.views.recurring(info);
			String jobsPath = request.getRequestURI();
			URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
				.replacePath(jobsPath.substring(0, jobsPath.lastIndexOf('/')) + "/recurring/{name}")
				.buildAndExpand(info.name())
				.toUri();
			return ResponseEntity.created(location).body(created);
		}
		// ids are time-ordered and made on this node at enqueue: an id after this one is
		// of a new job, an earlier one is of the unfinished job holding the unique key
		JobId before = JobId.next();
		JobId id = this.audited("enqueue", "job name " + body.name(), caller,
				() -> this.jobs.enqueue(body.toJobRequest()));
		boolean created = id.compareTo(before) > 0;
		Job job = this.jobs.get(id).orElseThrow(() -> new JobNotFoundException(id));
		JobDetails details = this.views.details(job, caller.showValues());
		if (!created) {
			return ResponseEntity.ok(details);
		}
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.created(location).body(details);
	}

	@GetMapping("/{id}")
	JobDetails job(@PathVariable String id, HttpServletRequest request) {
		return this.views.details(existing(RequestValues.jobId(id)), Caller.of(request).showValues());
	}

	@GetMapping("/{id}/history")
	History history(@PathVariable String id, HttpServletRequest request) {
		JobId jobId = existing(RequestValues.jobId(id)).id();
		boolean show = Caller.of(request).showValues();
		return new History(jobId.toString(),
				this.jobs.history(jobId).stream().map((execution) -> this.views.execution(execution, show)).toList());
	}

	@GetMapping("/{id}/logs")
	Logs logs(@PathVariable String id, HttpServletRequest request) {
		JobId jobId = existing(RequestValues.jobId(id)).id();
		boolean show = Caller.of(request).showValues();
		return new Logs(jobId.toString(),
				this.jobs.logs(jobId).stream().map((line) -> this.views.logLine(line, show)).toList());
	}

	@PutMapping("/{id}")
	JobDetails reschedule(@PathVariable String id, @RequestBody RescheduleBody body, HttpServletRequest request) {
		JobId jobId = RequestValues.jobId(id);
		Caller caller = Caller.of(request);
		Job job = this.audited("reschedule", "job " + jobId, caller,
				() -> this.jobs.reschedule(jobId, body.toChanges()));
		return this.views.details(job, caller.showValues());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<ConsoleJson> cancelOrDelete(@PathVariable String id,
			@RequestParam(defaultValue = "false") boolean purge, HttpServletRequest request) {
		JobId jobId = RequestValues.jobId(id);
		if (purge) {
			return this.audited("delete", "job " + jobId, Caller.of(request), () -> {
				if (!this.jobs.delete(jobId)) {
					throw new JobNotFoundException(jobId);
				}
				return ResponseEntity.ok(new Deleted(true));
			});
		}
		return this.audited("cancel", "job " + jobId, Caller.of(request), () -> {
			Job job = existing(jobId);
			if (job.status().isFinished()) {
				throw new InvalidJobStateException(
						"Job " + jobId + " is " + job.status() + ": only an unfinished job can be cancelled");
			}
			this.jobs.cancel(jobId);
			JobStatus now = existing(jobId).status();
			if (now == JobStatus.CANCELLED) {
				return ResponseEntity.ok(new Cancel(true, null));
			}
			if (now == JobStatus.RUNNING) {
				return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Cancel(null, true));
			}
			throw new InvalidJobStateException(
					"Job " + jobId + " is " + now + ": only an unfinished job can be cancelled");
		});
	}

	@PostMapping("/retry")
	Retried retryFailed(@RequestBody(required = false) @Nullable RetryFailedBody body, HttpServletRequest request) {
		RetryFailedBody filters = (body != null) ? body : RetryFailedBody.EVERY;
		return new Retried(this.audited("retry", filters.target(), Caller.of(request),
				() -> this.jobs.retryFailed(filters.toQuery())));
	}

	@PostMapping("/{id}/retry")
	JobDetails retry(@PathVariable String id, HttpServletRequest request) {
		JobId jobId = RequestValues.jobId(id);
		Caller caller = Caller.of(request);
		this.audited("retry", "job " + jobId, caller, () -> this.jobs.retry(jobId));
		return this.views.details(existing(jobId), caller.showValues());
	}

	private Job existing(JobId id) {
		return this.jobs.get(id).orElseThrow(() -> new JobNotFoundException(id));
	}

	private <T> T audited(String operation, String target, Caller caller, Supplier<T> write) {
		return this.audit.audited(operation, target, caller, write);
	}

}
