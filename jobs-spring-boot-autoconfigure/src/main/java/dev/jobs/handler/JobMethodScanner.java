package dev.jobs.handler;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;

import dev.jobs.JobHandler;
import dev.jobs.RecurringJob;

/**
 * Finds the {@link JobHandler @JobHandler} and {@link RecurringJob @RecurringJob} methods
 * of a bean class, remembering the classes that have none so that each is searched once.
 * The processors that register these methods and the filter that keeps their beans eager
 * under lazy initialization use it, so that they agree on which beans declare jobs.
 */
public final class JobMethodScanner {

	private final Set<Class<?>> classesWithoutJobHandlers = ConcurrentHashMap.newKeySet();

	private final Set<Class<?>> classesWithoutRecurringJobs = ConcurrentHashMap.newKeySet();

	/**
	 * Find the {@link JobHandler @JobHandler} methods of a class.
	 * @param type the bean class
	 * @return each method with its annotation, empty if there is none
	 */
	public Map<Method, JobHandler> jobHandlers(Class<?> type) {
		return find(type, JobHandler.class, this.classesWithoutJobHandlers);
	}

	/**
	 * Find the {@link RecurringJob @RecurringJob} methods of a class.
	 * @param type the bean class
	 * @return each method with its annotation, empty if there is none
	 */
	public Map<Method, RecurringJob> recurringJobs(Class<?> type) {
		return find(type, RecurringJob.class, this.classesWithoutRecurringJobs);
	}

	/**
	 * Whether a class has a {@link JobHandler @JobHandler} or a
	 * {@link RecurringJob @RecurringJob} method.
	 * @param type the bean class
	 * @return whether it declares a job
	 */
	public boolean declaresJobs(Class<?> type) {
		return !jobHandlers(type).isEmpty() || !recurringJobs(type).isEmpty();
	}

	private static <A extends Annotation> Map<Method, A> find(Class<?> type, Class<A> annotationType,
			Set<Class<?>> classesWithout) {
		if (classesWithout.contains(type)) {
			return Collections.emptyMap();
		}
		Map<Method, A> found = AnnotationUtils.isCandidateClass(type, annotationType) ? MethodIntrospector
			.selectMethods(type, (MethodIntrospector.MetadataLookup<A>) (method) -> AnnotatedElementUtils
				.findMergedAnnotation(method, annotationType)) : Collections.emptyMap();
		if (found.isEmpty()) {
			classesWithout.add(type);
		}
		return found;
	}

}
