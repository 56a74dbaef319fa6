package dev.custommodels.runs;

import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncPoller;
import dev.custommodels.CustomModelsClient;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.fakes.GeneratedCustomers;
import dev.custommodels.fakes.ScoringBackend;
import dev.custommodels.lake.LocalLakeStore;
import dev.custommodels.models.RunOptions;
import dev.custommodels.models.RunProgress;
import dev.custommodels.models.RunResult;
import dev.custommodels.spi.LakeStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A run in a child process, for the crash tests: runs a workflow and, at the point named by the mode, prints
 * {@code PAUSED <mode>} and blocks on its standard input until the test kills it.
 *
 * <p>Arguments: lake directory, service state directory, workflow id, row count, mode: {@code export} (half-way
 * through the entity), {@code submit} (the remote job exists, its handle is not recorded), {@code remote} (at the
 * first poll of the remote job), {@code collect} (after the first output file), {@code commit} (partitions
 * written, manifest not swapped), {@code committed} (manifest swapped, run record not updated).
 */
public final class RunnerMain {
    static final int CHUNK_ROWS = 2_000;
    static final String ENTITY = "ChurnScores";

    private RunnerMain() {
    }

    /**
     * Runs.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) {
        Path lakeDir = Path.of(args[0]);
        Path stateDir = Path.of(args[1]);
        String workflowId = args[2];
        long rows = Long.parseLong(args[3]);
        String mode = args[4];
        ScoringBackend backend = new ScoringBackend(stateDir);
        Runnable pause = () -> pause(mode);
        GeneratedCustomers customers = mode.equals("export") ? new GeneratedCustomers(rows, 0, rows / 2, pause)
                : new GeneratedCustomers(rows, 0);
        switch (mode) {
            case "submit" -> backend.afterSubmitPersisted(pause);
            case "remote" -> backend.onPoll(pause);
            case "collect" -> backend.afterFirstOutputFile(pause);
            default -> {
            }
        }
        LakeStore lake = lake(new LocalLakeStore(lakeDir), mode, pause);
        CustomModelsClient client = RunBed.builder(EntityCatalog.of(customers), backend, Clock.systemUTC())
                .lake(lake).buildClient();
        SyncPoller<RunProgress, RunResult> poller = client.beginRun(workflowId, new RunOptions()
                .setExportChunkRows(CHUNK_ROWS).setLeaseDuration(Duration.ofMinutes(1)));
        PollResponse<RunProgress> r;
        do {
            r = poller.poll();
            System.out.println("PHASE " + r.getValue().phase());
        } while (!r.getStatus().isComplete());
        System.out.println("DONE " + r.getStatus());
    }

    private static LakeStore lake(LakeStore local, String mode, Runnable pause) {
        String manifest = "entities/" + ENTITY + "/model.json";
        if (mode.equals("commit")) {
            return new PausingLakeStore(local, manifest::equals, pause);
        }
        if (mode.equals("committed")) {
            AtomicBoolean swapped = new AtomicBoolean();
            return new PausingLakeStore(local, p -> {
                if (p.equals(manifest)) {
                    swapped.set(true);
                    return false;
                }
                return swapped.get() && p.endsWith("/run.json");
            }, pause);
        }
        return local;
    }

    private static void pause(String mode) {
        System.out.println("PAUSED " + mode);
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                continue;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("The test closed the input instead of killing this process.");
    }
}
