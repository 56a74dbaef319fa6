package dev.custommodels.implementation.run;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Formats values into CSV fields (RFC 4180: a field holding a comma, quote or line break is quoted, quotes
 * doubled; a null value is an empty field, an empty string is {@code ""}). Numbers are plain decimals, never in
 * exponent form; dates and times are ISO-8601.
 */
final class CsvText {
    /** The characters that make a field quoted, as bits: {@code , " \n \r}. */
    private static final long SPECIAL = (1L << ',') | (1L << '"') | (1L << '\n') | (1L << '\r');
    private CsvText() {
    }

    /** Appends one value, typed as {@code TypeLattice.convert} returns them, or any object as its text. */
    static void appendValue(StringBuilder b, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof String s) {
            appendText(b, s);
        } else if (v instanceof Long l) {
            b.append(l.longValue());
        } else if (v instanceof Double d) {
            appendDouble(b, d);
        } else if (v instanceof BigDecimal d) {
            b.append(d.toPlainString());
        } else if (v instanceof Boolean x) {
            b.append(x.booleanValue());
        } else if (v instanceof LocalDate d) {
            b.append(d);
        } else if (v instanceof LocalDateTime t) {
            DateTimeFormatter.ISO_LOCAL_DATE_TIME.formatTo(t, b);
        } else if (v instanceof OffsetDateTime t) {
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.formatTo(t, b);
        } else {
            appendText(b, v.toString());
        }
    }

    /** Appends text, quoted when it must be. */
    static void appendText(StringBuilder b, String s) {
        if (s.isEmpty()) {
            b.append("\"\"");
            return;
        }
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 64 && ((SPECIAL >>> c) & 1) != 0) {
                appendQuoted(b, s);
                return;
            }
        }
        b.append(s);
    }

    private static void appendQuoted(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                b.append('"');
            }
            b.append(c);
        }
        b.append('"');
    }

    private static void appendDouble(StringBuilder b, double d) {
        if (!Double.isFinite(d)) {
            return; // NaN and infinities are missing values for a model
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            b.append((long) d).append(".0");
            return;
        }
        int start = b.length();
        b.append(d);
        for (int i = start; i < b.length(); i++) {
            if (b.charAt(i) == 'E') {
                b.setLength(start);
                b.append(BigDecimal.valueOf(d).toPlainString());
                return;
            }
        }
    }
}
