package dev.jobs.web;

import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.jobs.RecurringJobRequest;

/**
 * The body of {@code POST /recurring} and {@code PUT /recurring/{name}}.
 *
 * @param name the recurring job's name (in the path for {@code PUT})
 * @param handler the job name of its runs, by default its own name
 * @param schedule a cron expression or an interval such as {@code 15m}
 * @param zone its time zone, by default the JVM's
 * @param payload the payload of its runs, or {@code null}
 * @param allowConcurrent whether a run may start while the previous one still runs
 */
record RecurringBody(@Nullable String name, @Nullable String handler, @Nullable String schedule, @Nullable String zone,
		@Nullable JsonNode payload, @Nullable Boolean allowConcurrent) implements ConsoleJson {

	RecurringJobRequest toRequest(@Nullable String pathName) {
		String name = (pathName != null) ? pathName : RequestValues.required("name", this.name);
		if (pathName != null && this.name != null && !this.name.equals(pathName)) {
			throw ConsoleRequestException.badRequest("name",
					"Field 'name' '" + this.name + "' differs from the path's '" + pathName + "'");
		}
		return request(name, (this.handler != null) ? this.handler : name,
				RequestValues.required("schedule", this.schedule), this.zone, this.payload, this.allowConcurrent);
	}

	static RecurringJobRequest request(String name, String handler, String schedule, @Nullable String zone,
			@Nullable JsonNode payload, @Nullable Boolean allowConcurrent) {
		RecurringJobRequest request = RequestValues.isInterval(schedule) ? RecurringJobRequest.interval(name, schedule)
				: RecurringJobRequest.cron(name, schedule);
		request = request.handler(handler).payload(EnqueueBody.payloadValue(payload));
		ZoneId zoneId = RequestValues.zone("zone", zone);
		if (zoneId != null) {
			request = request.zone(zoneId);
		}
		if (allowConcurrent != null) {
			request = request.allowConcurrent(allowConcurrent);
		}
		return request;
	}

}
