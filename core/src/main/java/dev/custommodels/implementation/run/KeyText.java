package dev.custommodels.implementation.run;

import java.math.BigDecimal;

/** The text form in which entity keys and result IDs are compared. */
final class KeyText {
    private KeyText() {
    }

    /**
     * Returns a key's text: stripped text, integers in decimal, whole decimals without a fraction.
     *
     * @param key an entity key value or a result ID
     * @return the text, or {@code null} for a missing key
     */
    static String of(Object key) {
        if (key == null) {
            return null;
        }
        String s;
        if (key instanceof BigDecimal d) {
            s = d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        } else if (key instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            s = Long.toString(d.longValue());
        } else {
            s = key.toString().strip();
        }
        return s.isEmpty() ? null : s;
    }
}
