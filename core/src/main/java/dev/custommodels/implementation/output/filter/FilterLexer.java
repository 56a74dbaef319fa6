package dev.custommodels.implementation.output.filter;

import dev.custommodels.output.InvalidQueryException;
import dev.custommodels.output.QueryErrorKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Splits a filter into tokens. Linear in the input; every failure is an {@link InvalidQueryException}. */
final class FilterLexer {
    enum Kind { IDENT, STRING, NUMBER, DATE, DATETIME, LPAREN, RPAREN, COMMA, EOF }

    record Token(Kind kind, String text, Object value, int start) {
    }

    private final String s;
    private int i;

    private FilterLexer(String s) {
        this.s = s;
    }

    static List<Token> tokenize(String filter) {
        return new FilterLexer(filter).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= s.length()) {
                tokens.add(new Token(Kind.EOF, "", null, s.length()));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = i;
        char c = s.charAt(i);
        if (c == '(') {
            i++;
            return new Token(Kind.LPAREN, "(", null, start);
        }
        if (c == ')') {
            i++;
            return new Token(Kind.RPAREN, ")", null, start);
        }
        if (c == ',') {
            i++;
            return new Token(Kind.COMMA, ",", null, start);
        }
        if (c == '\'') {
            return string();
        }
        if (isDigit(c) || (c == '-' && i + 1 < s.length() && (isDigit(s.charAt(i + 1))
                || s.charAt(i + 1) == '.'))) {
            return looksLikeDate() ? dateOrDateTime() : number();
        }
        if (Character.isLetter(c) || c == '_') {
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            return new Token(Kind.IDENT, s.substring(start, i), null, start);
        }
        throw FilterErrors.syntax(s, start, "an attribute, a literal, an operator or a parenthesis",
                "the character " + FilterErrors.showChar(c));
    }

    private Token string() {
        int start = i;
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
            if (i >= s.length()) {
                throw new InvalidQueryException(QueryErrorKind.SYNTAX, start, "Malformed filter at position "
                        + start + ": the string literal starting there is never closed; end it with ' (a quote "
                        + "inside a string is written twice: 'O''Neil')." + FilterErrors.context(s));
            }
            char c = s.charAt(i++);
            if (c == '\'') {
                if (i < s.length() && s.charAt(i) == '\'') {
                    b.append('\'');
                    i++;
                    continue;
                }
                return new Token(Kind.STRING, s.substring(start, i), b.toString(), start);
            }
            b.append(c);
        }
    }

    private boolean looksLikeDate() {
        int j = i;
        int digits = 0;
        while (j < s.length() && isDigit(s.charAt(j))) {
            j++;
            digits++;
        }
        return digits == 4 && j + 1 < s.length() && s.charAt(j) == '-' && isDigit(s.charAt(j + 1));
    }

    private Token dateOrDateTime() {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || ":.+-".indexOf(s.charAt(i)) >= 0)) {
            i++;
        }
        String text = s.substring(start, i);
        if (text.indexOf('T') < 0 && text.indexOf('t') < 0) {
            try {
                return new Token(Kind.DATE, text, LocalDate.parse(text), start);
            } catch (DateTimeParseException e) {
                throw FilterErrors.syntax(s, start, "a date such as 2024-05-01", "'" + text + "'");
            }
        }
        try {
            return new Token(Kind.DATETIME, text, OffsetDateTime.parse(text), start);
        } catch (DateTimeParseException e) {
            if (parsesAsLocal(text)) {
                throw new InvalidQueryException(QueryErrorKind.SYNTAX, start, "Malformed filter at position "
                        + start + ": the date-time " + text + " has no offset; add Z for UTC or an offset such as "
                        + "+02:00." + FilterErrors.context(s));
            }
            throw FilterErrors.syntax(s, start, "a date-time such as 2024-05-01T00:00:00Z", "'" + text + "'");
        }
    }

    private static boolean parsesAsLocal(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private Token number() {
        int start = i;
        if (s.charAt(i) == '-') {
            i++;
        }
        boolean decimal = false;
        digits();
        if (i < s.length() && s.charAt(i) == '.') {
            decimal = true;
            i++;
            digits();
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            decimal = true;
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            if (digits() == 0) {
                throw FilterErrors.syntax(s, i, "the digits of an exponent", FilterErrors.showAt(s, i));
            }
        }
        if (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                || s.charAt(i) == '.')) {
            throw FilterErrors.syntax(s, i, "a space, an operator or a parenthesis after the number "
                    + s.substring(start, i), FilterErrors.showAt(s, i));
        }
        String text = s.substring(start, i);
        if (text.equals("-") || text.equals("-.") || text.equals(".")) {
            throw FilterErrors.syntax(s, start, "a number", "'" + text + "'");
        }
        if (!decimal) {
            try {
                return new Token(Kind.NUMBER, text, Long.parseLong(text), start);
            } catch (NumberFormatException tooBig) {
                decimal = true;
            }
        }
        double d;
        try {
            d = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw FilterErrors.syntax(s, start, "a number", "'" + text + "'");
        }
        if (!Double.isFinite(d)) {
            throw new InvalidQueryException(QueryErrorKind.SYNTAX, start, "Malformed filter at position " + start
                    + ": the number " + text + " is out of range." + FilterErrors.context(s));
        }
        return new Token(Kind.NUMBER, text, d, start);
    }

    private int digits() {
        int n = 0;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
            n++;
        }
        return n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
