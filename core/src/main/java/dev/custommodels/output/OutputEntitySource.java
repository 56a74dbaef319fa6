package dev.custommodels.output;

import dev.custommodels.entities.EntitySource;
import dev.custommodels.entities.Row;
import dev.custommodels.entities.RowCursor;
import dev.custommodels.models.EntitySchema;
import java.util.Iterator;
import java.util.Objects;

/**
 * An output entity seen as an entity source, so one workflow's results can feed another workflow: put it in the
 * host's entity catalog, and {@code refresh()} runs the producing workflow first. The schema is the current
 * version's (lineage columns included; the primary key is the Customer ID attribute); each cursor reads the
 * version that is current when it opens.
 */
public final class OutputEntitySource implements EntitySource {
    private final OutputEntityClient client;
    private final String entityName;

    OutputEntitySource(OutputEntityClient client, String entityName) {
        this.client = Objects.requireNonNull(client, "client");
        this.entityName = OutputEntityClient.validateEntityName(entityName);
    }

    @Override
    public String name() {
        return entityName;
    }

    /**
     * Tells whether a version was committed yet.
     *
     * @return {@code true} once the producing workflow's first run committed
     */
    @Override
    public boolean isAvailable() {
        try {
            return !client.listVersions(entityName).isEmpty();
        } catch (OutputEntityNotFoundException notYet) {
            return false;
        }
    }

    /**
     * Returns the current version's schema.
     *
     * @return the schema
     * @throws OutputEntityNotFoundException if no version was committed yet: run the producing workflow first
     */
    @Override
    public EntitySchema schema() {
        return client.getCurrentVersion(entityName).schema();
    }

    @Override
    public RowCursor open() {
        OutputEntityVersion version = client.getCurrentVersion(entityName);
        EntitySchema schema = version.schema();
        Iterator<OutputRow> rows = client.query(entityName, new OutputQueryOptions().setAsOfRunId(version.runId())
                .setPageSize(10_000)).iterator();
        return new RowCursor() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                return new Row(schema, rows.next().values().toArray());
            }

            @Override
            public void close() {
                // pages are read lazily; nothing stays open between pages
            }
        };
    }

    @Override
    public String toString() {
        return "OutputEntitySource{" + entityName + "}";
    }
}
