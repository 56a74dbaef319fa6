package dev.custommodels.connectors.studio.implementation;

import java.util.Objects;

/** A key or token held in memory only; its {@code toString()} never shows it. */
final class Secret {
    private final String value;

    Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    String value() {
        return value;
    }

    @Override
    public String toString() {
        return "[redacted]";
    }
}
