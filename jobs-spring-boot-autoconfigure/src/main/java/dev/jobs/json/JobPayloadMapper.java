package dev.jobs.json;

import java.lang.reflect.Type;

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
 * parameter only, so renaming a payload class does not break stored jobs. The
 * application's mapper is used with its default typing switched off and with every type
 * id that names a class refused, so that JSON in the store never chooses a class. The
 * rest of its configuration is kept, {@code FAIL_ON_UNKNOWN_PROPERTIES} included (off in
 * Jackson 3 and in Spring Boot), so that a field added or removed between versions does
 * not fail stored jobs in either direction of a rolling upgrade. Jackson's
 * {@code StreamReadConstraints} bound nesting (500 levels) and token lengths, and a
 * stored payload larger than {@code jobs.payload.max-size} is refused before it is
 * parsed.
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
		this.jsonMapper = jsonMapper.rebuild()
			.deactivateDefaultTyping()
			.polymorphicTypeValidator(new ClassNameTypeIdsDenied())
			.build();
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
		long bytes = bytesOver(json);
		if (bytes > 0) {
			throw new InvalidJobRequestException("Payload of job '" + jobName + "' is " + bytes
					+ " bytes of JSON, more than jobs.payload.max-size (" + this.maxSize + " bytes)");
		}
		return json;
	}

	/**
	 * Read a stored payload as a handler's parameter type.
	 * @param json the stored JSON
	 * @param type the type
	 * @return the value
	 * @throws JobsException if it is larger than {@code jobs.payload.max-size}
	 * @throws JacksonException if it cannot be read as that type
	 */
	public @Nullable Object readPayload(String json, JavaType type) {
		long bytes = bytesOver(json);
		if (bytes > 0) {
			throw new JobsException("it is " + bytes + " bytes of JSON, more than jobs.payload.max-size ("
					+ this.maxSize + " bytes); raise the limit and retry the job to run it");
		}
		return read(json, type);
	}

	/**
	 * The size of JSON in bytes of UTF-8 when it is over the limit.
	 * @param json the JSON
	 * @return its size if over the limit, else 0
	 */
	private long bytesOver(String json) {
		// a character takes at most 3 bytes in UTF-8, so most payloads need no counting
		if ((long) json.length() * 3 <= this.maxSize) {
			return 0;
		}
		long bytes = utf8Length(json);
		return (bytes > this.maxSize) ? bytes : 0;
	}

	private static long utf8Length(String text) {
		long bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes++;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
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
