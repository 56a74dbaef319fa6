package dev.custommodels.implementation.output.filter;

import dev.custommodels.output.InvalidQueryException;
import dev.custommodels.output.QueryErrorKind;

/** Builds the messages of {@link InvalidQueryException}. */
final class FilterErrors {
    private FilterErrors() {
    }

    static InvalidQueryException syntax(String filter, int position, String expected, String found) {
        return new InvalidQueryException(QueryErrorKind.SYNTAX, position, "Malformed filter at position " + position
                + ": expected " + expected + " but found " + found + "." + context(filter));
    }

    static String context(String filter) {
        String shown = filter.length() > 200 ? filter.substring(0, 200) + "…" : filter;
        StringBuilder b = new StringBuilder(" Filter: \"");
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            b.append(Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return b.append('"').toString();
    }

    static String showChar(char c) {
        return Character.isISOControl(c) || Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT
                ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    static String showAt(String s, int i) {
        return i >= s.length() ? "the end of the filter" : showChar(s.charAt(i));
    }
}
