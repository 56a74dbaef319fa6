package dev.custommodels.testkit.junit;

/**
 * One model backend of a {@link CustomModelsTestEnvironment}: it adds its emulated services to the environment's
 * emulator, seeds them with models, and sets the client options its connector reads.
 *
 * <p>Implementations used with {@link CustomModelsTest#backends()} need a public no-argument constructor. An
 * instance belongs to one environment. This interface evolves only by {@code default} methods.
 */
public interface EmulatedBackend {

    /**
     * Returns the name of the connector that talks to this backend, the {@code connector} part of the model
     * references it seeds.
     *
     * @return the connector name, such as {@code aml-pipeline}
     */
    String connector();

    /**
     * Adds the backend's services, models and client options to an environment being built. Called once, before
     * the emulator serves.
     *
     * @param setup what the environment offers its backends
     */
    void install(BackendSetup setup);
}
