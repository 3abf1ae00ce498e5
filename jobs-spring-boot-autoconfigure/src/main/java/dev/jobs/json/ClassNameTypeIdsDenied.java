package dev.jobs.json;

import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * Refuses every type id that names a class ({@code @JsonTypeInfo(use = Id.CLASS)} or
 * {@code MINIMAL_CLASS}) before the class is looked up, so that stored JSON can never
 * make a class load, let alone initialise. Type ids by logical name
 * ({@code @JsonTypeInfo(use = Id.NAME)} with {@code @JsonSubTypes}) are resolved against
 * the declared subtypes only and stay available.
 */
final class ClassNameTypeIdsDenied extends PolymorphicTypeValidator.Base {

	private static final long serialVersionUID = 1L;

	@Override
	public Validity validateSubClassName(DatabindContext context, JavaType baseType, String subClassName) {
		return Validity.DENIED;
	}

	@Override
	public Validity validateSubType(DatabindContext context, JavaType baseType, JavaType subType) {
		return Validity.DENIED;
	}

}
