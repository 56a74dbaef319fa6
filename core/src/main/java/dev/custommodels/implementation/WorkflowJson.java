package dev.custommodels.implementation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.custommodels.implementation.ContractDocuments.ContractDto;
import dev.custommodels.implementation.ContractDocuments.SchemaDto;
import dev.custommodels.models.CorruptStateException;
import dev.custommodels.models.DriftPolicy;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.ModelReference;
import dev.custommodels.models.OutputSettings;
import dev.custommodels.models.Workflow;
import dev.custommodels.models.WorkflowDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a workflow file ({@code workflows/<id>.json}). The ETag is the lake object's, not part of the
 * file. Unknown properties are ignored so that files written by a later minor version stay readable.
 */
public final class WorkflowJson {
    /** The version of the file format this code writes. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private WorkflowJson() {
    }

    /**
     * Writes a workflow.
     *
     * @param workflow the workflow; its ETag is not written
     * @return the UTF-8 JSON bytes
     */
    public static byte[] write(Workflow workflow) {
        try {
            return MAPPER.writeValueAsBytes(WorkflowDto.from(workflow));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write workflow '" + workflow.id() + "' as JSON.", e);
        }
    }

    /**
     * Reads a workflow.
     *
     * @param path the lake path read, for messages
     * @param json the file's bytes
     * @param etag the lake object's ETag
     * @return the workflow
     * @throws CorruptStateException naming the path when the bytes are not a valid workflow
     */
    public static Workflow read(String path, byte[] json, String etag) {
        WorkflowDto dto;
        try {
            dto = MAPPER.readValue(json, WorkflowDto.class);
        } catch (JsonProcessingException e) {
            throw new CorruptStateException(path, "it is not a valid workflow document ("
                    + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new CorruptStateException(path, "it is not a valid workflow document (" + e.getMessage() + ")", e);
        }
        if (dto == null) {
            throw new CorruptStateException(path, "it is empty", null);
        }
        if (dto.formatVersion() > FORMAT_VERSION) {
            throw new CorruptStateException(path, "it has format version " + dto.formatVersion()
                    + ", written by a newer version of this SDK; this version reads up to " + FORMAT_VERSION, null);
        }
        try {
            return dto.toWorkflow(etag);
        } catch (RuntimeException e) {
            throw new CorruptStateException(path, "its content is not a valid workflow (" + e.getMessage() + ")", e);
        }
    }

    /** The whole file. */
    record WorkflowDto(int formatVersion, String id, String createdAt, String updatedAt, DefinitionDto definition,
            ContractDto contract, List<SchemaDto> entitySchemas) {
        static WorkflowDto from(Workflow w) {
            return new WorkflowDto(FORMAT_VERSION, w.id(), string(w.createdAt()), string(w.updatedAt()),
                    DefinitionDto.from(w.definition()), ContractDto.from(w.contract()),
                    w.entitySchemas().stream().map(SchemaDto::from).toList());
        }

        Workflow toWorkflow(String etag) {
            return new Workflow(id, required(definition, "definition").toDefinition(),
                    required(contract, "contract").toContract(),
                    ContractDocuments.list(entitySchemas).stream().map(SchemaDto::toSchema).toList(), etag,
                    time(createdAt), time(updatedAt));
        }
    }

    /** A workflow definition. */
    record DefinitionDto(String displayName, ModelDto model, List<InputBindingDto> inputs, OutputDto output,
            String customerIdAttribute, Map<String, String> parameters, DriftPolicy driftPolicy) {
        static DefinitionDto from(WorkflowDefinition d) {
            return new DefinitionDto(d.displayName(), ModelDto.from(d.model()),
                    d.inputs().stream().map(InputBindingDto::from).toList(), OutputDto.from(d.output()),
                    d.customerIdAttribute(), d.parameters(), d.driftPolicy());
        }

        WorkflowDefinition toDefinition() {
            return new WorkflowDefinition(displayName, required(model, "model").toModel(),
                    ContractDocuments.list(inputs).stream().map(InputBindingDto::toBinding).toList(),
                    required(output, "output").toSettings(), customerIdAttribute, parameters, driftPolicy);
        }
    }

    /** A model reference. */
    record ModelDto(String connector, String tenantId, String workspaceId, String serviceId, String endpoint) {
        static ModelDto from(ModelReference m) {
            return new ModelDto(m.connector(), m.tenantId(), m.workspaceId(), m.serviceId(), m.endpoint());
        }

        ModelReference toModel() {
            return new ModelReference(connector, tenantId, workspaceId, serviceId, endpoint);
        }
    }

    /** An input binding. */
    record InputBindingDto(String input, String entity, List<FieldBindingDto> fields) {
        static InputBindingDto from(InputBinding b) {
            return new InputBindingDto(b.input(), b.entity(), b.fields().stream().map(FieldBindingDto::from).toList());
        }

        InputBinding toBinding() {
            return new InputBinding(input, entity,
                    ContractDocuments.list(fields).stream().map(FieldBindingDto::toBinding).toList());
        }
    }

    /** A field binding. */
    record FieldBindingDto(String field, String entity, String attribute, double confidence, boolean pinned) {
        static FieldBindingDto from(FieldBinding f) {
            return new FieldBindingDto(f.field(), f.entity(), f.attribute(), f.confidence(), f.pinned());
        }

        FieldBinding toBinding() {
            return new FieldBinding(field, entity, attribute, confidence, pinned);
        }
    }

    /** Output settings. */
    record OutputDto(String entityName, String modelOutput, String outputDatastoreParameter,
            String outputPathParameter) {
        static OutputDto from(OutputSettings o) {
            return new OutputDto(o.entityName(), o.modelOutput(), o.outputDatastoreParameter(),
                    o.outputPathParameter());
        }

        OutputSettings toSettings() {
            return new OutputSettings(entityName, modelOutput, outputDatastoreParameter, outputPathParameter);
        }
    }

    private static String string(OffsetDateTime t) {
        return t == null ? null : t.toString();
    }

    private static OffsetDateTime time(String s) {
        return s == null ? null : OffsetDateTime.parse(s);
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("'" + what + "' is missing");
        }
        return value;
    }
}
