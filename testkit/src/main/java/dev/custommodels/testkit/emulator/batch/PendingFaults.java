package dev.custommodels.testkit.emulator.batch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** The one-shot faults waiting for the next job or invoke of a {@link BatchEndpointEmulator}. */
final class PendingFaults {
    private final Deque<String> failures = new ArrayDeque<>();
    private final Deque<String> stuck = new ArrayDeque<>();
    private final Deque<Integer> invokeFailures = new ArrayDeque<>();
    private final Deque<Integer> hidden = new ArrayDeque<>();

    synchronized void failNextJob(String message) {
        failures.add(message);
    }

    synchronized void stickNextJob(String status) {
        stuck.add(status);
    }

    synchronized void failNextInvoke(int status) {
        invokeFailures.add(status);
    }

    synchronized void hideNextJob(int reads) {
        hidden.add(reads);
    }

    /** Gives a new job the faults waiting for it. */
    synchronized void applyTo(EmulatedBatchJob job) {
        if (!failures.isEmpty()) {
            job.failWith(failures.poll());
        }
        if (!stuck.isEmpty()) {
            job.stickAt(stuck.poll());
        }
        if (!hidden.isEmpty()) {
            job.hideFromArm(hidden.poll());
        }
    }

    synchronized Optional<Integer> takeInvokeFailure() {
        return Optional.ofNullable(invokeFailures.poll());
    }
}
