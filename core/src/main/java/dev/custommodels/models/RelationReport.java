package dev.custommodels.models;

import java.util.List;
import java.util.Objects;

/**
 * How a run's results relate to the customers: the result IDs (values of the Customer ID column) compared with
 * the primary key of the bound entity.
 *
 * @param entity the entity whose primary key the results were compared with
 * @param keyAttribute that entity's primary key
 * @param customerIdColumn the results' Customer ID column
 * @param resultRows result rows read
 * @param distinctIds distinct non-empty result IDs
 * @param matchedIds distinct result IDs found among the entity's keys
 * @param unknownIds distinct result IDs not found among the entity's keys
 * @param duplicateIds distinct result IDs that appear on more than one row
 * @param duplicateRows rows beyond the first of each duplicated ID
 * @param emptyIds result rows without a Customer ID
 * @param unscoredKeys distinct entity keys that no result row names
 * @param matchRate {@code matchedIds / distinctIds}, 1 when there are no result IDs
 * @param unknownSamples a few unknown IDs, for messages
 * @param duplicateSamples a few duplicated IDs, for messages
 */
public record RelationReport(String entity, String keyAttribute, String customerIdColumn, long resultRows,
        long distinctIds, long matchedIds, long unknownIds, long duplicateIds, long duplicateRows, long emptyIds,
        long unscoredKeys, double matchRate, List<String> unknownSamples, List<String> duplicateSamples) {

    /**
     * Checks required parts and copies the lists.
     *
     * @param entity the entity whose primary key the results were compared with
     * @param keyAttribute that entity's primary key
     * @param customerIdColumn the results' Customer ID column
     * @param resultRows result rows read
     * @param distinctIds distinct non-empty result IDs
     * @param matchedIds distinct result IDs found among the entity's keys
     * @param unknownIds distinct result IDs not found among the entity's keys
     * @param duplicateIds distinct result IDs that appear on more than one row
     * @param duplicateRows rows beyond the first of each duplicated ID
     * @param emptyIds result rows without a Customer ID
     * @param unscoredKeys distinct entity keys that no result row names
     * @param matchRate {@code matchedIds / distinctIds}, 1 when there are no result IDs
     * @param unknownSamples a few unknown IDs, for messages
     * @param duplicateSamples a few duplicated IDs, for messages
     */
    public RelationReport {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(keyAttribute, "keyAttribute");
        Objects.requireNonNull(customerIdColumn, "customerIdColumn");
        unknownSamples = List.copyOf(unknownSamples == null ? List.of() : unknownSamples);
        duplicateSamples = List.copyOf(duplicateSamples == null ? List.of() : duplicateSamples);
    }
}
