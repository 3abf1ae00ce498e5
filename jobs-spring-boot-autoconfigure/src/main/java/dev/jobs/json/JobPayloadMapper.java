package dev.jobs.json;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import dev.jobs.InvalidJobRequestException;
import dev.jobs.Job;
import dev.jobs.JobsException;

/**
 * Writes payloads and results as JSON and reads them back as the type a handler declares.
 * No type ids are written: what a stored payload becomes is decided by the handler's
 * parameter only, so renaming a payload class does not break stored jobs.
 */
public class JobPayloadMapper implements Job.JsonReader {

	private final JsonMapper jsonMapper;

	private final int maxSize;

	/**
	 * Create a mapper.
	 * @param jsonMapper the application's JSON mapper
	 * @param maxSize the largest payload, in bytes of UTF-8 JSON
	 */
	public JobPayloadMapper(JsonMapper jsonMapper, int maxSize) {
		this.jsonMapper = jsonMapper;
		this.maxSize = maxSize;
	}

	/**
	 * Write a job's payload.
	 * @param jobName the job name, for messages
	 * @param payload the payload, or {@code null}
	 * @return its JSON, or {@code null}
	 * @throws InvalidJobRequestException if it cannot be serialised or is too large
	 */
	public @Nullable String writePayload(String jobName, @Nullable Object payload) {
		if (payload == null) {
			return null;
		}
		String json;
		try {
			json = this.jsonMapper.writeValueAsString(payload);
		}
		catch (JacksonException ex) {
			throw new InvalidJobRequestException("Payload of job '" + jobName + "' (" + payload.getClass().getName()
					+ ") cannot be serialised to JSON: " + ex.getOriginalMessage(), ex);
		}
		// a character takes at most 3 bytes in UTF-8, so most payloads need no encoding
		// here
		if ((long) json.length() * 3 > this.maxSize) {
			int bytes = json.getBytes(StandardCharsets.UTF_8).length;
			if (bytes > this.maxSize) {
				throw new InvalidJobRequestException("Payload of job '" + jobName + "' is " + bytes
						+ " bytes of JSON, more than jobs.payload.max-size (" + this.maxSize + " bytes)");
			}
		}
		return json;
	}

	/**
	 * Write a handler's result.
	 * @param result the result, or {@code null}
	 * @return its JSON, or {@code null}
	 * @throws JacksonException if it cannot be serialised
	 */
	public @Nullable String writeResult(@Nullable Object result) {
		return (result != null) ? this.jsonMapper.writeValueAsString(result) : null;
	}

	/**
	 * The Jackson type of a handler parameter.
	 * @param type the declared parameter type
	 * @return the Jackson type
	 */
	public JavaType typeOf(Type type) {
		return this.jsonMapper.constructType(type);
	}

	/**
	 * Read JSON as a Jackson type.
	 * @param json the JSON
	 * @param type the type
	 * @return the value
	 * @throws JacksonException if it cannot be read as that type
	 */
	public @Nullable Object read(String json, JavaType type) {
		return this.jsonMapper.readValue(json, type);
	}

	@Override
	public <T> T read(String json, Class<T> type) {
		try {
			return this.jsonMapper.readValue(json, type);
		}
		catch (JacksonException ex) {
			throw new JobsException("Stored JSON cannot be read as " + type.getName() + ": " + ex.getOriginalMessage(),
					ex);
		}
	}

}
