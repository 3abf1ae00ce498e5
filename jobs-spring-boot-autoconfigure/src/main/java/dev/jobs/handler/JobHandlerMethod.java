package dev.jobs.handler;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

import dev.jobs.JobContext;

/**
 * A bean method that handles a named job type, with where its payload and
 * {@link JobContext} go among its parameters.
 */
public final class JobHandlerMethod {

	private final String name;

	private final String beanName;

	private final Object bean;

	private final Method method;

	private final int payloadIndex;

	private final int contextIndex;

	private final HandlerSettings settings;

	JobHandlerMethod(String name, String beanName, Object bean, Method method, int payloadIndex, int contextIndex,
			HandlerSettings settings) {
		this.name = name;
		this.beanName = beanName;
		this.bean = bean;
		this.method = method;
		this.payloadIndex = payloadIndex;
		this.contextIndex = contextIndex;
		this.settings = settings;
		ReflectionUtils.makeAccessible(method);
	}

	/**
	 * The job name it handles.
	 * @return the job name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The handler's declared settings.
	 * @return the settings
	 */
	public HandlerSettings settings() {
		return this.settings;
	}

	/**
	 * The declared type of the payload parameter.
	 * @return the generic type, or {@code null} if the method takes no payload
	 */
	public @Nullable Type payloadType() {
		return (this.payloadIndex >= 0) ? this.method.getGenericParameterTypes()[this.payloadIndex] : null;
	}

	/**
	 * Whether the method returns nothing.
	 * @return {@code true} for {@code void} methods
	 */
	public boolean returnsVoid() {
		return this.method.getReturnType() == void.class || this.method.getReturnType() == Void.class;
	}

	/**
	 * Invoke the method.
	 * @param payload the bound payload, or {@code null}
	 * @param context the job context
	 * @return what the method returned
	 * @throws Throwable what the method threw
	 */
	public @Nullable Object invoke(@Nullable Object payload, JobContext context) throws Throwable {
		Object[] arguments = new Object[this.method.getParameterCount()];
		if (this.payloadIndex >= 0) {
			arguments[this.payloadIndex] = payload;
		}
		if (this.contextIndex >= 0) {
			arguments[this.contextIndex] = context;
		}
		try {
			return this.method.invoke(this.bean, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	/**
	 * A description for messages: the bean name and the method.
	 * @return the description
	 */
	public String describe() {
		return describe(this.beanName, this.method);
	}

	static String describe(String beanName, Method method) {
		StringBuilder text = new StringBuilder("bean '").append(beanName)
			.append("' method ")
			.append(method.getDeclaringClass().getSimpleName())
			.append('.')
			.append(method.getName())
			.append('(');
		Class<?>[] types = method.getParameterTypes();
		for (int i = 0; i < types.length; i++) {
			text.append((i > 0) ? ", " : "").append(types[i].getSimpleName());
		}
		return text.append(')').toString();
	}

	@Override
	public String toString() {
		return "JobHandlerMethod[" + this.name + " -> " + describe() + "]";
	}

}
