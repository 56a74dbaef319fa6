package dev.custommodels.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntityReadException;
import dev.custommodels.models.EntitySchema;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcEntitySourceTest {
    private static final EntitySchema CUSTOMER = new EntitySchema("Customer", List.of(
            Attribute.of("CustomerId", DataType.STRING),
            Attribute.of("Age", DataType.INTEGER),
            Attribute.of("Balance", DataType.NUMBER),
            Attribute.of("Score", DataType.NUMBER),
            Attribute.of("Active", DataType.BOOLEAN),
            Attribute.of("Born", DataType.DATE),
            Attribute.of("SeenAt", DataType.DATETIME),
            Attribute.of("ChangedAt", DataType.DATETIME)), "CustomerId");

    private String url;
    private Connection keepAlive;
    private final List<Connection> handedOut = new ArrayList<>();

    @BeforeEach
    void createTable() throws SQLException {
        url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        keepAlive = DriverManager.getConnection(url);
        try (Statement s = keepAlive.createStatement()) {
            s.execute("CREATE TABLE cust (id VARCHAR(20), age INT, balance DECIMAL(12,2), score DOUBLE, "
                    + "active BOOLEAN, born DATE, seen TIMESTAMP, changed TIMESTAMP WITH TIME ZONE)");
            s.execute("INSERT INTO cust VALUES ('c1', 42, 1234.50, 0.25, TRUE, DATE '1980-02-29', "
                    + "TIMESTAMP '2024-05-01 10:15:30', TIMESTAMP WITH TIME ZONE '2024-05-01 10:15:30+02:00')");
            s.execute("INSERT INTO cust VALUES ('c2', NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
            s.execute("INSERT INTO cust (id, age) SELECT 'c' || X, X FROM SYSTEM_RANGE(3, 2500)");
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        keepAlive.close();
    }

    @Test
    void mapsColumnsToTypedValuesByLabel() {
        JdbcEntitySource source = JdbcEntitySource.of(CUSTOMER, this::connect,
                "SELECT id AS CustomerId, age, balance, score, active, born, seen AS SeenAt, changed AS ChangedAt"
                        + " FROM cust WHERE id IN ('c1', 'c2') ORDER BY id");
        List<Row> rows = readAll(source);
        assertThat(rows).hasSize(2);
        Row c1 = rows.get(0);
        assertThat(c1.get("CustomerId")).isEqualTo("c1");
        assertThat(c1.get("Age")).isEqualTo(42L);
        assertThat(c1.get("Balance")).isEqualTo(new BigDecimal("1234.50"));
        assertThat(c1.get("Score")).isEqualTo(0.25);
        assertThat(c1.get("Active")).isEqualTo(Boolean.TRUE);
        assertThat(c1.get("Born")).isEqualTo(LocalDate.of(1980, 2, 29));
        assertThat(c1.get("SeenAt")).isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 15, 30));
        assertThat(c1.get("ChangedAt"))
                .isEqualTo(OffsetDateTime.of(2024, 5, 1, 10, 15, 30, 0, ZoneOffset.ofHours(2)));
        Row c2 = rows.get(1);
        for (int i = 1; i < c2.size(); i++) {
            assertThat(c2.get(i)).as(CUSTOMER.attributes().get(i).name()).isNull();
        }
    }

    @Test
    void streamsWithTheFetchSizeAndClosesTheConnectionWhenTheCursorCloses() throws SQLException {
        JdbcEntitySource source = JdbcEntitySource.of(CUSTOMER, this::connect,
                "SELECT id AS CustomerId, age, balance, score, active, born, seen AS SeenAt, changed AS ChangedAt"
                        + " FROM cust").withFetchSize(100);
        assertThat(source.fetchSize()).isEqualTo(100);
        try (RowCursor cursor = source.open()) {
            assertThat(cursor.next()).isNotNull();
            assertThat(handedOut.get(0).isClosed()).isFalse();
            assertThat(handedOut.get(0).getAutoCommit()).isFalse();
        }
        assertThat(handedOut.get(0).isClosed()).isTrue();
        assertThat(readAll(source)).hasSize(2500);
        assertThat(handedOut.get(1).isClosed()).isTrue();
    }

    @Test
    void missingColumnIsAnErrorListingTheResultColumnsAndClosesTheConnection() throws SQLException {
        JdbcEntitySource source = JdbcEntitySource.of(CUSTOMER, this::connect, "SELECT id, age FROM cust");
        assertThatThrownBy(source::open)
                .isInstanceOf(EntityReadException.class)
                .hasMessageContaining("Entity 'Customer'")
                .hasMessageContaining("[CustomerId, Balance, Score, Active, Born, SeenAt, ChangedAt]")
                .hasMessageContaining("[ID, AGE]");
        assertThat(handedOut.get(0).isClosed()).isTrue();
    }

    @Test
    void failingQueryIsAnEntityReadException() {
        JdbcEntitySource source = JdbcEntitySource.of(CUSTOMER, this::connect, "SELECT * FROM nowhere");
        assertThatThrownBy(source::open)
                .isInstanceOf(EntityReadException.class)
                .hasMessageContaining("the query failed");
    }

    @Test
    void worksOverADataSource() {
        javax.sql.DataSource ds = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && method.getParameterCount() == 0) {
                        return connect();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        JdbcEntitySource source = JdbcEntitySource.of(CUSTOMER, ds,
                "SELECT id AS CustomerId, age, balance, score, active, born, seen AS SeenAt, changed AS ChangedAt"
                        + " FROM cust");
        assertThat(readAll(source)).hasSize(2500);
        assertThat(handedOut).hasSize(1).allSatisfy(c -> assertThat(c.isClosed()).isTrue());
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        handedOut.add(c);
        return c;
    }

    private static List<Row> readAll(EntitySource source) {
        List<Row> rows = new ArrayList<>();
        try (RowCursor cursor = source.open()) {
            cursor.forEachRemaining(rows::add);
        }
        return rows;
    }
}
