package dev.custommodels.implementation.refresh;

import dev.custommodels.models.RefreshTrigger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets one refresh run at a time in a client: the manual {@code refresh()} and every schedule of the client share
 * one gate. Thread-safe.
 */
public final class RefreshGate {
    private final AtomicReference<Holder> holder = new AtomicReference<>();

    /**
     * Enters the gate if no refresh holds it.
     *
     * @param trigger what the refresh that enters was started by
     * @param now when it starts
     * @return whether it entered; if so it must call {@link #exit()} when done
     */
    public boolean tryEnter(RefreshTrigger trigger, Instant now) {
        return holder.compareAndSet(null, new Holder(Objects.requireNonNull(trigger, "trigger"),
                Objects.requireNonNull(now, "now")));
    }

    /** Leaves the gate. */
    public void exit() {
        holder.set(null);
    }

    /**
     * Describes the refresh that holds the gate, for messages.
     *
     * @return such as "a MANUAL refresh started at 2024-03-31T01:00:00Z is still running", or empty when the gate
     *     is free
     */
    public Optional<String> describeHolder() {
        Holder h = holder.get();
        return h == null ? Optional.empty()
                : Optional.of("a " + h.trigger() + " refresh started at " + h.since() + " is still running");
    }

    private record Holder(RefreshTrigger trigger, Instant since) {
    }
}
