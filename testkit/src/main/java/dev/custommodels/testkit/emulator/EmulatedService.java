package dev.custommodels.testkit.emulator;

/**
 * One emulated remote API. It declares its routes; the {@link Emulator} hosts it in process and over loopback.
 * Implementations keep real state, validate requests as the service does, and are thread-safe.
 */
public interface EmulatedService {

    /**
     * Returns a short name used in logs and request records.
     *
     * @return the name, such as {@code studio-classic}
     */
    String name();

    /**
     * Declares the service's routes.
     *
     * @param routes where to add them
     */
    void register(Routes routes);

    /**
     * Called once when the emulator starts listening, with the loopback base URL, so the service can hand out
     * URLs that point back at itself (discovery URLs, scoring URIs). In process, it is called with the
     * emulator's in-process base URL.
     *
     * @param baseUrl the base URL, without a trailing slash
     */
    default void baseUrl(String baseUrl) {
    }
}
