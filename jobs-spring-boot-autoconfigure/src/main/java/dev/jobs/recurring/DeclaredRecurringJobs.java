package dev.jobs.recurring;

import java.util.ArrayList;
import java.util.List;

/**
 * The recurring jobs that {@code @RecurringJob} methods declare, collected as their beans
 * are created.
 */
public class DeclaredRecurringJobs {

	private final List<RecurringDeclaration> declarations = new ArrayList<>();

	synchronized void add(RecurringDeclaration declaration) {
		this.declarations.add(declaration);
	}

	/**
	 * The declarations so far.
	 * @return the declarations
	 */
	public synchronized List<RecurringDeclaration> all() {
		return List.copyOf(this.declarations);
	}

}
