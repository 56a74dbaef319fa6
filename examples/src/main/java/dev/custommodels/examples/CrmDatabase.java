package dev.custommodels.examples;

import dev.custommodels.entities.Row;
import dev.custommodels.entities.RowCursor;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/** Creates the example CRM table and fills it from the {@link SampleEntities} customers. */
final class CrmDatabase {
    private CrmDatabase() {
    }

    /**
     * Creates {@code crm_customer} and inserts customers in batches.
     *
     * @param db the connection
     * @param customers how many customers
     * @throws SQLException if a statement fails
     */
    static void createAndFill(Connection db, int customers) throws SQLException {
        try (Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE crm_customer (id VARCHAR(36) PRIMARY KEY, email VARCHAR(200),"
                    + " signup_date DATE, is_member BOOLEAN, tier VARCHAR(20), yearly_income DECIMAL(12, 2),"
                    + " total_spend DECIMAL(12, 2), children INT)");
        }
        String insert = "INSERT INTO crm_customer VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = db.prepareStatement(insert);
                RowCursor rows = SampleEntities.customers(customers).open()) {
            int pending = 0;
            while (rows.hasNext()) {
                Row c = rows.next();
                ps.setString(1, (String) c.get("CustomerId"));
                ps.setString(2, (String) c.get("EMailAddress"));
                ps.setDate(3, Date.valueOf((LocalDate) c.get("CustomerSince")));
                ps.setBoolean(4, (Boolean) c.get("IsMember"));
                ps.setString(5, (String) c.get("MembershipLevel"));
                ps.setBigDecimal(6, BigDecimal.valueOf((Double) c.get("YearlyIncome")));
                ps.setBigDecimal(7, BigDecimal.valueOf((Double) c.get("TotalSpend")));
                ps.setInt(8, ((Long) c.get("NumberOfChildren")).intValue());
                ps.addBatch();
                if (++pending == 500) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            ps.executeBatch();
        }
    }
}
