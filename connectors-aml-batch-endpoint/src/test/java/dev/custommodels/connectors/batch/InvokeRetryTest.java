package dev.custommodels.connectors.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.models.CustomModelsException;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobState;
import dev.custommodels.spi.azure.ArmException;
import dev.custommodels.testkit.emulator.EmulatorResponse;
import dev.custommodels.testkit.emulator.Fault;
import dev.custommodels.testkit.emulator.FaultPlan;
import dev.custommodels.testkit.emulator.batch.BatchEndpointEmulator;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An invoke is never repeated blindly: one failed invoke must not create a second job. */
class InvokeRetryTest {
    @TempDir
    Path dir;

    private BatchTestbed bed;

    @BeforeEach
    void setUp() {
        bed = new BatchTestbed(dir);
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private long invokes() {
        return bed.emulator.count(BatchEndpointEmulator::isInvoke);
    }

    private JobRequest request(String runId) {
        return bed.stage(runId, 30, bed.model("churn-batch", null), "input_data");
    }

    @Test
    void anInvokeThatFailsAfterCreatingItsJobIsAdoptedNotRepeated() {
        bed.batch.failNextInvokeAfterCreatingJob(500);
        Connector connector = bed.connector();
        JobHandle handle = connector.submit(request("run-1"));
        assertThat(bed.batch.jobsCreated()).isEqualTo(1);
        assertThat(invokes()).as("the client's retry policy must not replay the POST").isEqualTo(1);
        assertThat(handle.jobId()).isEqualTo(bed.batch.jobs().get(0).name());
        assertThat(BatchRunTest.pollToEnd(connector, handle).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(bed.lines(bed.lake, connector.collect(handle, "out/").get(0))).hasSize(31);
    }

    @Test
    void anInvokeWhoseConnectionDropsAfterCreatingItsJobIsAdopted() {
        bed.emulator.faults().when(BatchEndpointEmulator::isInvoke, bed.batch.dropAfterCreatingJob(1));
        JobHandle handle = bed.connector().submit(request("run-2"));
        assertThat(bed.batch.jobsCreated()).isEqualTo(1);
        assertThat(invokes()).isEqualTo(1);
        assertThat(handle.jobId()).isEqualTo(bed.batch.jobs().get(0).name());
    }

    @Test
    void aDroppedConnectionOverLoopbackIsAdoptedToo() throws Exception {
        try (BatchTestbed loopback = new BatchTestbed(dir.resolve("loopback")).loopback()) {
            loopback.emulator.faults().when(BatchEndpointEmulator::isInvoke, loopback.batch.dropAfterCreatingJob(1));
            JobHandle handle = loopback.connector().submit(loopback.stage("run-9", 10,
                    loopback.model("churn-batch", null), "input_data"));
            assertThat(loopback.batch.jobsCreated()).isEqualTo(1);
            assertThat(loopback.emulator.count(BatchEndpointEmulator::isInvoke)).isEqualTo(1);
            assertThat(handle.jobId()).isEqualTo(loopback.batch.jobs().get(0).name());
        }
    }

    @Test
    void withoutInvokeTagsTheJobIsFoundByTheRunsDatastoreFolder() {
        bed.batch.honourInvokeTags(false).failNextInvokeAfterCreatingJob(503);
        JobHandle handle = bed.connector().submit(request("run-3"));
        assertThat(bed.batch.jobsCreated()).isEqualTo(1);
        assertThat(invokes()).isEqualTo(1);
        assertThat(handle.jobId()).isEqualTo(bed.batch.jobs().get(0).name());
    }

    @Test
    void anInvokeThatNeverReachedTheServiceIsSentAgainOnce() {
        bed.emulator.faults().when(BatchEndpointEmulator::isInvoke, FaultPlan.script(Fault.serviceUnavailable()));
        JobHandle handle = bed.connector().submit(request("run-4"));
        assertThat(invokes()).isEqualTo(2);
        assertThat(bed.batch.jobsCreated()).isEqualTo(1);
        assertThat(handle.jobId()).isEqualTo(bed.batch.jobs().get(0).name());
    }

    @Test
    void anEarlierAttemptsJobIsNotMistakenForTheNewOne() {
        bed.batch.failNextJob("User program failed with Exception: out of memory");
        Connector connector = bed.connector();
        JobHandle first = connector.submit(request("run-5"));
        assertThat(BatchRunTest.pollToEnd(connector, first).state()).isEqualTo(JobState.FAILED);
        bed.emulator.faults().when(BatchEndpointEmulator::isInvoke, FaultPlan.script(Fault.serviceUnavailable()));
        JobHandle second = connector.submit(request("run-5"));
        assertThat(second.jobId()).isNotEqualTo(first.jobId());
        assertThat(second.state().get("outputUri")).contains("/run-5/attempt-2/");
        assertThat(bed.batch.jobsCreated()).isEqualTo(2);
        assertThat(BatchRunTest.pollToEnd(connector, second).state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void aRefusedInvokeIsNotRetried() {
        bed.emulator.faults().when(BatchEndpointEmulator::isInvoke, FaultPlan.always(new Fault.Status(
                EmulatorResponse.error(400, "UserError", "Job output type must be 'uri_file'."))));
        assertThatThrownBy(() -> bed.connector().submit(request("run-6"))).isInstanceOf(ArmException.class)
                .hasMessageContaining("HTTP 400").hasMessageContaining("Job output type must be 'uri_file'.");
        assertThat(invokes()).isEqualTo(1);
    }

    @Test
    void whenEveryAttemptFailsWithoutAJobTheErrorListsThem() {
        bed.emulator.faults().when(BatchEndpointEmulator::isInvoke, FaultPlan.always(Fault.serviceUnavailable()));
        assertThatThrownBy(() -> bed.connector().submit(request("run-7"))).isInstanceOf(CustomModelsException.class)
                .hasMessageContaining("failed 3 times [HTTP 503, HTTP 503, HTTP 503]")
                .hasMessageContaining("no job of run run-7 exists");
        assertThat(invokes()).isEqualTo(3);
        assertThat(bed.batch.jobsCreated()).isZero();
    }

    @Test
    void armReadsStillGoThroughTheClientsRetryPolicy() {
        bed.emulator.faults().on("GET", ".*/batchEndpoints/churn-batch", FaultPlan.script(Fault.serviceUnavailable()));
        JobHandle handle = bed.connector().submit(request("run-8"));
        assertThat(bed.emulator.count("GET", ".*/batchEndpoints/churn-batch")).isEqualTo(2);
        assertThat(handle.jobId()).isNotBlank();
    }
}
