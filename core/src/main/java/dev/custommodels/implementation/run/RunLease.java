package dev.custommodels.implementation.run;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.models.CorruptStateException;
import dev.custommodels.models.LakeConditionFailedException;
import dev.custommodels.models.LakeObjectNotFoundException;
import dev.custommodels.models.RunConflictException;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * One run's lease on its workflow: {@code runs/<workflowId>/lease.json}. Taken create-only, or by an if-match
 * replace of an expired lease; renewed by if-match when a third of its duration has passed; released by an
 * if-match delete. Every step is a conditional write, so two processes sharing a lake never both hold it. Times
 * come from the client's clock. Not thread-safe; owned by one driver.
 */
final class RunLease {
    private static final ClientLogger LOGGER = new ClientLogger(RunLease.class);
    private static final int ATTEMPTS = 5;

    private final LakeStore lake;
    private final Clock clock;
    private final String workflowId;
    private final String runId;
    private final Duration duration;
    private final String owner = UUID.randomUUID().toString();
    private final String path;
    private String etag;
    private Instant renewedAt;

    /** The lease file's content. */
    static final class Document {
        public String workflowId;
        public String runId;
        public String owner;
        public OffsetDateTime renewedAt;
        public OffsetDateTime expiresAt;
    }

    private RunLease(LakeStore lake, Clock clock, String workflowId, String runId, Duration duration) {
        this.lake = lake;
        this.clock = clock;
        this.workflowId = workflowId;
        this.runId = runId;
        this.duration = duration;
        this.path = RunPaths.lease(workflowId);
    }

    /**
     * Takes the lease for a run.
     *
     * @param resuming whether the run is being resumed, for the conflict's message
     * @throws RunConflictException naming the active run when another run, or another process driving this run,
     *     holds a lease that has not expired
     */
    static RunLease acquire(LakeStore lake, Clock clock, String workflowId, String runId, Duration duration,
            boolean resuming) {
        RunLease lease = new RunLease(lake, clock, workflowId, runId, duration);
        lease.take(resuming);
        return lease;
    }

    private void take(boolean resuming) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            try {
                etag = lake.write(path, content(now), WriteCondition.ifNotExists());
                renewedAt = now;
                return;
            } catch (LakeConditionFailedException exists) {
                Optional<Held> held = held();
                if (held.isEmpty()) {
                    continue;
                }
                Held h = held.get();
                if (h.doc != null && h.doc.expiresAt != null && h.doc.expiresAt.toInstant().isAfter(now)) {
                    throw LOGGER.logExceptionAsWarning(new RunConflictException(workflowId, h.doc.runId,
                            h.doc.expiresAt, resuming && runId.equals(h.doc.runId)));
                }
                try {
                    etag = lake.write(path, content(now), WriteCondition.ifMatch(h.etag));
                    renewedAt = now;
                    LOGGER.info("Run {} took over the expired lease of workflow {} (held by run {}).", runId,
                            workflowId, h.doc == null ? "(unreadable lease)" : h.doc.runId);
                    return;
                } catch (LakeConditionFailedException raced) {
                    LOGGER.verbose("Lease of workflow {} changed while taking it over; trying again.", workflowId);
                }
            }
        }
        throw new IllegalStateException("The lease of workflow '" + workflowId + "' kept changing while run '"
                + runId + "' tried to take it (" + ATTEMPTS + " attempts); try again.");
    }

    /**
     * Renews the lease when a third of its duration has passed since it was last taken or renewed.
     *
     * @throws LeaseLostException if another process took it over
     */
    void renewIfDue() {
        Instant now = clock.instant();
        if (Duration.between(renewedAt, now).compareTo(duration.dividedBy(3)) < 0) {
            return;
        }
        try {
            etag = lake.write(path, content(now), WriteCondition.ifMatch(etag));
            renewedAt = now;
        } catch (LakeConditionFailedException e) {
            throw new LeaseLostException("Run '" + runId + "' lost the lease of workflow '" + workflowId
                    + "' (it expired and another process took it); this process stops driving the run.", e);
        }
    }

    /** Releases the lease if this driver still holds it; never throws for a lease already gone. */
    void release() {
        try {
            lake.delete(path, WriteCondition.ifMatch(etag));
        } catch (LakeConditionFailedException e) {
            LOGGER.verbose("The lease of workflow {} was no longer run {}'s; left as it is.", workflowId, runId);
        } catch (RuntimeException e) {
            LOGGER.warning("Could not release the lease of workflow {} for run {}; it expires by itself: {}",
                    workflowId, runId, e.getMessage());
        }
    }

    private record Held(Document doc, String etag) {
    }

    private Optional<Held> held() {
        Optional<LakeObjectInfo> info = lake.stat(path);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = lake.readAll(path);
        } catch (LakeObjectNotFoundException e) {
            return Optional.empty();
        }
        Optional<LakeObjectInfo> after = lake.stat(path);
        if (after.isEmpty() || !after.get().etag().equals(info.get().etag())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Held(RunJson.read(path, bytes, Document.class), after.get().etag()));
        } catch (CorruptStateException e) {
            LOGGER.warning("The lease file {} cannot be read ({}); it is treated as expired.", path, e.getMessage());
            return Optional.of(new Held(null, after.get().etag()));
        }
    }

    private byte[] content(Instant now) {
        Document d = new Document();
        d.workflowId = workflowId;
        d.runId = runId;
        d.owner = owner;
        d.renewedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        d.expiresAt = OffsetDateTime.ofInstant(now.plus(duration), ZoneOffset.UTC);
        return RunJson.write(d);
    }
}
