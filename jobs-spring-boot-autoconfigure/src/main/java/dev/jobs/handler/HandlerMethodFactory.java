package dev.jobs.handler;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.springframework.aop.support.AopUtils;

import dev.jobs.JobContext;

/**
 * Builds {@link JobHandlerMethod}s, binding each parameter as either the payload or the
 * {@link JobContext}: at most one of each, in any order.
 */
public final class HandlerMethodFactory {

	private static final String PARAMETERS_ACTION = "Declare at most one payload parameter and at most one "
			+ "JobContext parameter, in any order; wrap several values in one payload type.";

	private HandlerMethodFactory() {
	}

	/**
	 * Create the handler of a bean method.
	 * @param name the job name
	 * @param beanName the bean name
	 * @param bean the bean, possibly a proxy
	 * @param method the annotated method of the bean's target class
	 * @param settings the handler's declared settings
	 * @return the handler
	 * @throws JobHandlerDefinitionException if its parameters cannot be bound
	 */
	public static JobHandlerMethod create(String name, String beanName, Object bean, Method method,
			HandlerSettings settings) {
		Class<?>[] types = method.getParameterTypes();
		int payloadIndex = -1;
		int contextIndex = -1;
		List<String> payloadParameters = new ArrayList<>();
		for (int i = 0; i < types.length; i++) {
			if (JobContext.class.isAssignableFrom(types[i])) {
				if (contextIndex >= 0) {
					throw new JobHandlerDefinitionException(
							"Handler '" + name + "' in " + JobHandlerMethod.describe(beanName, method)
									+ " cannot be bound: it declares more than one JobContext parameter",
							PARAMETERS_ACTION);
				}
				contextIndex = i;
			}
			else {
				payloadParameters.add(method.getParameters()[i].getName() + " (" + types[i].getSimpleName() + ")");
				payloadIndex = i;
			}
		}
		if (payloadParameters.size() > 1) {
			throw new JobHandlerDefinitionException(
					"Handler '" + name + "' in " + JobHandlerMethod.describe(beanName, method)
							+ " cannot be bound: it declares " + payloadParameters.size() + " payload parameters "
							+ payloadParameters + " but a job has one payload",
					PARAMETERS_ACTION);
		}
		Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
		return new JobHandlerMethod(name, beanName, bean, invocable, payloadIndex, contextIndex, settings);
	}

}
