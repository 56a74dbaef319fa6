package dev.custommodels.testkit.junit;

import dev.custommodels.CustomModelsClientBuilder;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link CustomModelsTest}; it may also be registered with
 * {@code @ExtendWith(CustomModelsExtension.class)}, which uses the defaults.
 *
 * <ul>
 *   <li>Before all tests of a class, it builds a {@link CustomModelsTestEnvironment} as the class's
 *   {@link CustomModelsTest} says; {@code @Nested} classes share their enclosing class's. After all tests of the
 *   class it closes the environment: the emulator stops and the temporary directory is removed.</li>
 *   <li>Before each test, it {@linkplain CustomModelsTestEnvironment#reset() resets} fault rules, recorded requests
 *   and the caller's default role, so request counts are per test. The lake, role assignments and runs stay for
 *   the class.</li>
 *   <li>It resolves parameters of type {@link CustomModelsTestEnvironment} and {@link CustomModelsClientBuilder}
 *   (a new pre-wired builder each time) in test, lifecycle and constructor parameters.</li>
 *   <li>It sets non-final fields of those types: static ones before all tests, instance ones before each test
 *   (a new builder each test).</li>
 * </ul>
 */
public final class CustomModelsExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(CustomModelsExtension.class);
    private static final String KEY = "environment";

    /** Creates the extension; JUnit calls this. */
    public CustomModelsExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (store.get(KEY, CustomModelsTestEnvironment.class) == null) {
            store.put(KEY, create(context.getRequiredTestClass()));
        }
        injectFields(context.getRequiredTestClass(), null, environment(context), true);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        CustomModelsTestEnvironment own = context.getStore(NAMESPACE).remove(KEY, CustomModelsTestEnvironment.class);
        if (own != null) {
            own.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        CustomModelsTestEnvironment environment = environment(context);
        environment.reset();
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            injectFields(instance.getClass(), instance, environment, false);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == CustomModelsTestEnvironment.class || type == CustomModelsClientBuilder.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        CustomModelsTestEnvironment environment = environment(context);
        return parameter.getParameter().getType() == CustomModelsClientBuilder.class
                ? environment.clientBuilder() : environment;
    }

    private static CustomModelsTestEnvironment environment(ExtensionContext context) {
        CustomModelsTestEnvironment environment = context.getStore(NAMESPACE).get(KEY,
                CustomModelsTestEnvironment.class);
        if (environment == null) {
            throw new ExtensionConfigurationException("No custom-models test environment for "
                    + context.getDisplayName() + ". Register CustomModelsExtension on the test class (annotate it"
                    + " with @CustomModelsTest), not on a method.");
        }
        return environment;
    }

    private static CustomModelsTestEnvironment create(Class<?> testClass) {
        Optional<CustomModelsTest> config = findConfig(testClass);
        CustomModelsTestEnvironment.Builder builder = CustomModelsTestEnvironment.builder()
                .loopback(config.map(CustomModelsTest::loopback).orElse(false));
        for (Class<? extends EmulatedBackend> type : config.map(CustomModelsTest::backends)
                .orElse(new Class[0])) {
            builder.backend(newBackend(type));
        }
        return builder.build();
    }

    private static EmulatedBackend newBackend(Class<? extends EmulatedBackend> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExtensionConfigurationException("Could not create backend " + type.getName() + " named in"
                    + " @CustomModelsTest(backends = ...): " + e + ". A backend class needs a public no-argument"
                    + " constructor.", e);
        }
    }

    private static Optional<CustomModelsTest> findConfig(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<CustomModelsTest> found = AnnotationSupport.findAnnotation(c, CustomModelsTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static void injectFields(Class<?> type, Object instance, CustomModelsTestEnvironment environment,
            boolean statics) throws IllegalAccessException {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                boolean injectable = field.getType() == CustomModelsTestEnvironment.class
                        || field.getType() == CustomModelsClientBuilder.class;
                if (!injectable || Modifier.isFinal(modifiers) || Modifier.isStatic(modifiers) != statics) {
                    continue;
                }
                field.setAccessible(true);
                field.set(instance, field.getType() == CustomModelsClientBuilder.class ? environment.clientBuilder()
                        : environment);
            }
        }
    }
}
