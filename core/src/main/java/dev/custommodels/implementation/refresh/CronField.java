package dev.custommodels.implementation.refresh;

import java.util.List;
import java.util.Locale;

/**
 * One parsed field of a five-field cron expression: the set of allowed values as a bit mask, and whether the
 * field is restricted in the sense of crontab(5) (its text does not start with {@code *} and is not {@code ?}).
 */
final class CronField {
    private static final List<String> MONTH_NAMES =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAY_NAMES = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    /** The five fields in the order they are written. */
    enum Kind {
        MINUTE("minute", 0, 59, null, "0-59"),
        HOUR("hour", 0, 23, null, "0-23"),
        DAY_OF_MONTH("day-of-month", 1, 31, null, "1-31 or ?"),
        MONTH("month", 1, 12, MONTH_NAMES, "1-12 or JAN-DEC"),
        DAY_OF_WEEK("day-of-week", 0, 7, DAY_NAMES, "0-7 (0 and 7 are Sunday), SUN-SAT or ?");

        private final String label;
        private final int min;
        private final int max;
        private final List<String> names;
        private final String values;

        Kind(String label, int min, int max, List<String> names, String values) {
            this.label = label;
            this.min = min;
            this.max = max;
            this.names = names;
            this.values = values;
        }

        String label() {
            return label;
        }

        String allowed() {
            return values + ", with *, lists (a,b), ranges (a-b) and steps (*/n, a-b/n, a/n)";
        }

        boolean allowsQuestionMark() {
            return this == DAY_OF_MONTH || this == DAY_OF_WEEK;
        }
    }

    private final long bits;
    private final boolean restricted;

    private CronField(long bits, boolean restricted) {
        this.bits = bits;
        this.restricted = restricted;
    }

    /**
     * Parses one field.
     *
     * @param kind which field
     * @param text the field's text
     * @param expression the whole expression, for messages
     * @return the field
     * @throws IllegalArgumentException naming the expression, the field, the bad part and what is allowed
     */
    static CronField parse(Kind kind, String text, String expression) {
        Parser parser = new Parser(kind, text, expression);
        long bits = 0;
        for (String element : text.split(",", -1)) {
            bits |= parser.element(element);
        }
        if (kind == Kind.DAY_OF_WEEK && (bits & (1L << 7)) != 0) {
            bits = (bits & ~(1L << 7)) | 1L; // 7 is Sunday, like 0
        }
        boolean restricted = !(text.startsWith("*") || text.equals("?"));
        return new CronField(bits, restricted);
    }

    boolean has(int value) {
        return (bits & (1L << value)) != 0;
    }

    /**
     * Returns the smallest allowed value at or above {@code from}, or -1 when there is none.
     *
     * @param from the lowest value wanted, at most 63
     * @return the value or -1
     */
    int nextFrom(int from) {
        long rest = bits & (-1L << from);
        return rest == 0 ? -1 : Long.numberOfTrailingZeros(rest);
    }

    boolean restricted() {
        return restricted;
    }

    /** Parses the elements of one field, producing messages that name what is wrong. */
    private static final class Parser {
        private final Kind kind;
        private final String text;
        private final String expression;

        Parser(Kind kind, String text, String expression) {
            this.kind = kind;
            this.text = text;
            this.expression = expression;
        }

        long element(String element) {
            if (element.isEmpty()) {
                throw fail("an empty list element");
            }
            String[] stepParts = element.split("/", -1);
            if (stepParts.length > 2) {
                throw fail("'" + element + "' has more than one '/'");
            }
            String base = stepParts[0];
            if (base.equals("?")) {
                if (!kind.allowsQuestionMark()) {
                    throw fail("'?' is allowed only in day-of-month and day-of-week");
                }
                if (stepParts.length > 1 || !text.equals("?")) {
                    throw fail("'?' must stand alone");
                }
                return range(kind.min, kind.max, 1);
            }
            int low;
            int high;
            if (base.equals("*")) {
                low = kind.min;
                high = kind.max;
            } else if (base.contains("-")) {
                String[] ends = base.split("-", -1);
                if (ends.length != 2) {
                    throw fail("'" + base + "' is not a range like 1-5");
                }
                low = value(ends[0]);
                high = value(ends[1]);
                if (low > high) {
                    throw fail("the range " + base + " goes backwards; write it from low to high, or as a list");
                }
            } else {
                low = value(base);
                high = stepParts.length > 1 ? kind.max : low;
            }
            int step = stepParts.length > 1 ? step(stepParts[1]) : 1;
            return range(low, high, step);
        }

        private int step(String s) {
            if (s.isEmpty() || !s.chars().allMatch(Character::isDigit) || s.length() > 4) {
                throw fail("the step '" + s + "' is not a whole number");
            }
            int step = Integer.parseInt(s);
            int span = kind.max - kind.min;
            if (step < 1) {
                throw fail("the step must be at least 1");
            }
            if (step > span) {
                throw fail("the step " + step + " is larger than the field's range " + kind.min + "-" + kind.max
                        + "; for longer periods use a fixed-interval schedule");
            }
            return step;
        }

        private int value(String s) {
            if (s.isEmpty()) {
                throw fail("a range or step is missing a value");
            }
            if (s.chars().allMatch(Character::isDigit)) {
                int v = s.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(s);
                if (v < kind.min || v > kind.max) {
                    throw fail("the value " + s + " is out of range");
                }
                return v;
            }
            if (kind.names != null && s.chars().allMatch(Character::isLetter)) {
                int index = kind.names.indexOf(s.toUpperCase(Locale.ROOT));
                if (index < 0) {
                    throw fail("'" + s + "' is not a " + (kind == Kind.MONTH ? "month" : "day") + " name");
                }
                return kind == Kind.MONTH ? index + 1 : index;
            }
            throw fail("'" + s + "' is not " + (kind.names == null ? "a number" : "a number or a name")
                    + unsupportedHint(s));
        }

        private static String unsupportedHint(String s) {
            String upper = s.toUpperCase(Locale.ROOT);
            if (upper.contains("L") || upper.contains("W") || upper.contains("#")) {
                return " (the Quartz extensions L, W and # are not supported)";
            }
            return "";
        }

        private long range(int low, int high, int step) {
            long bits = 0;
            for (int v = low; v <= high; v += step) {
                bits |= 1L << v;
            }
            return bits;
        }

        private IllegalArgumentException fail(String problem) {
            return new IllegalArgumentException("Cron expression '" + expression + "': " + kind.label + " field '"
                    + text + "': " + problem + "; allowed: " + kind.allowed() + ".");
        }
    }
}
