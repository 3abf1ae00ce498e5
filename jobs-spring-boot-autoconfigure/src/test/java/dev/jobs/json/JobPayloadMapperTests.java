package dev.jobs.json;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.jobs.InvalidJobRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JobPayloadMapper}.
 */
class JobPayloadMapperTests {

	@Test
	void payloadSizeIsMeasuredInBytesOfUtf8() {
		JobPayloadMapper mapper = new JobPayloadMapper(new JsonMapper(), 20);
		assertThat(mapper.writePayload("fits", "a".repeat(18))).hasSize(20);
		assertThatExceptionOfType(InvalidJobRequestException.class)
			.isThrownBy(() -> mapper.writePayload("too-big", "é".repeat(10)))
			.withMessageContaining("too-big")
			.withMessageContaining("22 bytes")
			.withMessageContaining("jobs.payload.max-size");
	}

	@Test
	void payloadIsWrittenWithoutTypeInformation() {
		JobPayloadMapper mapper = new JobPayloadMapper(new JsonMapper(), 1024);
		assertThat(mapper.writePayload("plain", new Email("a@example.com"))).isEqualTo("{\"to\":\"a@example.com\"}");
	}

	record Email(String to) {

	}

}
