package dev.custommodels.entities;

import dev.custommodels.models.EntitySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The host's entities, by name. */
public interface EntityCatalog {

    /**
     * Lists the entities.
     *
     * @return the sources in the catalog's order
     */
    List<EntitySource> entities();

    /**
     * Finds an entity by name.
     *
     * @param name the entity's name
     * @return the source, or empty
     */
    default Optional<EntitySource> find(String name) {
        return entities().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * Returns an entity by name.
     *
     * @param name the entity's name
     * @return the source
     * @throws IllegalArgumentException naming the entities that exist when there is none by that name
     */
    default EntitySource get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("The catalog has no entity '" + name
                + "'. Entities: " + entities().stream().map(EntitySource::name).toList() + "."));
    }

    /**
     * Returns the schemas of all entities that are available now.
     *
     * @return the schemas in order
     */
    default List<EntitySchema> schemas() {
        return entities().stream().filter(EntitySource::isAvailable).map(EntitySource::schema).toList();
    }

    /**
     * Creates a fixed catalog.
     *
     * @param sources the entities; names must be unique
     * @return the catalog
     * @throws IllegalArgumentException if two entities share a name
     */
    static EntityCatalog of(List<EntitySource> sources) {
        Map<String, EntitySource> byName = new LinkedHashMap<>();
        for (EntitySource s : sources) {
            if (byName.putIfAbsent(s.name(), s) != null) {
                throw new IllegalArgumentException("Two entities are named '" + s.name() + "'.");
            }
        }
        List<EntitySource> fixed = List.copyOf(new ArrayList<>(byName.values()));
        return () -> fixed;
    }

    /**
     * Creates a fixed catalog.
     *
     * @param sources the entities
     * @return the catalog
     */
    static EntityCatalog of(EntitySource... sources) {
        return of(List.of(sources));
    }
}
