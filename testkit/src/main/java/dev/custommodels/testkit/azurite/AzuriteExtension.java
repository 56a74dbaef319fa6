package dev.custommodels.testkit.azurite;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts one Azurite for the whole test JVM, on first use, and stops it when the test
 * run ends (it lives in the root {@link ExtensionContext}'s store, which closes it; a JVM shutdown hook stops it
 * if the run is killed). Tests receive it as an {@link Azurite} parameter of a test, lifecycle method or
 * constructor.
 *
 * <pre>{@code
 * @ExtendWith(AzuriteExtension.class)
 * class MyStorageTest {
 *     @Test
 *     void writes(Azurite azurite) {
 *         String connectionString = azurite.connectionString();
 *     }
 * }
 * }</pre>
 */
public final class AzuriteExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AzuriteExtension.class);

    /** Creates the extension; JUnit calls this. */
    public AzuriteExtension() {
    }

    /**
     * Returns the Azurite of this test run, starting it on first call.
     *
     * @param context any extension context of the run
     * @return the running Azurite
     * @throws IllegalStateException when Azurite cannot start; the message says what to install
     */
    public static Azurite azurite(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Azurite.class, key -> AzuriteLauncher.create().start(), Azurite.class);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        azurite(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Azurite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return azurite(extensionContext);
    }
}
