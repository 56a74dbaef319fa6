package dev.custommodels.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobState;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.WorkspaceInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Connector} passes against its emulator. Subclass it and return a {@link Fixture}
 * that wires a connector to an emulator holding one eligible model and one ineligible service.
 *
 * <p>Emulated jobs must make progress on each status read, so the suite polls with no wall-clock wait.
 */
public abstract class ConnectorContractTest {
    private static final int MAX_POLLS = 10_000;

    /** The fixture of the current test. */
    protected Fixture fixture;

    /** For subclasses. */
    protected ConnectorContractTest() {
    }

    /** What a connector module provides to the suite. */
    public interface Fixture extends AutoCloseable {
        /**
         * Creates a connector; each call returns a new instance, as a new process would have.
         *
         * @return the connector
         */
        Connector newConnector();

        /**
         * Returns the tenant the emulator serves.
         *
         * @return the tenant id
         */
        String tenantId();

        /**
         * Returns the lake the connector's context uses.
         *
         * @return the lake
         */
        LakeStore lake();

        /**
         * Returns an eligible model of the emulator.
         *
         * @return the model
         */
        ModelReference eligibleModel();

        /**
         * Returns the name of a service the emulator lists as not usable.
         *
         * @return the service name
         */
        String ineligibleServiceName();

        /**
         * Stages input rows for the eligible model in the lake and returns the request that scores them.
         *
         * @param runId the run id
         * @param rows how many rows to stage
         * @return the request
         */
        JobRequest stageJob(String runId, int rows);

        /**
         * Returns the output column that carries the Customer ID.
         *
         * @return the column name
         */
        String customerIdColumn();

        /** Makes the next job fail at the service. */
        void failNextJob();

        /**
         * Returns the secrets the connector uses (API keys, tokens), which must never appear in a handle.
         *
         * @return the secrets
         */
        List<String> secrets();

        @Override
        default void close() throws Exception {
        }
    }

    /**
     * Creates the fixture for one test.
     *
     * @return the fixture
     * @throws Exception on failure
     */
    protected abstract Fixture createFixture() throws Exception;

    @BeforeEach
    void setUpFixture() throws Exception {
        fixture = createFixture();
    }

    @AfterEach
    void tearDownFixture() throws Exception {
        fixture.close();
    }

    /**
     * Polls a job until it is terminal.
     *
     * @param connector the connector
     * @param handle the job
     * @return the terminal status
     */
    protected static JobStatus pollToEnd(Connector connector, JobHandle handle) {
        for (int i = 0; i < MAX_POLLS; i++) {
            JobStatus status = connector.poll(handle);
            if (status.state().isTerminal()) {
                return status;
            }
        }
        throw new AssertionError("Job " + handle.jobId() + " did not finish within " + MAX_POLLS + " polls.");
    }

    private List<String> readLines(String path) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(fixture.lake().openRead(path),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    @Test
    void listsWorkspacesOfTheTenant() {
        List<WorkspaceInfo> workspaces = fixture.newConnector().listWorkspaces(fixture.tenantId()).stream().toList();
        assertThat(workspaces).isNotEmpty();
        assertThat(workspaces).anyMatch(w -> w.id().equals(fixture.eligibleModel().workspaceId()));
    }

    @Test
    void listsEligibleAndIneligibleServicesWithReasons() {
        ModelReference model = fixture.eligibleModel();
        List<ServiceInfo> services = fixture.newConnector()
                .listServices(fixture.tenantId(), model.workspaceId()).stream().toList();
        assertThat(services).anyMatch(s -> s.isEligible() && s.model().serviceId().equals(model.serviceId()));
        assertThat(services).filteredOn(s -> s.name().equals(fixture.ineligibleServiceName()))
                .singleElement()
                .satisfies(s -> assertThat(s.ineligibleReason()).isNotBlank());
    }

    @Test
    void describesTheModelsInputsWithTypedFields() {
        ServiceContract contract = fixture.newConnector().describeService(fixture.eligibleModel());
        assertThat(contract.inputs()).isNotEmpty();
        ModelInput input = contract.inputs().get(0);
        assertThat(input.fieldsDeclared() ? input.fields() : List.of("undeclared")).isNotEmpty();
    }

    @Test
    void describingAnUnknownServiceFailsNamingIt() {
        ModelReference known = fixture.eligibleModel();
        ModelReference unknown = new ModelReference(known.connector(), known.tenantId(), known.workspaceId(),
                "no-such-service-0000", null);
        assertThatThrownBy(() -> fixture.newConnector().describeService(unknown))
                .isInstanceOf(CustomModelsException.class)
                .hasMessageContaining("no-such-service-0000");
    }

    @Test
    void jobScoresEveryRowAndCollectsCsvWithCustomerIds() throws IOException {
        Connector connector = fixture.newConnector();
        JobRequest request = fixture.stageJob("run-contract-1", 250);
        JobHandle handle = connector.submit(request);
        JobStatus status = pollToEnd(connector, handle);
        assertThat(status.state()).as("status %s", status).isEqualTo(JobState.SUCCEEDED);
        List<String> paths = connector.collect(handle, request.workPrefix() + "collected/");
        assertThat(paths).isNotEmpty();
        long rows = 0;
        for (String path : paths) {
            List<String> lines = readLines(path);
            assertThat(lines.get(0)).contains(fixture.customerIdColumn());
            rows += lines.size() - 1;
        }
        assertThat(rows).isEqualTo(250);
    }

    @Test
    void aNewConnectorInstanceCanPollAndCollectAJobFromItsHandle() {
        JobRequest request = fixture.stageJob("run-contract-2", 20);
        JobHandle handle = fixture.newConnector().submit(request);
        Connector resumed = fixture.newConnector();
        assertThat(pollToEnd(resumed, handle).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(resumed.collect(handle, request.workPrefix() + "collected/")).isNotEmpty();
    }

    @Test
    void handlesHoldNoSecrets() {
        JobHandle handle = fixture.newConnector().submit(fixture.stageJob("run-contract-3", 5));
        String recorded = handle.toString();
        for (String secret : fixture.secrets()) {
            assertThat(recorded).doesNotContain(secret);
        }
    }

    @Test
    void aFailedJobReportsTheServicesError() {
        fixture.failNextJob();
        Connector connector = fixture.newConnector();
        JobHandle handle = connector.submit(fixture.stageJob("run-contract-4", 5));
        JobStatus status = pollToEnd(connector, handle);
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.errorMessage()).isNotBlank();
    }

    @Test
    void cancellingAJobEndsItCancelled() {
        Connector connector = fixture.newConnector();
        JobHandle handle = connector.submit(fixture.stageJob("run-contract-5", 50));
        connector.cancel(handle);
        JobStatus status = pollToEnd(connector, handle);
        assertThat(status.state()).isIn(JobState.CANCELED, JobState.SUCCEEDED);
        connector.cancel(handle); // cancelling a finished job does nothing
    }
}
