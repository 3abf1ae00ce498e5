package dev.jobs.json;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import dev.jobs.testsupport.GadgetCanary;
import dev.jobs.InvalidJobRequestException;
import dev.jobs.JobsException;

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

	@Test
	void payloadIsWrittenWithoutTypeInformationWhenTheApplicationsMapperAddsIt() {
		JobPayloadMapper mapper = new JobPayloadMapper(defaultTypingMapper(), 1024);
		assertThat(mapper.writePayload("plain", new Email("a@example.com"))).isEqualTo("{\"to\":\"a@example.com\"}");
		assertThat(mapper.writePayload("plain", new Envelope(new Email("a@example.com"))))
			.isEqualTo("{\"content\":{\"to\":\"a@example.com\"}}");
	}

	@Test
	void typeIdsInStoredPayloadsAreNotUsedPolymorphically() {
		JobPayloadMapper mapper = new JobPayloadMapper(defaultTypingMapper(), 1024);
		String canary = GadgetCanary.class.getName();
		Object wrapped = mapper.readPayload("[\"" + canary + "\",{\"value\":\"x\"}]", mapper.typeOf(Object.class));
		assertThat(wrapped).isInstanceOf(List.class)
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.first()
			.isEqualTo(canary);
		Object property = mapper.readPayload("{\"@class\":\"" + canary + "\",\"value\":\"x\"}",
				mapper.typeOf(Object.class));
		assertThat(property).isEqualTo(Map.of("@class", canary, "value", "x"));
		Object envelope = mapper.readPayload("{\"content\":[\"" + canary + "\",{\"value\":\"x\"}]}",
				mapper.typeOf(Envelope.class));
		assertThat(((Envelope) envelope).content()).isInstanceOf(List.class);
		Object email = mapper.readPayload("{\"@class\":\"" + canary + "\",\"to\":\"a@example.com\"}",
				mapper.typeOf(Email.class));
		assertThat(email).isEqualTo(new Email("a@example.com"));
		assertThat(GadgetCanary.Flag.INITIALISED).isFalse();
	}

	@Test
	void classNameTypeIdsDeclaredByAnnotationAreRefusedBeforeTheClassLoads() {
		JobPayloadMapper mapper = new JobPayloadMapper(new JsonMapper(), 1024);
		String json = "{\"value\":{\"@class\":\"" + GadgetCanary.class.getName() + "\",\"value\":\"x\"}}";
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> mapper.readPayload(json, mapper.typeOf(ClassTyped.class)));
		assertThatExceptionOfType(JobsException.class).isThrownBy(() -> mapper.read(json, ClassTyped.class));
		assertThat(GadgetCanary.Flag.INITIALISED).isFalse();
	}

	@Test
	void typeIdsByNameAmongDeclaredSubtypesStillWork() {
		JobPayloadMapper mapper = new JobPayloadMapper(new JsonMapper(), 1024);
		String json = mapper.writePayload("shape", new Shapes(List.of(new Circle(1.5), new Square(2))));
		assertThat(json).contains("\"kind\":\"circle\"", "\"kind\":\"square\"");
		assertThat(mapper.readPayload(json, mapper.typeOf(Shapes.class)))
			.isEqualTo(new Shapes(List.of(new Circle(1.5), new Square(2))));
	}

	@Test
	void storedPayloadLargerThanTheLimitIsRefusedBeforeItIsParsed() {
		JobPayloadMapper mapper = new JobPayloadMapper(new JsonMapper(), 20);
		assertThat(mapper.readPayload("\"" + "a".repeat(18) + "\"", mapper.typeOf(String.class)))
			.isEqualTo("a".repeat(18));
		assertThatExceptionOfType(JobsException.class)
			.isThrownBy(() -> mapper.readPayload("\"" + "é".repeat(10) + "\"", mapper.typeOf(String.class)))
			.withMessageContaining("22 bytes")
			.withMessageContaining("jobs.payload.max-size (20 bytes)");
	}

	@Test
	void deeplyNestedPayloadIsRefused() {
		JobPayloadMapper mapper = new JobPayloadMapper(new JsonMapper(), 1 << 20);
		String nested = "[".repeat(10_000) + "]".repeat(10_000);
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> mapper.readPayload(nested, mapper.typeOf(Object.class)))
			.withMessageContaining("nesting depth");
	}

	private static JsonMapper defaultTypingMapper() {
		return JsonMapper.builder()
			.activateDefaultTyping(BasicPolymorphicTypeValidator.builder().allowIfBaseType(Object.class).build(),
					DefaultTyping.NON_FINAL)
			.build();
	}

	record Email(String to) {

	}

	record Envelope(Object content) {

	}

	record ClassTyped(@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) Object value) {

	}

	record Shapes(List<Shape> shapes) {

	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
	@JsonSubTypes({ @JsonSubTypes.Type(value = Circle.class, name = "circle"),
			@JsonSubTypes.Type(value = Square.class, name = "square") })
	sealed interface Shape permits Circle, Square {

	}

	record Circle(double radius) implements Shape {

	}

	record Square(double side) implements Shape {

	}

}
