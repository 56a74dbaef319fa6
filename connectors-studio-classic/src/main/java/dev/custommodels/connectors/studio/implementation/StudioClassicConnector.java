package dev.custommodels.connectors.studio.implementation;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.spi.Connector;
import dev.custommodels.spi.ConnectorContext;
import dev.custommodels.spi.JobHandle;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.JobStatus;
import dev.custommodels.spi.ServiceInfo;
import dev.custommodels.spi.StagedInput;
import dev.custommodels.spi.WorkspaceInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The {@code studio-classic} connector. Thread-safe; all job state is in the lake. */
public final class StudioClassicConnector implements Connector {
    private static final ClientLogger LOGGER = new ClientLogger(StudioClassicConnector.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Settings settings;
    private final Catalog catalog;
    private final JobStore store;
    private final RrsJobs rrs;
    private final BesJobs bes;

    /**
     * Creates the connector.
     *
     * @param context what the client offers
     * @throws IllegalArgumentException if an option cannot be used, naming it
     */
    public StudioClassicConnector(ConnectorContext context) {
        Objects.requireNonNull(context, "context");
        this.settings = Settings.from(context);
        Http http = new Http(context.clock());
        this.catalog = new Catalog(context, settings, http);
        this.store = new JobStore(context.lake());
        this.rrs = new RrsJobs(settings, catalog, store, new RrsScorer(context, settings, http, pool("read"),
                pool("write"), store));
        this.bes = new BesJobs(context, settings, http, catalog, store);
    }

    /**
     * A small pool for the CPU work around RRS requests, one thread per processor, so that reading and writing
     * chunks never crowds out the threads that send requests and read answers.
     */
    private static ExecutorService pool(String stage) {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "studio-classic-rrs-" + stage + "-" + THREADS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    @Override
    public PagedIterable<WorkspaceInfo> listWorkspaces(String tenantId) {
        return catalog.listWorkspaces(Objects.requireNonNull(tenantId, "tenantId"));
    }

    @Override
    public PagedIterable<ServiceInfo> listServices(String tenantId, String workspaceId) {
        return catalog.listServices(Objects.requireNonNull(tenantId, "tenantId"),
                Objects.requireNonNull(workspaceId, "workspaceId"));
    }

    @Override
    public ServiceContract describeService(ModelReference model) {
        return catalog.resolve(Objects.requireNonNull(model, "model")).contract();
    }

    @Override
    public void prepareAccess(ModelReference model) {
        ResolvedService svc = catalog.resolve(model);
        svc.contract();
        svc.key();
    }

    @Override
    public JobHandle submit(JobRequest request) {
        Objects.requireNonNull(request, "request");
        Optional<JobHandle> existing = findSubmitted(request);
        if (existing.isPresent()) {
            LOGGER.info("Run {} was submitted before; continuing job {}.", request.runId(), existing.get().jobId());
            return existing.get();
        }
        ResolvedService svc = catalog.resolve(request.model());
        svc.contract();
        boolean useBes = switch (settings.mode()) {
            case "bes" -> true;
            case "rrs" -> false;
            default -> svc.batchSupported() && (rows(request) >= settings.besMinRows()
                    || request.contract().inputs().size() > 1)
                    && bes.canStage(request.model().tenantId(), request.workPrefix());
        };
        if (useBes && !svc.batchSupported()) {
            throw new IllegalArgumentException("The web service " + request.model().displayString() + " offers no"
                    + " batch execution; set studio-classic.mode to rrs or auto.");
        }
        return useBes ? bes.submit(request, svc) : rrs.submit(request, svc);
    }

    private static long rows(JobRequest request) {
        return request.inputs().stream().mapToLong(StagedInput::rowCount).max().orElse(0);
    }

    @Override
    public Optional<JobHandle> findSubmitted(JobRequest request) {
        String path = JobStore.manifestPath(request.workPrefix());
        return store.find(path).map(m -> JobStore.handle(m, path));
    }

    @Override
    public JobStatus poll(JobHandle handle) {
        return isBes(handle) ? bes.poll(handle) : rrs.poll(handle);
    }

    @Override
    public void cancel(JobHandle handle) {
        if (isBes(handle)) {
            bes.cancel(handle);
        } else {
            rrs.cancel(handle);
        }
    }

    @Override
    public List<String> collect(JobHandle handle, String outputPrefix) {
        Objects.requireNonNull(outputPrefix, "outputPrefix");
        return isBes(handle) ? bes.collect(handle, outputPrefix) : rrs.collect(handle, outputPrefix);
    }

    private boolean isBes(JobHandle handle) {
        return "bes".equals(store.load(handle).mode());
    }
}
