package dev.custommodels.connectors.studio.implementation;

import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.ValidationProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A service found and read: where it scores, its key (kept as a {@link Secret}), its contract and the problems
 * that keep it from being used.
 */
final class ResolvedService {
    private final ModelReference model;
    private final String name;
    private final String apiBase;
    private final java.util.function.Supplier<Secret> keySource;
    private volatile Secret key;
    private final boolean armService;
    private final int maxConcurrentCalls;
    private final SwaggerContracts.Read read;

    ResolvedService(ModelReference model, String name, String apiBase, java.util.function.Supplier<Secret> keySource,
            boolean armService,
            int maxConcurrentCalls, SwaggerContracts.Read read) {
        this.model = model;
        this.name = name;
        this.apiBase = Settings.trimSlash(apiBase);
        this.keySource = keySource;
        this.armService = armService;
        this.maxConcurrentCalls = maxConcurrentCalls;
        this.read = read;
    }

    ModelReference model() {
        return model;
    }

    String name() {
        return name;
    }

    /** The endpoint's base URL, such as {@code https://ussouthcentral.services.azureml.net/workspaces/W/services/E}. */
    String apiBase() {
        return apiBase;
    }

    /** The API key, obtained on first use. */
    Secret key() {
        Secret k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = keySource.get();
                }
                k = key;
            }
        }
        return k;
    }

    /** ARM web services take the swagger body format. */
    boolean armService() {
        return armService;
    }

    /** The endpoint's concurrency limit, or 0 when unknown. */
    int maxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    boolean batchSupported() {
        return read.batchSupported();
    }

    List<ValidationProblem> problems() {
        return read.problems();
    }

    /** The contract, or an exception listing every problem when the service cannot be used. */
    ServiceContract contract() {
        if (!read.problems().isEmpty()) {
            throw new CustomModelsException("The web service '" + name + "' (" + model.displayString()
                    + ") cannot be used: " + read.problems().stream().map(ValidationProblem::toString)
                    .collect(Collectors.joining("; ")));
        }
        return read.contract();
    }

    /** Why the service cannot be used, or {@code null}. */
    String ineligibleReason() {
        if (!read.problems().isEmpty()) {
            return read.problems().stream().map(ValidationProblem::toString).collect(Collectors.joining("; "));
        }
        if (read.contract().inputs().isEmpty()) {
            return "The web service has no web service input, so no entity data can be sent to it; add a Web service"
                    + " input to the predictive experiment and deploy it again.";
        }
        if (read.contract().inputs().stream().allMatch(i -> i.fields().isEmpty())) {
            return "The web service's inputs declare no fields.";
        }
        return null;
    }

    @Override
    public String toString() {
        return "ResolvedService[" + model.displayString() + "]";
    }
}
