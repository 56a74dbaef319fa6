package dev.custommodels.testkit.emulator.arm;

import dev.custommodels.spi.BlobLocation;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.testkit.FakeTokenCredential;
import dev.custommodels.testkit.emulator.EmulatedService;
import dev.custommodels.testkit.emulator.Emulator;
import dev.custommodels.testkit.emulator.EmulatorRequest;
import dev.custommodels.testkit.emulator.EmulatorResponse;
import dev.custommodels.testkit.emulator.Routes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Emulates the Azure Resource Manager calls around Azure Machine Learning workspaces: subscriptions, workspaces
 * (whose {@code discoveryUrl} points back at the emulator), datastores backed by {@link LakeStore}s, effective
 * permissions of the caller, and role assignments. Every call needs a bearer token whose audience is ARM's and
 * whose tenant owns the subscription. Lists page with {@code nextLink} at {@link #pageSize(int)} items.
 *
 * <pre>{@code
 * ArmEmulator arm = new ArmEmulator()
 *         .subscription("sub-1", "Contoso", "tenant-a");
 * EmulatedWorkspace ws = arm.workspace("sub-1", "rg", "ml-ws", "eastus");
 * arm.datastore(ws.id(), "workspaceblobstore", "sa1", "azureml-blobstore", new LocalLakeStore(dir));
 * Emulator emulator = Emulator.builder().service(arm).build();
 * TestConnectorContext ctx = TestConnectorContext.builder().httpClient(emulator.httpClient())
 *         .credential("tenant-a", new FakeTokenCredential("tenant-a")).datastores(arm::datastoreStore)...;
 * }</pre>
 *
 * Thread-safe; configure it before or while it serves.
 */
public final class ArmEmulator implements EmulatedService {
    /** The audiences ARM accepts. */
    public static final Set<String> ARM_AUDIENCES = Set.of("https://management.azure.com",
            "https://management.azure.com/", "https://management.core.windows.net",
            "https://management.core.windows.net/");

    record Subscription(String id, String displayName, String tenantId) {
    }

    final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    final List<EmulatedWorkspace> workspaces = new CopyOnWriteArrayList<>();
    final List<EmulatedDatastore> datastores = new CopyOnWriteArrayList<>();
    final List<RoleAssignmentRecord> assignments = new CopyOnWriteArrayList<>();
    final Map<String, CallerRole> rolesByWorkspace = new ConcurrentHashMap<>();
    volatile CallerRole defaultRole = CallerRole.OWNER;
    volatile int pageSize = 2;
    volatile String baseUrl = Emulator.IN_PROCESS_BASE_URL;

    /** Creates an emulator with no subscription. */
    public ArmEmulator() {
    }

    @Override
    public String name() {
        return "arm";
    }

    @Override
    public void register(Routes routes) {
        new ArmHandlers(this).register(routes);
    }

    @Override
    public void baseUrl(String url) {
        this.baseUrl = url;
    }

    /**
     * Returns the base URL the emulator hands out (in discovery URLs and next links).
     *
     * @return the base URL
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Adds a subscription owned by a tenant.
     *
     * @param subscriptionId the id
     * @param displayName the display name
     * @param tenantId the owning tenant
     * @return this
     */
    public ArmEmulator subscription(String subscriptionId, String displayName, String tenantId) {
        subscriptions.put(subscriptionId.toLowerCase(Locale.ROOT),
                new Subscription(subscriptionId, displayName, tenantId));
        return this;
    }

    /**
     * Adds an Azure Machine Learning workspace to a subscription added before.
     *
     * @param subscriptionId the subscription
     * @param resourceGroup the resource group
     * @param name the workspace name
     * @param location the region
     * @return the workspace
     * @throws IllegalArgumentException if the subscription is unknown
     */
    public EmulatedWorkspace workspace(String subscriptionId, String resourceGroup, String name, String location) {
        Subscription s = subscriptions.get(subscriptionId.toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("Add subscription '" + subscriptionId + "' before its workspaces.");
        }
        EmulatedWorkspace w = new EmulatedWorkspace(s.id(), resourceGroup, name, location, s.tenantId(),
                UUID.nameUUIDFromBytes((s.id() + "/" + resourceGroup + "/" + name)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        workspaces.add(w);
        return w;
    }

    /**
     * Adds a blob datastore to a workspace, backed by a store.
     *
     * @param workspaceId the workspace's resource id
     * @param name the datastore name
     * @param accountName the storage account name it reports
     * @param containerName the container name it reports
     * @param store the store standing for the container
     * @return this
     */
    public ArmEmulator datastore(String workspaceId, String name, String accountName, String containerName,
            LakeStore store) {
        datastores.add(new EmulatedDatastore(workspaceId, name, accountName, containerName, store));
        return this;
    }

    /**
     * Sets the role the caller holds on every workspace without a role of its own; {@link CallerRole#READER}
     * is the caller without rights. The default is {@link CallerRole#OWNER}.
     *
     * @param role the role
     * @return this
     */
    public ArmEmulator callerRole(CallerRole role) {
        this.defaultRole = role;
        return this;
    }

    /**
     * Sets the role the caller holds on one workspace.
     *
     * @param workspaceId the workspace's resource id
     * @param role the role
     * @return this
     */
    public ArmEmulator callerRole(String workspaceId, CallerRole role) {
        rolesByWorkspace.put(workspaceId.toLowerCase(Locale.ROOT), role);
        return this;
    }

    /**
     * Sets how many items a list page holds (default 2, so clients must follow {@code nextLink}).
     *
     * @param size the page size, at least 1
     * @return this
     */
    public ArmEmulator pageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("The page size must be at least 1.");
        }
        this.pageSize = size;
        return this;
    }

    /**
     * Finds a workspace.
     *
     * @param subscriptionId the subscription
     * @param resourceGroup the resource group
     * @param name the name
     * @return the workspace, or empty
     */
    public Optional<EmulatedWorkspace> findWorkspace(String subscriptionId, String resourceGroup, String name) {
        return workspaces.stream().filter(w -> w.subscriptionId().equalsIgnoreCase(subscriptionId)
                && w.resourceGroup().equalsIgnoreCase(resourceGroup) && w.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * Finds a datastore of a workspace.
     *
     * @param workspaceId the workspace's resource id
     * @param name the datastore name
     * @return the datastore, or empty
     */
    public Optional<EmulatedDatastore> findDatastore(String workspaceId, String name) {
        return datastores.stream().filter(d -> d.workspaceId().equalsIgnoreCase(workspaceId)
                && d.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * Resolves a blob location to the store of the datastore with that account and container; shaped to be a
     * {@code TestConnectorContext} datastore resolver. The tenant must own a workspace of the datastore, as a
     * credential of another tenant would not reach the storage account.
     *
     * @param location the location
     * @param tenantId the tenant whose credential would be used
     * @return the store
     * @throws IllegalStateException if no datastore has that account and container, or the tenant does not own it
     */
    public LakeStore datastoreStore(BlobLocation location, String tenantId) {
        for (EmulatedDatastore d : datastores) {
            if (d.accountName().equalsIgnoreCase(location.accountName())
                    && d.containerName().equals(location.container())) {
                String owner = workspaceTenant(d.workspaceId());
                if (owner != null && !owner.equals(tenantId)) {
                    throw new IllegalStateException("Storage account '" + d.accountName() + "' belongs to tenant '"
                            + owner + "', not to tenant '" + tenantId + "'.");
                }
                return d.store();
            }
        }
        throw new IllegalStateException("No emulated datastore has account '" + location.accountName()
                + "' and container '" + location.container() + "'.");
    }

    /**
     * Returns the role assignments created so far.
     *
     * @return the assignments in order of creation
     */
    public List<RoleAssignmentRecord> roleAssignments() {
        return List.copyOf(assignments);
    }

    /**
     * Returns the role the caller holds on a scope.
     *
     * @param scope a workspace resource id
     * @return the role
     */
    public CallerRole roleOn(String scope) {
        String key = scope.toLowerCase(Locale.ROOT);
        key = key.startsWith("/") ? key : "/" + key;
        return rolesByWorkspace.getOrDefault(key, defaultRole);
    }

    /**
     * Checks a request's bearer token as ARM and the Azure Machine Learning data plane do: 401 without a token,
     * with a token for another audience, or with a token of a tenant that does not own the subscription.
     *
     * @param request the request
     * @param subscriptionId the subscription addressed, or {@code null} for tenant-level calls
     * @param audiences the audiences accepted
     * @return an error response to send, or empty when the token is acceptable
     */
    public Optional<EmulatorResponse> authorize(EmulatorRequest request, String subscriptionId,
            Set<String> audiences) {
        Optional<String> token = request.bearerToken();
        if (token.isEmpty()) {
            return Optional.of(withRequestId(EmulatorResponse.error(401, "AuthenticationFailed",
                    "Authentication failed. The 'Authorization' header is missing.")));
        }
        String audience = FakeTokenCredential.audienceOf(token.get());
        if (!audiences.contains(audience)) {
            return Optional.of(withRequestId(EmulatorResponse.error(401, "InvalidAuthenticationTokenAudience",
                    "The access token has been obtained for the wrong audience or resource '" + audience
                            + "'. It should exactly match one of the allowed audiences " + audiences + ".")));
        }
        if (subscriptionId != null) {
            Subscription s = subscriptions.get(subscriptionId.toLowerCase(Locale.ROOT));
            String tid = FakeTokenCredential.tenantOf(token.get());
            if (s != null && !s.tenantId().equals(tid)) {
                return Optional.of(withRequestId(EmulatorResponse.error(401, "InvalidAuthenticationTokenTenant",
                        "The access token is from the wrong issuer '" + tid + "'. It must match the tenant '"
                                + s.tenantId() + "' associated with this subscription.")));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the tenant of the token a request carries.
     *
     * @param request the request
     * @return the tenant, or empty text
     */
    public static String tenantOf(EmulatorRequest request) {
        return request.bearerToken().map(FakeTokenCredential::tenantOf).orElse("");
    }

    /**
     * Adds an {@code x-ms-request-id} header, as ARM does on every answer.
     *
     * @param response the response
     * @return the response with the header
     */
    public static EmulatorResponse withRequestId(EmulatorResponse response) {
        return response.withHeader("x-ms-request-id", UUID.randomUUID().toString());
    }

    String workspaceTenant(String workspaceId) {
        return workspaces.stream().filter(w -> w.id().equalsIgnoreCase(workspaceId)).map(EmulatedWorkspace::tenantId)
                .findFirst().orElse(null);
    }

    List<Subscription> subscriptionsOf(String tenantId) {
        List<Subscription> out = new ArrayList<>();
        subscriptions.values().stream().filter(s -> s.tenantId().equals(tenantId))
                .sorted(java.util.Comparator.comparing(Subscription::id)).forEach(out::add);
        return out;
    }
}
