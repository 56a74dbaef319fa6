package dev.custommodels.mapping;

import java.util.Objects;

/**
 * How well one entity explains a model input.
 *
 * @param entity the entity's name
 * @param support the sum, over fields, of how much better this entity fits the field than any other entity
 * @param fields how many fields of the proposal map to this entity
 */
public record EntityScore(String entity, double support, int fields) {

    /**
     * Checks the name.
     *
     * @param entity the entity's name
     * @param support the sum, over fields, of how much better this entity fits the field than any other entity
     * @param fields how many fields of the proposal map to this entity
     */
    public EntityScore {
        Objects.requireNonNull(entity, "entity");
    }
}
