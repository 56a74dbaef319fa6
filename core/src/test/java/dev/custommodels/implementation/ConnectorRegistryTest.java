package dev.custommodels.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.fakes.FakeBackend;
import dev.custommodels.fakes.FakeConnectorProvider;
import dev.custommodels.spi.ConnectorProvider;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectorRegistryTest {

    @Test
    void missingConnectorListsAvailableOnesAndTheArtifactToAdd() {
        ConnectorRegistry registry = new ConnectorRegistry(List.of(), () -> List.of(named("studio-classic")));
        assertThatThrownBy(() -> registry.provider("aml-pipeline"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No connector named 'aml-pipeline'. Available: [studio-classic]. Add"
                        + " custom-models-connectors-aml-pipeline to the class path.");
    }

    @Test
    void twoDiscoveredProvidersWithOneNameFailNamingBothClasses() {
        ConnectorRegistry registry = new ConnectorRegistry(List.of(),
                () -> List.of(named("studio-classic"), new OtherProvider("studio-classic")));
        assertThatThrownBy(registry::names)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Two connector providers named 'studio-classic'")
                .hasMessageContaining(FakeConnectorProvider.class.getName())
                .hasMessageContaining(OtherProvider.class.getName());
        assertThatThrownBy(() -> registry.provider("studio-classic"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(OtherProvider.class.getName());
    }

    @Test
    void explicitProviderWinsOverDiscoveredOnesOfTheSameName() {
        ConnectorProvider mine = new OtherProvider("studio-classic");
        ConnectorRegistry registry = new ConnectorRegistry(List.of(mine),
                () -> List.of(named("studio-classic"), named("studio-classic"), named("aml-batch-endpoint")));
        assertThat(registry.provider("studio-classic")).isSameAs(mine);
        assertThat(registry.names()).containsExactly("aml-batch-endpoint", "studio-classic");
    }

    @Test
    void twoExplicitProvidersWithOneNameFailAtConstruction() {
        assertThatThrownBy(() -> new ConnectorRegistry(List.of(named("x"), new OtherProvider("x")), List::of))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CustomModelsClientBuilder.connectorProvider")
                .hasMessageContaining(FakeConnectorProvider.class.getName())
                .hasMessageContaining(OtherProvider.class.getName());
    }

    @Test
    void discoveryRunsOnceAndOnlyWhenNeeded() {
        AtomicInteger loads = new AtomicInteger();
        ConnectorProvider mine = named("mine");
        ConnectorRegistry registry = new ConnectorRegistry(List.of(mine), () -> {
            loads.incrementAndGet();
            return List.of(named("found"));
        });
        assertThat(registry.provider("mine")).isSameAs(mine);
        assertThat(loads).hasValue(0);
        assertThat(registry.provider("found").name()).isEqualTo("found");
        assertThat(registry.names()).containsExactly("found", "mine");
        assertThat(loads).hasValue(1);
    }

    @Test
    void brokenServiceDeclarationIsReportedWithWhatToCheck() {
        ConnectorRegistry registry = new ConnectorRegistry(List.of(), () -> () -> new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public ConnectorProvider next() {
                throw new ServiceConfigurationError("Provider com.example.Gone not found");
            }
        });
        assertThatThrownBy(registry::names)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("com.example.Gone")
                .hasMessageContaining("META-INF/services");
    }

    @Test
    void blankProviderNameIsRejectedNamingTheClass() {
        assertThatThrownBy(() -> new ConnectorRegistry(List.of(new OtherProvider(" ")), List::of))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(OtherProvider.class.getName() + " has no name");
    }

    @Test
    void serviceLoaderFindsTheProviderRegisteredOnTheClassPath() {
        assertThat(new ConnectorRegistry(List.of()).names()).contains("fake");
    }

    private static ConnectorProvider named(String name) {
        return new FakeConnectorProvider(name, new FakeBackend());
    }

    /** A provider of another class, to see both class names in messages. */
    static final class OtherProvider extends FakeConnectorProvider {
        OtherProvider(String name) {
            super(name, new FakeBackend());
        }
    }
}
