package dev.custommodels.fakes;

import dev.custommodels.models.DataType;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ModelOutput;
import dev.custommodels.models.ModelParameter;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.ParameterKind;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.spi.WorkspaceInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state of a small in-memory model backend: workspaces, services with contracts, workspaces where the caller
 * lacks permission, and what the connector was asked to do. Thread-safe.
 */
public final class FakeBackend {
    /** The tenant of the sample data. */
    public static final String TENANT = "tenant-a";
    /** The workspace of the sample data. */
    public static final String WORKSPACE = "ws-1";

    private final List<WorkspaceInfo> workspaces = new CopyOnWriteArrayList<>();
    private final Map<String, ServiceContract> contracts = new ConcurrentHashMap<>();
    private final Map<String, String> kinds = new ConcurrentHashMap<>();
    private final Set<String> deniedWorkspaces = ConcurrentHashMap.newKeySet();
    private final List<ModelReference> accessPrepared = new CopyOnWriteArrayList<>();
    private final AtomicInteger describeCalls = new AtomicInteger();

    /**
     * Creates a backend with one workspace holding a churn web service and a scoring pipeline.
     *
     * @return the backend
     */
    public static FakeBackend withSampleData() {
        FakeBackend b = new FakeBackend();
        b.addWorkspace(new WorkspaceInfo(WORKSPACE, "Marketing", TENANT, "Azure ML", "westeurope"));
        b.addService(WORKSPACE, "churn", "web service", churnContract());
        b.addService(WORKSPACE, "scoring", "pipeline endpoint", pipelineContract());
        return b;
    }

    /**
     * The contract of the sample churn service: one input of three fields, one optional.
     *
     * @return the contract
     */
    public static ServiceContract churnContract() {
        return new ServiceContract(
                List.of(ModelInput.of("input1", List.of(
                        ModelField.of("customerId", DataType.STRING),
                        ModelField.of("tenure", DataType.INTEGER),
                        new ModelField("monthlyCharges", DataType.NUMBER, "double", false)))),
                List.of(new ModelParameter("threshold", ParameterKind.VALUE, DataType.NUMBER, "0.5")),
                List.of(new ModelOutput("output1", List.of(
                        ModelField.of("customerId", DataType.STRING),
                        ModelField.of("churnScore", DataType.NUMBER)))));
    }

    /**
     * The contract of the sample pipeline: output datastore and path parameters, columns unknown.
     *
     * @return the contract
     */
    public static ServiceContract pipelineContract() {
        return new ServiceContract(
                List.of(new ModelInput("customers", List.of(), false)),
                List.of(new ModelParameter("output_datastore", ParameterKind.VALUE, DataType.STRING, "workspaceblob"),
                        new ModelParameter("output_path", ParameterKind.VALUE, DataType.STRING, null),
                        new ModelParameter("customers", ParameterKind.DATASET, null, null)),
                List.of(new ModelOutput("scores", List.of())));
    }

    /**
     * Adds a workspace.
     *
     * @param workspace the workspace
     */
    public void addWorkspace(WorkspaceInfo workspace) {
        workspaces.add(workspace);
    }

    /**
     * Adds or replaces a service.
     *
     * @param workspaceId its workspace
     * @param serviceId its id
     * @param kind its kind; {@code pipeline endpoint} services need output parameters
     * @param contract its contract
     */
    public void addService(String workspaceId, String serviceId, String kind, ServiceContract contract) {
        contracts.put(workspaceId + "/" + serviceId, contract);
        kinds.put(workspaceId + "/" + serviceId, kind);
    }

    /**
     * Makes prepareAccess fail for a workspace, as when the caller lacks Owner on it.
     *
     * @param workspaceId the workspace
     */
    public void denyAccess(String workspaceId) {
        deniedWorkspaces.add(workspaceId);
    }

    List<WorkspaceInfo> workspaces(String tenantId) {
        return workspaces.stream().filter(w -> w.tenantId().equals(tenantId)).toList();
    }

    List<String> serviceKeys(String workspaceId) {
        List<String> keys = new ArrayList<>(contracts.keySet());
        keys.removeIf(k -> !workspaceId.equals(WorkspaceInfo.ANY) && !k.startsWith(workspaceId + "/"));
        keys.sort(null);
        return keys;
    }

    ServiceContract contract(String key) {
        describeCalls.incrementAndGet();
        return contracts.get(key);
    }

    String kind(String key) {
        return kinds.get(key);
    }

    boolean denied(String workspaceId) {
        return deniedWorkspaces.contains(workspaceId);
    }

    void recordAccess(ModelReference model) {
        accessPrepared.add(model);
    }

    /**
     * Returns the models access was prepared for, in order.
     *
     * @return the models
     */
    public List<ModelReference> accessPrepared() {
        return List.copyOf(accessPrepared);
    }

    /**
     * Returns how often a contract was read.
     *
     * @return the count
     */
    public int describeCalls() {
        return describeCalls.get();
    }
}
