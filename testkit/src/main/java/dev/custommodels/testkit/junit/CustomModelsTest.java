package dev.custommodels.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against emulated Azure: one {@link CustomModelsTestEnvironment} for the class (and its
 * {@code @Nested} classes), started before the first test and stopped after the last. Test and lifecycle methods
 * take a {@link CustomModelsTestEnvironment} or a pre-wired {@link dev.custommodels.CustomModelsClientBuilder} as
 * parameters; see {@link CustomModelsExtension} for fields and what is reset before each test.
 *
 * <pre>{@code
 * @CustomModelsTest
 * class ChurnSetupTest {
 *     @Test
 *     void savesTheChurnWorkflow(CustomModelsClientBuilder builder, CustomModelsTestEnvironment azure) {
 *         CustomModelsClient client = builder.entityCatalog(myCatalog).buildClient();
 *         ...
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CustomModelsExtension.class)
public @interface CustomModelsTest {

    /**
     * Serves the emulators over loopback (real HTTP on 127.0.0.1, through the HTTP client found on the class path,
     * such as azure-core-http-netty) rather than in process.
     *
     * @return whether to serve over loopback
     */
    boolean loopback() default false;

    /**
     * The backends to install; empty for {@link CustomModelsTestEnvironment#defaultBackends()}. Each class needs a
     * public no-argument constructor.
     *
     * @return the backend classes
     */
    Class<? extends EmulatedBackend>[] backends() default {};
}
