package dev.jobs.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.jobs.handler.JobHandlerDefinitionException;

/**
 * Renders a {@link JobHandlerDefinitionException} at start-up as a description naming the
 * bean and the method, and an action.
 */
class JobHandlerDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<JobHandlerDefinitionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, JobHandlerDefinitionException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
