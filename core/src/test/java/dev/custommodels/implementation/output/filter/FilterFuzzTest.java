package dev.custommodels.implementation.output.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.output.InvalidQueryException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Feeds the filter parser, binder and evaluator random and mutated inputs. Each must parse (and then bind and
 * evaluate without error, or fail binding with the documented exception) or fail parsing with the documented
 * exception; nothing else may escape and nothing may hang.
 */
class FilterFuzzTest {
    private static final int INPUTS = 120_000;
    private static final List<Attribute> ATTRIBUTES = List.of(Attribute.of("Id", DataType.STRING),
            Attribute.of("Score", DataType.NUMBER), Attribute.of("Visits", DataType.INTEGER),
            Attribute.of("Active", DataType.BOOLEAN), Attribute.of("Since", DataType.DATE),
            Attribute.of("At", DataType.DATETIME), Attribute.of("Name", DataType.STRING));
    private static final String[] ATOMS = {"Id", "Score", "Visits", "Active", "Since", "At", "Name", "Nope",
        "'x'", "'O''Neil'", "''", "42", "-1", "0.5", "1e3", "-2.5E-3", "true", "false", "null", "2024-05-01",
        "2024-05-01T00:00:00Z", "2024-05-01T10:00:00+02:00", "99999999999999999999"};
    private static final String[] OPS = {"eq", "ne", "gt", "ge", "lt", "le"};
    private static final String[][] TYPED = {
        {"Id", "'c-1'", "'O''Neil'", "''", "null"},
        {"Name", "'x'", "'é日'", "null"},
        {"Score", "0.5", "-1", "1e3", "42", "null"},
        {"Visits", "42", "-1", "2.5", "null"},
        {"Since", "2024-05-01", "2020-01-01", "null"},
        {"At", "2024-05-01T00:00:00Z", "2020-01-01T01:00:00+01:00", "null"}};
    private static final String[] NOISE = {"(", ")", "'", "''", ",", " ", "and", "or", "not", "in", "eq", "EQ",
        "contains(", "startswith(", "tolower(", "-", ".", "e", "T", "Z", ":", "+", "\u0000", "\t", "\n", "\uD83D",
        "\uD83D\uDE00", "é", "日", "$", "/", "\\", "@", "#", "1", "9", "2024-", "null", "true"};

    @Test
    void everyInputParsesOrRaisesTheDocumentedError() {
        Random random = new Random(20240501L);
        int[] counts = new int[3];
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < INPUTS; i++) {
                String input;
                switch (i % 4) {
                    case 0:
                        input = valid(random, 0);
                        break;
                    case 1:
                    case 2:
                        input = mutate(random, valid(random, 0));
                        break;
                    default:
                        input = noise(random);
                        break;
                }
                counts[check(input)]++;
            }
            for (String extreme : extremes()) {
                counts[check(extreme)]++;
            }
        });
        System.out.printf("filter fuzz: %d inputs, %d parsed and evaluated, %d failed binding, %d failed parsing%n",
                counts[0] + counts[1] + counts[2], counts[0], counts[1], counts[2]);
        assertThat(counts[0] + counts[1] + counts[2]).isGreaterThanOrEqualTo(INPUTS);
        assertThat(counts[0]).as("inputs that parsed, bound and evaluated").isGreaterThan(INPUTS / 10);
        assertThat(counts[1]).as("inputs that parsed but failed binding").isGreaterThan(INPUTS / 50);
        assertThat(counts[2]).as("inputs that failed parsing").isGreaterThan(INPUTS / 10);
    }

    /** Returns 0 when the input evaluated, 1 when binding failed, 2 when parsing failed. */
    private static int check(String input) {
        FilterNode node;
        try {
            node = FilterParser.parse(input);
        } catch (InvalidQueryException e) {
            documented(e, input);
            return 2;
        } catch (Throwable t) {
            throw new AssertionError("Parsing " + show(input) + " threw " + t, t);
        }
        try {
            RowPredicate p = FilterBinder.bind(input, node, "Fuzz", ATTRIBUTES);
            KeyExtractor.customerIds(node, "Id", DataType.STRING);
            for (RowValues row : ROWS) {
                p.test(row);
            }
            return 0;
        } catch (InvalidQueryException e) {
            documented(e, input);
            return 1;
        } catch (Throwable t) {
            throw new AssertionError("Binding or evaluating " + show(input) + " threw " + t, t);
        }
    }

    private static void documented(InvalidQueryException e, String input) {
        assertThat(e.getKind()).isNotNull();
        assertThat(e.getMessage()).isNotBlank();
        assertThat(e.getPosition()).as(show(input)).isBetween(-1, Math.max(input.length(), FilterParser.MAX_LENGTH));
    }

    private static String valid(Random r, int depth) {
        int choice = depth > 4 ? r.nextInt(3) : r.nextInt(9);
        switch (choice) {
            case 0:
                return atom(r) + " " + OPS[r.nextInt(OPS.length)] + " " + atom(r);
            case 1:
            case 8:
                String[] typed = TYPED[r.nextInt(TYPED.length)];
                String literal = typed[1 + r.nextInt(typed.length - 1)];
                String op = literal.equals("null") ? OPS[r.nextInt(2)] : OPS[r.nextInt(OPS.length)];
                return r.nextBoolean() ? typed[0] + " " + op + " " + literal : literal + " " + op + " " + typed[0];
            case 2:
                return r.nextBoolean() ? "Active" : "contains(" + atom(r) + ", " + atom(r) + ")";
            case 3:
                return valid(r, depth + 1) + (r.nextBoolean() ? " and " : " or ") + valid(r, depth + 1);
            case 4:
                return "not " + valid(r, depth + 1);
            case 5:
                return "(" + valid(r, depth + 1) + ")";
            case 6:
                StringBuilder b = new StringBuilder(atom(r)).append(" in (").append(atom(r));
                for (int k = r.nextInt(4); k > 0; k--) {
                    b.append(", ").append(atom(r));
                }
                return b.append(")").toString();
            default:
                String fn = r.nextBoolean() ? "startswith" : "endswith";
                return fn + "(" + atom(r) + "," + atom(r) + ") " + OPS[r.nextInt(2)] + " " + atom(r);
        }
    }

    private static String atom(Random r) {
        return ATOMS[r.nextInt(ATOMS.length)];
    }

    private static String mutate(Random r, String s) {
        StringBuilder b = new StringBuilder(s);
        for (int k = 1 + r.nextInt(3); k > 0; k--) {
            int at = b.length() == 0 ? 0 : r.nextInt(b.length() + 1);
            switch (r.nextInt(6)) {
                case 0:
                    if (at < b.length()) {
                        b.deleteCharAt(at);
                    }
                    break;
                case 1:
                    b.insert(at, NOISE[r.nextInt(NOISE.length)]);
                    break;
                case 2:
                    if (at < b.length()) {
                        b.setCharAt(at, (char) r.nextInt(0x3000));
                    }
                    break;
                case 3:
                    b.setLength(at);
                    break;
                case 4:
                    String copy = b.substring(r.nextInt(b.length() + 1));
                    b.insert(at, copy);
                    break;
                default:
                    if (at + 1 < b.length()) {
                        char c = b.charAt(at);
                        b.setCharAt(at, b.charAt(at + 1));
                        b.setCharAt(at + 1, c);
                    }
                    break;
            }
        }
        return b.toString();
    }

    private static String noise(Random r) {
        StringBuilder b = new StringBuilder();
        for (int k = r.nextInt(12); k >= 0; k--) {
            b.append(r.nextInt(4) == 0 ? atom(r) : NOISE[r.nextInt(NOISE.length)]);
            if (r.nextBoolean()) {
                b.append(' ');
            }
        }
        return b.toString();
    }

    private static List<String> extremes() {
        return List.of("(".repeat(100_000), ")".repeat(100_000), "not ".repeat(5_000) + "Active",
                "'".repeat(16_383), "Id eq '" + "x".repeat(1_000_000) + "'",
                "Id in (" + "'a',".repeat(4_000) + "'b')", "Active" + " and Active".repeat(1_600),
                "Score eq " + "9".repeat(10_000), "contains(".repeat(40) + "Id", "\uFFFF\uFFFE\uD800", "");
    }

    private static final RowValues[] ROWS = {
        values("c-1", 0.5, 42L, true, LocalDate.of(2024, 5, 1), OffsetDateTime.parse("2024-05-01T00:00:00Z"), "x"),
        values("O'Neil", -1.0, -1L, false, LocalDate.of(2020, 1, 1), OffsetDateTime.parse("2020-01-01T00:00:00Z"),
                ""),
        values(null, null, null, null, null, null, null)};

    private static RowValues values(Object... v) {
        return column -> v[column];
    }

    private static String show(String s) {
        String cut = s.length() > 120 ? s.substring(0, 120) + "…(" + s.length() + " chars)" : s;
        StringBuilder b = new StringBuilder("\"");
        cut.chars().forEach(c -> b.append(c < 32 || c > 126 ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return b.append('"').toString();
    }

}
