package dev.jobs.web;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * Reads and writes the console's bodies ({@link ConsoleJson}) with the console's own
 * {@link JsonMapper}: accessor names as they are, instants and durations as ISO-8601
 * strings, unknown request fields refused, whatever the application's
 * {@code spring.jackson.*} settings. Every other type is left to the application's
 * converters.
 */
class ConsoleJsonHttpMessageConverter extends JacksonJsonHttpMessageConverter {

	ConsoleJsonHttpMessageConverter() {
		super(consoleMapper());
	}

	static JsonMapper consoleMapper() {
		return JsonMapper.builder()
			.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
	}

	@Override
	public boolean canRead(Class<?> clazz, @Nullable MediaType mediaType) {
		return isConsoleType(clazz) && super.canRead(clazz, mediaType);
	}

	@Override
	public boolean canRead(ResolvableType type, @Nullable MediaType mediaType) {
		return isConsoleType(type.toClass()) && super.canRead(type, mediaType);
	}

	@Override
	public boolean canWrite(Class<?> clazz, @Nullable MediaType mediaType) {
		return isConsoleType(clazz) && super.canWrite(clazz, mediaType);
	}

	@Override
	public boolean canWrite(ResolvableType targetType, Class<?> valueClass, @Nullable MediaType mediaType) {
		return isConsoleType(valueClass) && super.canWrite(targetType, valueClass, mediaType);
	}

	private static boolean isConsoleType(Class<?> type) {
		return ConsoleJson.class.isAssignableFrom(type);
	}

}
