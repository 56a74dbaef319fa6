package dev.custommodels.entities;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.NoSuchElementException;

/** The cursor of a {@link JdbcEntitySource}: owns the result set, statement and connection. */
final class JdbcCursor implements RowCursor {
    private final JdbcEntitySource source;
    private final Connection connection;
    private final Boolean restoreAutoCommit;
    private final Statement statement;
    private final ResultSet result;
    private final int[] columns;
    private final int[] sqlTypes;
    private Row next;
    private boolean done;

    JdbcCursor(JdbcEntitySource source, Connection connection, Boolean restoreAutoCommit, Statement statement,
            ResultSet result, int[] columns, int[] sqlTypes) {
        this.source = source;
        this.connection = connection;
        this.restoreAutoCommit = restoreAutoCommit;
        this.statement = statement;
        this.result = result;
        this.columns = columns;
        this.sqlTypes = sqlTypes;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            try {
                if (result.next()) {
                    Object[] values = new Object[columns.length];
                    for (int i = 0; i < columns.length; i++) {
                        values[i] = source.value(result, i, columns[i], sqlTypes[i]);
                    }
                    next = new Row(source.schema(), values);
                } else {
                    close();
                }
            } catch (SQLException e) {
                close();
                throw source.error("reading the result failed: " + e.getMessage(), e);
            }
        }
        return next != null;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more rows in entity '" + source.schema().name() + "'.");
        }
        Row row = next;
        next = null;
        return row;
    }

    @Override
    public void close() {
        if (!done) {
            done = true;
            closeAll(result, statement, connection, restoreAutoCommit);
        }
    }

    static void closeAll(ResultSet result, Statement statement, Connection connection, Boolean restoreAutoCommit) {
        quietly(result);
        quietly(statement);
        if (connection != null) {
            try {
                if (restoreAutoCommit != null) {
                    connection.rollback();
                    connection.setAutoCommit(restoreAutoCommit);
                }
            } catch (SQLException e) {
                // the connection is closed below regardless
            }
            quietly(connection);
        }
    }

    private static void quietly(AutoCloseable resource) {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception e) {
                // closing is best effort
            }
        }
    }
}
