package dev.jobs.schedule;

import dev.jobs.store.RecurringDefinition;

/**
 * A recurring job declared by an annotation or by configuration.
 *
 * @param definition the definition
 * @param runOnStart whether it is due at once when first stored
 * @param disabled whether configuration disables it
 */
public record RecurringDeclaration(RecurringDefinition definition, boolean runOnStart, boolean disabled) {

}
