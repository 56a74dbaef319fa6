package dev.custommodels.implementation;

import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.WorkflowDefinition;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link WorkflowCheck} looks at: the definition, the model's contract, and the schemas of the entities
 * the definition names.
 *
 * @param definition the workflow definition
 * @param contract the model's contract as the connector describes it now
 * @param entities the schemas of the entities the definition binds that exist in the catalog, by name
 * @param catalog the host's catalog, for checks that look beyond the bound entities (such as near misses)
 */
public record ValidationSubject(WorkflowDefinition definition, ServiceContract contract,
        Map<String, EntitySchema> entities, EntityCatalog catalog) {

    /** Copies the map and checks required parts. */
    public ValidationSubject {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(catalog, "catalog");
        entities = Map.copyOf(entities);
    }

    /**
     * Resolves the bound entities' schemas from a catalog.
     *
     * @param definition the definition
     * @param contract the contract
     * @param catalog the catalog
     * @return the subject
     */
    public static ValidationSubject of(WorkflowDefinition definition, ServiceContract contract,
            EntityCatalog catalog) {
        Map<String, EntitySchema> schemas = new LinkedHashMap<>();
        for (String name : boundEntityNames(definition)) {
            catalog.find(name).ifPresent(source -> schemas.put(name, source.schema()));
        }
        return new ValidationSubject(definition, contract, schemas, catalog);
    }

    /**
     * Returns the names of every entity a definition binds: the inputs' entities and those named by field
     * bindings, in order of first mention.
     *
     * @param definition the definition
     * @return the names
     */
    public static Set<String> boundEntityNames(WorkflowDefinition definition) {
        Set<String> names = new LinkedHashSet<>();
        for (InputBinding b : definition.inputs()) {
            names.add(b.entity());
            for (FieldBinding f : b.fields()) {
                if (f.entity() != null) {
                    names.add(f.entity());
                }
            }
        }
        return names;
    }

    /**
     * Finds a bound entity's schema.
     *
     * @param name the entity's name
     * @return the schema, or empty when the catalog has no such entity
     */
    public Optional<EntitySchema> entity(String name) {
        return Optional.ofNullable(entities.get(name));
    }

    /**
     * Returns the bound entities' schemas in order of first mention, as a workflow stores them.
     *
     * @return the schemas
     */
    public List<EntitySchema> entitySchemas() {
        return boundEntityNames(definition).stream().filter(entities::containsKey).map(entities::get).toList();
    }
}
