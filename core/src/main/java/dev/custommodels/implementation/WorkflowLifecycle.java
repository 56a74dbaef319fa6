package dev.custommodels.implementation;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.ValidationProblem;
import dev.custommodels.models.Workflow;
import dev.custommodels.models.WorkflowConflictException;
import dev.custommodels.models.WorkflowDefinition;
import dev.custommodels.models.WorkflowNotFoundException;
import dev.custommodels.models.WorkflowValidationException;
import dev.custommodels.spi.Connector;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Creating, updating and deleting workflows, with validation and the edit rules. Thread-safe. */
public final class WorkflowLifecycle {
    private static final ClientLogger LOGGER = new ClientLogger(WorkflowLifecycle.class);
    private final ClientRuntime runtime;

    /**
     * Creates the lifecycle.
     *
     * @param runtime the client's runtime
     */
    public WorkflowLifecycle(ClientRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    /**
     * Validates and saves a new workflow: reads the contract, checks the bindings and output settings, lets the
     * connector prepare access, and writes the file create-only.
     *
     * @param definition the definition
     * @return the saved workflow with its ETag
     * @throws WorkflowValidationException listing every problem
     */
    public Workflow create(WorkflowDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        Connector connector = runtime.connector(definition.model().connector());
        ValidationSubject subject = validate(connector, definition);
        connector.prepareAccess(definition.model());
        OffsetDateTime now = now();
        Workflow workflow = new Workflow(UUID.randomUUID().toString(), definition, subject.contract(),
                subject.entitySchemas(), null, now, now);
        Workflow saved = runtime.workflows().create(workflow);
        LOGGER.info("Created workflow {} ('{}') for {}.", saved.id(), definition.displayName(),
                definition.model().displayString());
        return saved;
    }

    /**
     * Saves a changed workflow if it is still the stored version and its model is unchanged. The contract and
     * entity schemas are read again and stored with it; the given workflow's contract, schemas and timestamps
     * are ignored.
     *
     * @param changed the workflow as returned by a get, create or update, with its definition changed
     * @return the saved workflow with its new ETag
     * @throws IllegalArgumentException if the workflow has no ETag
     * @throws WorkflowConflictException if it was changed by someone else since it was read
     * @throws WorkflowValidationException if the model changed or the definition is not valid
     * @throws WorkflowNotFoundException if it was deleted
     */
    public Workflow update(Workflow changed) {
        Objects.requireNonNull(changed, "workflow");
        if (changed.etag() == null) {
            throw new IllegalArgumentException("Workflow '" + changed.id() + "' has no ETag. Update the workflow"
                    + " returned by getWorkflow, createWorkflow or updateWorkflow.");
        }
        Workflow current = runtime.workflows().get(changed.id());
        if (!current.etag().equals(changed.etag())) {
            throw LOGGER.logExceptionAsWarning(
                    new WorkflowConflictException(changed.id(), changed.etag(), current.etag()));
        }
        WorkflowDefinition definition = changed.definition();
        if (!current.model().equals(definition.model())) {
            throw LOGGER.logExceptionAsWarning(new WorkflowValidationException("Workflow '"
                    + definition.displayName() + "'", List.of(WorkflowChecks.modelChanged(current.model(),
                    definition.model()))));
        }
        Connector connector = runtime.connector(definition.model().connector());
        ValidationSubject subject = validate(connector, definition);
        Workflow next = new Workflow(current.id(), definition, subject.contract(), subject.entitySchemas(), null,
                current.createdAt(), now());
        Workflow saved = runtime.workflows().replace(next, changed.etag());
        LOGGER.info("Updated workflow {} ('{}').", saved.id(), definition.displayName());
        return saved;
    }

    /**
     * Deletes a workflow's file. Output entities ({@code entities/...}) and run records stay.
     *
     * @param id the workflow id
     * @throws WorkflowNotFoundException if there is no such workflow
     */
    public void delete(String id) {
        if (!runtime.workflows().delete(id)) {
            throw new WorkflowNotFoundException(id);
        }
        LOGGER.info("Deleted workflow {}.", id);
    }

    private ValidationSubject validate(Connector connector, WorkflowDefinition definition) {
        ServiceContract contract = Objects.requireNonNull(connector.describeService(definition.model()),
                "The connector described no contract.");
        ValidationSubject subject = ValidationSubject.of(definition, contract, runtime.catalog());
        List<ValidationProblem> fromConnector = connector.validateOutput(definition.model(), contract,
                definition.output());
        try {
            runtime.validator().validate(subject, fromConnector == null ? List.of() : fromConnector);
        } catch (WorkflowValidationException e) {
            throw LOGGER.logExceptionAsWarning(e);
        }
        return subject;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(runtime.clock().instant(), ZoneOffset.UTC);
    }
}
