package dev.custommodels.examples;

import dev.custommodels.entities.EntitySource;
import dev.custommodels.entities.Row;
import dev.custommodels.entities.RowCursor;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Deterministic sample entities for the examples: customers with profile attributes, and their purchases.
 * Rows are generated as they are read, never held, so any count streams in flat memory.
 */
public final class SampleEntities {
    private static final String[] FIRST = {"Ada", "Ben", "Chloé", "Dmitri", "Emma", "Farid", "Grace", "Hiro",
        "Ines", "Jonas", "Kemal", "Lena", "Mateo", "Nora", "Oskar", "Priya", "Quinn", "Rosa", "Sven", "Tara"};
    private static final String[] LAST = {"Anders", "Baker", "Costa", "Dubois", "Evans", "Fischer", "García",
        "Hansen", "Ivanova", "Jensen", "Kowalski", "López", "Müller", "Nakamura", "Olsen", "Patel"};
    private static final String[] CITIES = {"Seattle", "Dublin", "Berlin", "Lyon", "Osaka", "Toronto", "Madrid",
        "Oslo", "Pune", "Austin"};
    private static final String[] COUNTRIES = {"US", "IE", "DE", "FR", "JP", "CA", "ES", "NO", "IN", "US"};
    private static final String[] TIERS = {"Bronze", "Silver", "Gold", "Platinum"};
    private static final String[] CHANNELS = {"Web", "Store", "App", "Phone"};
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    /** The Customer entity's schema. */
    public static final EntitySchema CUSTOMER = new EntitySchema("Customer", List.of(
            new Attribute("CustomerId", DataType.STRING, "Customer ID"),
            Attribute.of("FirstName", DataType.STRING),
            Attribute.of("LastName", DataType.STRING),
            new Attribute("EMailAddress", DataType.STRING, "Email"),
            Attribute.of("Gender", DataType.STRING),
            Attribute.of("BirthDate", DataType.DATE),
            Attribute.of("City", DataType.STRING),
            Attribute.of("Country", DataType.STRING),
            Attribute.of("CustomerSince", DataType.DATE),
            Attribute.of("IsMember", DataType.BOOLEAN),
            new Attribute("MembershipLevel", DataType.STRING, "Loyalty level"),
            Attribute.of("YearlyIncome", DataType.NUMBER),
            Attribute.of("NumberOfChildren", DataType.INTEGER),
            Attribute.of("TotalSpend", DataType.NUMBER),
            Attribute.of("LastPurchaseDate", DataType.DATETIME)), "CustomerId");

    /** The Purchases entity's schema. */
    public static final EntitySchema PURCHASES = new EntitySchema("Purchases", List.of(
            Attribute.of("PurchaseId", DataType.STRING),
            Attribute.of("CustomerId", DataType.STRING),
            Attribute.of("PurchasedOn", DataType.DATETIME),
            Attribute.of("Amount", DataType.NUMBER),
            Attribute.of("Quantity", DataType.INTEGER),
            Attribute.of("Channel", DataType.STRING)), "PurchaseId");

    private SampleEntities() {
    }

    /**
     * Returns the id of the customer with a given index, as the generated Customer rows carry it.
     *
     * @param index the zero-based customer index
     * @return the id, a name-based UUID
     */
    public static String customerId(long index) {
        return UUID.nameUUIDFromBytes(("customer-" + index).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Creates the Customer entity.
     *
     * @param count how many customers
     * @return the source
     */
    public static EntitySource customers(long count) {
        return new Generated(CUSTOMER, count, SampleEntities::customer);
    }

    /**
     * Creates the Purchases entity: three purchases per customer on average.
     *
     * @param customers how many customers the purchases belong to
     * @return the source
     */
    public static EntitySource purchases(long customers) {
        return new Generated(PURCHASES, customers * 3, (i, r) -> purchase(i, r, customers));
    }

    private static Object[] customer(long i, SplittableRandom r) {
        int country = r.nextInt(CITIES.length);
        LocalDate since = TODAY.minusDays(30 + r.nextInt(3650));
        boolean member = r.nextInt(100) < 55;
        double income = Math.round((18_000 + r.nextDouble() * 140_000) * 100) / 100.0;
        double spend = Math.round(r.nextDouble() * (member ? 9_000 : 4_000) * 100) / 100.0;
        return new Object[] {customerId(i), FIRST[r.nextInt(FIRST.length)], LAST[r.nextInt(LAST.length)],
            "customer" + i + "@example.com", r.nextBoolean() ? "F" : "M",
            TODAY.minusYears(18 + r.nextInt(62)).minusDays(r.nextInt(365)), CITIES[country], COUNTRIES[country],
            since, member, member ? TIERS[r.nextInt(TIERS.length)] : null, income, (long) r.nextInt(5), spend,
            OffsetDateTime.of(TODAY.minusDays(r.nextInt(400)).atTime(r.nextInt(24), r.nextInt(60)), ZoneOffset.UTC)};
    }

    private static Object[] purchase(long i, SplittableRandom r, long customers) {
        long customer = r.nextLong(customers);
        return new Object[] {"P" + i, customerId(customer),
            OffsetDateTime.of(TODAY.minusDays(r.nextInt(730)).atTime(r.nextInt(24), r.nextInt(60)), ZoneOffset.UTC),
            Math.round((5 + r.nextDouble() * 495) * 100) / 100.0, (long) (1 + r.nextInt(6)),
            CHANNELS[r.nextInt(CHANNELS.length)]};
    }

    private static final class Generated implements EntitySource {
        private final EntitySchema schema;
        private final long count;
        private final BiFunction<Long, SplittableRandom, Object[]> row;

        Generated(EntitySchema schema, long count, BiFunction<Long, SplittableRandom, Object[]> row) {
            this.schema = schema;
            this.count = count;
            this.row = row;
        }

        @Override
        public EntitySchema schema() {
            return schema;
        }

        @Override
        public RowCursor open() {
            SplittableRandom random = new SplittableRandom(schema.name().hashCode());
            return new RowCursor() {
                private long next;

                @Override
                public boolean hasNext() {
                    return next < count;
                }

                @Override
                public Row next() {
                    if (next >= count) {
                        throw new NoSuchElementException();
                    }
                    return new Row(schema, row.apply(next++, random));
                }

                @Override
                public void close() {
                    next = count;
                }
            };
        }
    }
}
