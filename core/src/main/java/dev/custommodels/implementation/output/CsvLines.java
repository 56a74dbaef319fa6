package dev.custommodels.implementation.output;

/**
 * Writes CSV records as the CDM folder declares them: comma-delimited, no header row, UTF-8, RFC 4180 quoting
 * ({@code QuoteStyle.Csv}). A null value is an empty field; an empty string is {@code ""}, so the two stay apart.
 */
public final class CsvLines {
    private CsvLines() {
    }

    /**
     * Appends one field.
     *
     * @param b the line being built
     * @param text the field's text, or {@code null} for a null value
     * @param first whether this is the first field of the line
     */
    public static void appendField(StringBuilder b, String text, boolean first) {
        if (!first) {
            b.append(',');
        }
        if (text == null) {
            return;
        }
        if (text.isEmpty() || needsQuotes(text)) {
            b.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    b.append('"');
                }
                b.append(c);
            }
            b.append('"');
        } else {
            b.append(text);
        }
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
