package dev.jobs.recurring;

import dev.jobs.store.RecurringDefinition;

/**
 * A recurring job declared by an annotation or by configuration.
 *
 * @param definition the definition, with its schedule parsed where it was declared
 * @param runOnStart whether it is due at once when first stored
 * @param disabled whether configuration disables it
 */
public record RecurringDeclaration(RecurringDefinition definition, boolean runOnStart, boolean disabled) {

}
