package dev.custommodels.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import dev.custommodels.CustomModelsClientBuilder;
import dev.custommodels.testkit.emulator.EmulatedService;
import dev.custommodels.testkit.emulator.EmulatorResponse;
import dev.custommodels.testkit.emulator.Fault;
import dev.custommodels.testkit.emulator.FaultPlan;
import dev.custommodels.testkit.emulator.Routes;
import dev.custommodels.testkit.emulator.arm.CallerRole;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs small test classes that use the extension, and checks what it did around them. */
class CustomModelsExtensionLifecycleTest {
    static final List<CustomModelsTestEnvironment> SEEN = new CopyOnWriteArrayList<>();

    /** Set while this class runs a fixture, so fixtures selected by a wide {@code -Dtest} pattern are skipped. */
    static final String FIXTURES = "custommodels.extension.fixtures";

    private static EngineExecutionResults execute(Class<?> fixture) {
        SEEN.clear();
        System.setProperty(FIXTURES, "true");
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
        } finally {
            System.clearProperty(FIXTURES);
        }
    }

    private static Events run(Class<?> fixture) {
        return execute(fixture).testEvents();
    }

    private static boolean listening(String baseUrl) {
        URI uri = URI.create(baseUrl);
        try (Socket ignored = new Socket(uri.getHost(), uri.getPort())) {
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void oneLoopbackEnvironmentServesTheClassAndItsNestedClassesThenStopsAndIsRemoved() {
        run(LoopbackFixture.class).assertStatistics(s -> s.started(3).succeeded(3));
        assertThat(SEEN).hasSize(3).containsOnly(SEEN.get(0));
        CustomModelsTestEnvironment environment = SEEN.get(0);
        assertThat(environment.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(listening(environment.baseUrl())).as("the server is stopped").isFalse();
        assertThat(Files.exists(environment.lakeDirectory().getParent())).as("the directory is removed").isFalse();
    }

    @Test
    void extendWithAloneUsesTheDefaultsInProcess() {
        run(ExtendWithFixture.class).assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(SEEN).singleElement().satisfies(e -> {
            assertThat(e.isLoopback()).isFalse();
            assertThat(e.backends()).singleElement().isInstanceOf(AmlPipelineBackend.class);
        });
    }

    @Test
    void backendsNamedInTheAnnotationAreInstalledInsteadOfTheDefaults() {
        run(CustomBackendFixture.class).assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(SEEN).singleElement().satisfies(e -> {
            assertThat(e.models()).containsOnlyKeys("greeter");
            assertThat(e.options()).containsEntry("greeter.endpoint", e.baseUrl())
                    .containsEntry("azure.armEndpoint", e.baseUrl()).containsEntry("greeter.mode", "friendly");
        });
    }

    @Test
    void aBackendWithoutANoArgumentConstructorFailsTheClassNamingIt() {
        Events events = execute(BrokenBackendFixture.class).containerEvents();
        assertThat(events.failed().stream()).singleElement().satisfies(e -> assertThat(
                e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining(NoDefaultConstructor.class.getName())
                .hasMessageContaining("public no-argument constructor"));
    }

    /** Two ordered tests and a nested one over loopback; the first dirties what {@code reset()} cleans. */
    @CustomModelsTest(loopback = true)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @EnabledIfSystemProperty(named = FIXTURES, matches = "true")
    static class LoopbackFixture {
        CustomModelsTestEnvironment azure;

        @Test
        @Order(1)
        void dirtiesTheEnvironment() throws Exception {
            SEEN.add(azure);
            azure.arm().callerRole(CallerRole.READER);
            azure.emulator().faults().always(FaultPlan.always(Fault.serviceUnavailable()));
            HttpRequest request = new HttpRequest(HttpMethod.GET, azure.baseUrl() + "/subscriptions");
            try (HttpResponse response = azure.httpClient().sendSync(request, com.azure.core.util.Context.NONE)) {
                assertThat(response.getStatusCode()).isEqualTo(503);
            }
            assertThat(azure.emulator().requests()).hasSize(1);
        }

        @Test
        @Order(2)
        void findsItCleanedButTheSameEnvironment(CustomModelsTestEnvironment same) {
            SEEN.add(same);
            assertThat(same.emulator().requests()).isEmpty();
            assertThat(same.arm().roleOn(same.workspace().id())).isEqualTo(CallerRole.OWNER);
            assertThat(same.options()).containsEntry("azure.armEndpoint", same.baseUrl());
            HttpRequest request = new HttpRequest(HttpMethod.GET, same.baseUrl() + "/subscriptions");
            try (HttpResponse response = same.httpClient().sendSync(request, com.azure.core.util.Context.NONE)) {
                assertThat(response.getStatusCode()).as("no fault, no token").isEqualTo(401);
            }
        }

        @Nested
        class Inner {
            @Test
            void sharesTheEnclosingEnvironment(CustomModelsClientBuilder builder, CustomModelsTestEnvironment inner) {
                SEEN.add(inner);
                assertThat(builder).isNotNull();
                assertThat(inner).isSameAs(azure);
            }
        }
    }

    @ExtendWith(CustomModelsExtension.class)
    @EnabledIfSystemProperty(named = FIXTURES, matches = "true")
    static class ExtendWithFixture {
        @Test
        void runs(CustomModelsTestEnvironment azure) {
            SEEN.add(azure);
        }
    }

    @CustomModelsTest(loopback = true, backends = GreeterBackend.class)
    @EnabledIfSystemProperty(named = FIXTURES, matches = "true")
    static class CustomBackendFixture {
        @Test
        void servesTheBackendsService(CustomModelsTestEnvironment azure) throws Exception {
            SEEN.add(azure);
            HttpRequest request = new HttpRequest(HttpMethod.GET, azure.baseUrl() + "/greetings/ada");
            try (HttpResponse response = azure.httpClient().sendSync(request, com.azure.core.util.Context.NONE)) {
                assertThat(response.getBodyAsBinaryData().toString()).isEqualTo("hello ada");
            }
        }
    }

    @CustomModelsTest(backends = NoDefaultConstructor.class)
    @EnabledIfSystemProperty(named = FIXTURES, matches = "true")
    static class BrokenBackendFixture {
        @Test
        void neverRuns() {
        }
    }

    /** A backend with one service and one model. */
    public static final class GreeterBackend implements EmulatedBackend {
        /** For the annotation. */
        public GreeterBackend() {
        }

        @Override
        public String connector() {
            return "greeter";
        }

        @Override
        public void install(BackendSetup setup) {
            setup.service(new EmulatedService() {
                @Override
                public String name() {
                    return "greeter";
                }

                @Override
                public void register(Routes routes) {
                    routes.get("/greetings/{name}", (request, vars) -> EmulatorResponse.text(200, "text/plain",
                            "hello " + vars.get("name")));
                }
            });
            setup.workspaceModel("greeter", "greeter-service");
            setup.endpointOption("greeter.endpoint");
            setup.option("greeter.mode", "friendly");
        }
    }

    /** A backend JUnit cannot create. */
    public static final class NoDefaultConstructor implements EmulatedBackend {
        /**
         * Needs an argument.
         *
         * @param ignored anything
         */
        public NoDefaultConstructor(String ignored) {
        }

        @Override
        public String connector() {
            return "broken";
        }

        @Override
        public void install(BackendSetup setup) {
        }
    }

}
