package dev.jobs.recurring;

import dev.jobs.store.RecurringDefinition;

/**
 * A recurring job declared by an annotation or by configuration.
 *
 * @param definition the definition, as it is stored
 * @param schedule its schedule, parsed from the definition where it was declared
 * @param runOnStart whether it is due at once when first stored
 * @param disabled whether configuration disables it
 */
public record RecurringDeclaration(RecurringDefinition definition, Schedule schedule, boolean runOnStart,
		boolean disabled) {

}
