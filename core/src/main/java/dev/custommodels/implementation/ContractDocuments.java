package dev.custommodels.implementation;

import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ModelOutput;
import dev.custommodels.models.ModelParameter;
import dev.custommodels.models.ParameterKind;
import dev.custommodels.models.ServiceContract;
import java.util.List;

/**
 * The JSON shapes of service contracts and entity schemas, as stored in the lake. Each DTO converts to and from
 * its public record; the records' constructors validate what is read.
 */
public final class ContractDocuments {
    private ContractDocuments() {
    }

    /** A service contract. */
    public record ContractDto(List<InputDto> inputs, List<ParameterDto> parameters, List<OutputDto> outputs) {
        static ContractDto from(ServiceContract c) {
            return new ContractDto(c.inputs().stream().map(InputDto::from).toList(),
                    c.parameters().stream().map(ParameterDto::from).toList(),
                    c.outputs().stream().map(OutputDto::from).toList());
        }

        ServiceContract toContract() {
            return new ServiceContract(list(inputs).stream().map(InputDto::toInput).toList(),
                    list(parameters).stream().map(ParameterDto::toParameter).toList(),
                    list(outputs).stream().map(OutputDto::toOutput).toList());
        }
    }

    /** A model input. */
    public record InputDto(String name, List<FieldDto> fields, boolean fieldsDeclared) {
        static InputDto from(ModelInput i) {
            return new InputDto(i.name(), i.fields().stream().map(FieldDto::from).toList(), i.fieldsDeclared());
        }

        ModelInput toInput() {
            return new ModelInput(name, list(fields).stream().map(FieldDto::toField).toList(), fieldsDeclared);
        }
    }

    /** A model field or output column. */
    public record FieldDto(String name, DataType type, String originalType, boolean required) {
        static FieldDto from(ModelField f) {
            return new FieldDto(f.name(), f.type(), f.originalType(), f.required());
        }

        ModelField toField() {
            return new ModelField(name, type, originalType, required);
        }
    }

    /** A model parameter. */
    public record ParameterDto(String name, ParameterKind kind, DataType type, String defaultValue) {
        static ParameterDto from(ModelParameter p) {
            return new ParameterDto(p.name(), p.kind(), p.type(), p.defaultValue());
        }

        ModelParameter toParameter() {
            return new ModelParameter(name, kind, type, defaultValue);
        }
    }

    /** A model output. */
    public record OutputDto(String name, List<FieldDto> columns) {
        static OutputDto from(ModelOutput o) {
            return new OutputDto(o.name(), o.columns().stream().map(FieldDto::from).toList());
        }

        ModelOutput toOutput() {
            return new ModelOutput(name, list(columns).stream().map(FieldDto::toField).toList());
        }
    }

    /** An entity schema. */
    public record SchemaDto(String name, List<AttributeDto> attributes, String primaryKey) {
        /**
         * Converts a schema.
         *
         * @param s the schema
         * @return the DTO
         */
        public static SchemaDto from(EntitySchema s) {
            return new SchemaDto(s.name(), s.attributes().stream().map(AttributeDto::from).toList(), s.primaryKey());
        }

        /**
         * Converts back.
         *
         * @return the schema
         */
        public EntitySchema toSchema() {
            return new EntitySchema(name, list(attributes).stream().map(AttributeDto::toAttribute).toList(),
                    primaryKey);
        }
    }

    /** An entity attribute. */
    public record AttributeDto(String name, DataType type, String displayName) {
        static AttributeDto from(Attribute a) {
            return new AttributeDto(a.name(), a.type(), a.displayName());
        }

        Attribute toAttribute() {
            return new Attribute(name, type, displayName);
        }
    }

    /**
     * Converts a contract to its DTO.
     *
     * @param contract the contract
     * @return the DTO
     */
    public static ContractDto toDto(ServiceContract contract) {
        return ContractDto.from(contract);
    }

    static <T> List<T> list(List<T> maybeNull) {
        if (maybeNull == null) {
            throw new IllegalArgumentException("a list is missing");
        }
        return maybeNull;
    }
}
