package dev.custommodels.mapping;

import dev.custommodels.models.Attribute;
import dev.custommodels.models.ModelField;
import java.util.List;
import java.util.Objects;

/**
 * One (field, attribute) pair as a {@link MappingRule} sees it.
 *
 * @param field the model field
 * @param fieldWords the field name's words as the engine reads them (lower case, stemmed, synonyms as their
 *     concept's words, noise removed)
 * @param entity the name of the attribute's entity
 * @param attribute the attribute
 * @param attributeWords the attribute name's words as the engine reads them
 * @param primaryKey whether the attribute is its entity's primary key
 * @param score the score in [0, 1] after the built-in rules and earlier host rules
 */
public record CandidatePair(ModelField field, List<String> fieldWords, String entity, Attribute attribute,
        List<String> attributeWords, boolean primaryKey, double score) {

    /**
     * Checks the parts and copies the lists.
     *
     * @param field the model field
     * @param fieldWords the field name's words as the engine reads them (lower case, stemmed, synonyms as their
     *     concept's words, noise removed)
     * @param entity the name of the attribute's entity
     * @param attribute the attribute
     * @param attributeWords the attribute name's words as the engine reads them
     * @param primaryKey whether the attribute is its entity's primary key
     * @param score the score in [0, 1] after the built-in rules and earlier host rules
     */
    public CandidatePair {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(attribute, "attribute");
        fieldWords = List.copyOf(fieldWords);
        attributeWords = List.copyOf(attributeWords);
    }
}
