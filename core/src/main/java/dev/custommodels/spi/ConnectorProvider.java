package dev.custommodels.spi;

/**
 * The plug-in point of a model backend, discovered with {@link java.util.ServiceLoader} and keyed by
 * {@link #name()}. Register an implementation in {@code module-info.java} ({@code provides}) and in
 * {@code META-INF/services/dev.custommodels.spi.ConnectorProvider}.
 *
 * <p>This interface evolves only by {@code default} methods.
 */
public interface ConnectorProvider {

    /**
     * Returns the connector's name, the {@code connector} part of a model reference.
     *
     * @return a stable name such as {@code studio-classic}
     */
    String name();

    /**
     * Creates the connector for one client.
     *
     * @param context what the client offers its connectors
     * @return the connector
     */
    Connector create(ConnectorContext context);
}
