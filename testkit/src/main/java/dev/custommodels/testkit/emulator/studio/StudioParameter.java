package dev.custommodels.testkit.emulator.studio;

import java.util.Objects;

/**
 * A global parameter of an emulated web service.
 *
 * @param name the name
 * @param type the swagger type
 * @param format the swagger format, or {@code null}
 * @param defaultValue the default, or {@code null} for a parameter every request must set
 */
public record StudioParameter(String name, String type, String format, String defaultValue) {

    /**
     * Checks the name and type.
     *
     * @param name the name
     * @param type the swagger type
     * @param format the swagger format, or {@code null}
     * @param defaultValue the default, or {@code null} for a parameter every request must set
     */
    public StudioParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
