package dev.custommodels.implementation.output.filter;

import dev.custommodels.implementation.output.filter.FilterLexer.Kind;
import dev.custommodels.implementation.output.filter.FilterLexer.Token;
import dev.custommodels.implementation.output.filter.FilterNode.CompareOp;
import dev.custommodels.implementation.output.filter.FilterNode.Function;
import dev.custommodels.implementation.output.filter.FilterNode.LiteralKind;
import dev.custommodels.output.InvalidQueryException;
import dev.custommodels.output.QueryErrorKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recursive-descent parser of the filter subset. Grammar, lowest precedence first:
 *
 * <pre>
 * filter     := or EOF
 * or         := and ('or' and)*
 * and        := unary ('and' unary)*
 * unary      := 'not' unary | comparison
 * comparison := operand (('eq'|'ne'|'gt'|'ge'|'lt'|'le') operand | 'in' '(' literal (',' literal)* ')')?
 * operand    := literal | function '(' operand ',' operand ')' | attribute | '(' or ')'
 * </pre>
 *
 * <p>Bounded: at most {@value #MAX_LENGTH} characters and {@value #MAX_DEPTH} levels of parentheses, {@code not}
 * and function calls, so every input finishes in time linear in its length. {@code and} and {@code or} chains
 * are flattened, so a long chain does not deepen the tree.
 */
public final class FilterParser {
    /** The longest filter accepted, in characters. */
    public static final int MAX_LENGTH = 16_384;
    /** The deepest nesting accepted. */
    public static final int MAX_DEPTH = 64;

    private static final Set<String> OPERATORS = Set.of("eq", "ne", "gt", "ge", "lt", "le");
    private static final Set<String> KEYWORDS = Set.of("eq", "ne", "gt", "ge", "lt", "le", "and", "or", "not", "in");
    private static final Set<String> UNSUPPORTED_FUNCTIONS = Set.of("tolower", "toupper", "length", "indexof",
            "substring", "trim", "concat", "year", "month", "day", "hour", "minute", "second", "date", "time",
            "now", "round", "floor", "ceiling", "cast", "isof", "matchespattern", "any", "all", "has");

    private final String text;
    private final List<Token> tokens;
    private int next;

    private FilterParser(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    /**
     * Parses a filter.
     *
     * @param filter the text
     * @return the tree
     * @throws InvalidQueryException if the text is not a filter of the subset, or exceeds the limits
     */
    public static FilterNode parse(String filter) {
        if (filter == null || filter.isBlank()) {
            throw new InvalidQueryException(QueryErrorKind.SYNTAX, 0, "Malformed filter at position 0: expected a "
                    + "condition but found an empty filter. Leave the filter unset to read every row.");
        }
        if (filter.length() > MAX_LENGTH) {
            throw new InvalidQueryException(QueryErrorKind.TOO_COMPLEX, MAX_LENGTH, "The filter has "
                    + filter.length() + " characters, more than the " + MAX_LENGTH + " accepted. For many Customer "
                    + "IDs, query in batches of CustomerId in (...).");
        }
        FilterParser p = new FilterParser(filter, FilterLexer.tokenize(filter));
        FilterNode node = p.or(0);
        Token t = p.peek();
        if (t.kind() != Kind.EOF) {
            throw p.error(t, t.kind() == Kind.RPAREN ? "'and', 'or' or the end of the filter (this ')' has no "
                    + "matching '(')" : "'and', 'or' or the end of the filter");
        }
        return node;
    }

    private FilterNode or(int depth) {
        int start = peek().start();
        List<FilterNode> terms = new ArrayList<>();
        terms.add(and(depth));
        while (isKeyword(peek(), "or")) {
            next++;
            terms.add(and(depth));
        }
        return terms.size() == 1 ? terms.get(0) : new FilterNode.Or(terms, start);
    }

    private FilterNode and(int depth) {
        int start = peek().start();
        List<FilterNode> terms = new ArrayList<>();
        terms.add(unary(depth));
        while (isKeyword(peek(), "and")) {
            next++;
            terms.add(unary(depth));
        }
        return terms.size() == 1 ? terms.get(0) : new FilterNode.And(terms, start);
    }

    private FilterNode unary(int depth) {
        Token t = peek();
        if (isKeyword(t, "not")) {
            next++;
            checkDepth(depth + 1, t);
            return new FilterNode.Not(unary(depth + 1), t.start());
        }
        return comparison(depth);
    }

    private FilterNode comparison(int depth) {
        FilterNode left = operand(depth);
        Token t = peek();
        if (t.kind() == Kind.IDENT && OPERATORS.contains(t.text())) {
            next++;
            FilterNode right = operand(depth);
            return new FilterNode.Compare(CompareOp.valueOf(t.text().toUpperCase(Locale.ROOT)), left, right,
                    t.start());
        }
        if (isKeyword(t, "in")) {
            next++;
            return new FilterNode.In(left, list(), t.start());
        }
        if (t.kind() == Kind.IDENT && KEYWORDS.contains(t.text().toLowerCase(Locale.ROOT))
                && !KEYWORDS.contains(t.text())) {
            throw error(t, "an operator in lower case ('" + t.text().toLowerCase(Locale.ROOT) + "')");
        }
        return left;
    }

    private List<FilterNode.Literal> list() {
        expect(Kind.LPAREN, "'(' to start the list of values after 'in'");
        List<FilterNode.Literal> values = new ArrayList<>();
        while (true) {
            Token t = peek();
            FilterNode.Literal literal = literal(t);
            if (literal == null) {
                throw error(t, "a literal value in the 'in' list");
            }
            next++;
            values.add(literal);
            Token sep = peek();
            if (sep.kind() == Kind.COMMA) {
                next++;
            } else if (sep.kind() == Kind.RPAREN) {
                next++;
                return values;
            } else {
                throw error(sep, "',' or ')' in the 'in' list");
            }
        }
    }

    private FilterNode operand(int depth) {
        Token t = peek();
        FilterNode.Literal literal = literal(t);
        if (literal != null) {
            next++;
            return literal;
        }
        if (t.kind() == Kind.LPAREN) {
            next++;
            checkDepth(depth + 1, t);
            FilterNode inner = or(depth + 1);
            expect(Kind.RPAREN, "')' to close the '(' at position " + t.start());
            return inner;
        }
        if (t.kind() == Kind.IDENT) {
            if (KEYWORDS.contains(t.text())) {
                throw error(t, "an attribute, a literal or '('");
            }
            if (tokens.get(next + 1).kind() == Kind.LPAREN) {
                return call(t, depth);
            }
            next++;
            return new FilterNode.Attr(t.text(), t.start());
        }
        throw error(t, "an attribute, a literal or '('");
    }

    private FilterNode call(Token name, int depth) {
        Function function;
        switch (name.text()) {
            case "contains":
                function = Function.CONTAINS;
                break;
            case "startswith":
                function = Function.STARTSWITH;
                break;
            case "endswith":
                function = Function.ENDSWITH;
                break;
            default:
                String lower = name.text().toLowerCase(Locale.ROOT);
                String why = UNSUPPORTED_FUNCTIONS.contains(lower) ? "is not supported"
                        : Set.of("contains", "startswith", "endswith").contains(lower)
                        ? "is written in lower case ('" + lower + "')" : "is not a known function";
                throw new InvalidQueryException(QueryErrorKind.SYNTAX, name.start(), "Malformed filter at position "
                        + name.start() + ": the function '" + name.text() + "' " + why + ". Supported functions: "
                        + "contains, startswith, endswith." + FilterErrors.context(text));
        }
        next += 2;
        checkDepth(depth + 1, name);
        FilterNode subject = operand(depth + 1);
        expect(Kind.COMMA, "',' between the two arguments of " + name.text());
        FilterNode argument = operand(depth + 1);
        expect(Kind.RPAREN, "')' to close " + name.text() + "(");
        return new FilterNode.Call(function, subject, argument, name.start());
    }

    private static FilterNode.Literal literal(Token t) {
        switch (t.kind()) {
            case STRING:
                return new FilterNode.Literal(LiteralKind.STRING, t.value(), t.text(), t.start());
            case NUMBER:
                return new FilterNode.Literal(t.value() instanceof Long ? LiteralKind.INTEGER : LiteralKind.DECIMAL,
                        t.value(), t.text(), t.start());
            case DATE:
                return new FilterNode.Literal(LiteralKind.DATE, (LocalDate) t.value(), t.text(), t.start());
            case DATETIME:
                return new FilterNode.Literal(LiteralKind.DATETIME, t.value(), t.text(), t.start());
            case IDENT:
                switch (t.text()) {
                    case "true":
                        return new FilterNode.Literal(LiteralKind.BOOLEAN, Boolean.TRUE, t.text(), t.start());
                    case "false":
                        return new FilterNode.Literal(LiteralKind.BOOLEAN, Boolean.FALSE, t.text(), t.start());
                    case "null":
                        return new FilterNode.Literal(LiteralKind.NULL, null, t.text(), t.start());
                    default:
                        return null;
                }
            default:
                return null;
        }
    }

    private void checkDepth(int depth, Token at) {
        if (depth > MAX_DEPTH) {
            throw new InvalidQueryException(QueryErrorKind.TOO_COMPLEX, at.start(), "The filter nests deeper than "
                    + MAX_DEPTH + " levels at position " + at.start() + " (parentheses, 'not' and function calls "
                    + "count); simplify it." + FilterErrors.context(text));
        }
    }

    private void expect(Kind kind, String what) {
        Token t = peek();
        if (t.kind() != kind) {
            throw error(t, what);
        }
        next++;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private static boolean isKeyword(Token t, String keyword) {
        return t.kind() == Kind.IDENT && t.text().equals(keyword);
    }

    private InvalidQueryException error(Token t, String expected) {
        return FilterErrors.syntax(text, t.start(), expected, describe(t));
    }

    private static String describe(Token t) {
        switch (t.kind()) {
            case EOF:
                return "the end of the filter";
            case STRING:
                String shown = t.text().length() > 40 ? t.text().substring(0, 40) + "…'" : t.text();
                return "the string " + shown;
            case NUMBER:
                return "the number " + t.text();
            case DATE:
            case DATETIME:
                return "the date " + t.text();
            default:
                String word = t.text().length() > 40 ? t.text().substring(0, 40) + "…" : t.text();
                return "'" + word + "'";
        }
    }
}
