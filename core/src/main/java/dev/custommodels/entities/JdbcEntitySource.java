package dev.custommodels.entities;

import dev.custommodels.models.Attribute;
import dev.custommodels.models.EntityReadException;
import dev.custommodels.models.EntitySchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * An entity read by a SQL query. Every {@link #open()} takes a connection, runs the query forward-only and
 * read-only with a fetch size, and streams the result; closing the cursor closes the result set, the statement
 * and the connection.
 *
 * <p>Result columns are matched to the schema's attributes by label, ignoring case; every attribute needs a
 * column, further columns are ignored. Values are typed by the attribute's data type: {@code String},
 * {@code Long}, {@code BigDecimal} (for DECIMAL and NUMERIC columns) or {@code Double}, {@code Boolean},
 * {@code LocalDate}, {@code OffsetDateTime} (for columns with a time zone) or {@code LocalDateTime}.
 *
 * <p>While streaming, auto-commit is switched off (some drivers stream only inside a transaction) and restored
 * before the connection is closed.
 */
public final class JdbcEntitySource implements EntitySource {
    /** The default number of rows fetched per round trip. */
    public static final int DEFAULT_FETCH_SIZE = 1000;

    private final EntitySchema schema;
    private final ConnectionSupplier connections;
    private final String sql;
    private final int fetchSize;

    private JdbcEntitySource(EntitySchema schema, ConnectionSupplier connections, String sql, int fetchSize) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.sql = Objects.requireNonNull(sql, "sql");
        if (sql.isBlank()) {
            throw new IllegalArgumentException("The query of entity '" + schema.name() + "' must not be blank.");
        }
        this.fetchSize = fetchSize;
    }

    /**
     * Creates a source over a data source.
     *
     * @param schema the entity's schema
     * @param dataSource where connections come from
     * @param sql the query; its column labels name the attributes
     * @return the source, with the default fetch size
     */
    public static JdbcEntitySource of(EntitySchema schema, DataSource dataSource, String sql) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new JdbcEntitySource(schema, dataSource::getConnection, sql, DEFAULT_FETCH_SIZE);
    }

    /**
     * Creates a source over a connection supplier.
     *
     * @param schema the entity's schema
     * @param connections supplies a new connection per cursor; the cursor closes it
     * @param sql the query; its column labels name the attributes
     * @return the source, with the default fetch size
     */
    public static JdbcEntitySource of(EntitySchema schema, ConnectionSupplier connections, String sql) {
        return new JdbcEntitySource(schema, connections, sql, DEFAULT_FETCH_SIZE);
    }

    /**
     * Returns a copy with another fetch size.
     *
     * @param rows rows per round trip; positive, or a driver-specific value such as {@code Integer.MIN_VALUE}
     *     for MySQL's row streaming
     * @return the copy
     * @throws IllegalArgumentException if rows is zero
     */
    public JdbcEntitySource withFetchSize(int rows) {
        if (rows == 0) {
            throw new IllegalArgumentException("A fetch size of 0 leaves streaming to the driver; give a size.");
        }
        return new JdbcEntitySource(schema, connections, sql, rows);
    }

    /**
     * Returns the fetch size.
     *
     * @return rows per round trip
     */
    public int fetchSize() {
        return fetchSize;
    }

    @Override
    public EntitySchema schema() {
        return schema;
    }

    /**
     * Runs the query.
     *
     * @return a cursor over the result
     * @throws EntityReadException if the query fails or a schema attribute has no result column
     */
    @Override
    public RowCursor open() {
        Connection connection = null;
        Boolean autoCommit = null;
        PreparedStatement statement = null;
        ResultSet result = null;
        try {
            connection = Objects.requireNonNull(connections.get(), "The connection supplier returned null.");
            if (connection.getAutoCommit()) {
                connection.setAutoCommit(false);
                autoCommit = Boolean.TRUE;
            }
            statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(fetchSize);
            result = statement.executeQuery();
            int[] columns = columnsOf(result.getMetaData());
            int[] sqlTypes = sqlTypes(result.getMetaData(), columns);
            return new JdbcCursor(this, connection, autoCommit, statement, result, columns, sqlTypes);
        } catch (SQLException | RuntimeException e) {
            JdbcCursor.closeAll(result, statement, connection, autoCommit);
            if (e instanceof EntityReadException) {
                throw (EntityReadException) e;
            }
            throw error("the query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JdbcEntitySource{" + schema.name() + ", fetchSize=" + fetchSize + "}";
    }

    EntityReadException error(String detail, Throwable cause) {
        return new EntityReadException(schema.name(), "the JDBC query", -1, detail, cause);
    }

    /** For each schema attribute, the 1-based result column. */
    private int[] columnsOf(ResultSetMetaData meta) throws SQLException {
        Map<String, Integer> byLabel = new HashMap<>();
        List<String> labels = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            labels.add(meta.getColumnLabel(c));
            byLabel.putIfAbsent(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), c);
        }
        int[] columns = new int[schema.attributes().size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            Attribute a = schema.attributes().get(i);
            Integer c = byLabel.get(a.name().toLowerCase(Locale.ROOT));
            if (c == null) {
                missing.add(a.name());
            } else {
                columns[i] = c;
            }
        }
        if (!missing.isEmpty()) {
            throw error("the result has no column for the attributes " + missing + "; its columns are " + labels
                    + ". Alias the columns in the query (SELECT x AS " + missing.get(0) + ")", null);
        }
        return columns;
    }

    private static int[] sqlTypes(ResultSetMetaData meta, int[] columns) throws SQLException {
        int[] types = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            types[i] = meta.getColumnType(columns[i]);
        }
        return types;
    }

    Object value(ResultSet rs, int attribute, int column, int sqlType) throws SQLException {
        Object v;
        switch (schema.attributes().get(attribute).type()) {
            case STRING:
                return rs.getString(column);
            case INTEGER:
                v = rs.getLong(column);
                break;
            case NUMBER:
                if (sqlType == Types.DECIMAL || sqlType == Types.NUMERIC) {
                    return rs.getBigDecimal(column);
                }
                v = rs.getDouble(column);
                break;
            case BOOLEAN:
                v = rs.getBoolean(column);
                break;
            case DATE:
                return rs.getObject(column, java.time.LocalDate.class);
            case DATETIME:
                if (sqlType == Types.TIMESTAMP_WITH_TIMEZONE) {
                    return rs.getObject(column, java.time.OffsetDateTime.class);
                }
                return rs.getObject(column, java.time.LocalDateTime.class);
            default:
                throw new IllegalStateException("Unknown data type " + schema.attributes().get(attribute).type());
        }
        return rs.wasNull() ? null : v;
    }

    /** Supplies JDBC connections; each call returns a connection the caller closes. */
    @FunctionalInterface
    public interface ConnectionSupplier {
        /**
         * Returns a new or pooled connection.
         *
         * @return the connection
         * @throws SQLException if none can be had
         */
        Connection get() throws SQLException;
    }
}
