package dev.custommodels.implementation.output.filter;

import java.util.List;

/** A node of a parsed filter; {@link #position()} is the zero-based character where it starts in the text. */
public sealed interface FilterNode permits FilterNode.Literal, FilterNode.Attr, FilterNode.Compare, FilterNode.In,
        FilterNode.Call, FilterNode.And, FilterNode.Or, FilterNode.Not {

    /**
     * Returns where the node starts.
     *
     * @return the zero-based character position
     */
    int position();

    /** The kinds of literal. */
    enum LiteralKind {
        /** A quoted string; the value is a {@code String}. */
        STRING,
        /** A whole number that fits 64 bits; the value is a {@code Long}. */
        INTEGER,
        /** Any other number; the value is a {@code Double}. */
        DECIMAL,
        /** {@code true} or {@code false}; the value is a {@code Boolean}. */
        BOOLEAN,
        /** {@code null}; the value is {@code null}. */
        NULL,
        /** An ISO date; the value is a {@code LocalDate}. */
        DATE,
        /** An ISO date-time with offset; the value is an {@code OffsetDateTime}. */
        DATETIME
    }

    /** The comparison operators. */
    enum CompareOp {
        /** Equal. */
        EQ,
        /** Not equal. */
        NE,
        /** Greater than. */
        GT,
        /** Greater than or equal. */
        GE,
        /** Less than. */
        LT,
        /** Less than or equal. */
        LE
    }

    /** The string functions. */
    enum Function {
        /** {@code contains(a, b)}. */
        CONTAINS,
        /** {@code startswith(a, b)}. */
        STARTSWITH,
        /** {@code endswith(a, b)}. */
        ENDSWITH
    }

    /**
     * A literal.
     *
     * @param kind its kind
     * @param value its value
     * @param text its source text
     * @param position where it starts
     */
    record Literal(LiteralKind kind, Object value, String text, int position) implements FilterNode {
    }

    /**
     * An attribute reference.
     *
     * @param name the attribute name
     * @param position where it starts
     */
    record Attr(String name, int position) implements FilterNode {
    }

    /**
     * A comparison.
     *
     * @param op the operator
     * @param left the left operand
     * @param right the right operand
     * @param position where the operator is
     */
    record Compare(CompareOp op, FilterNode left, FilterNode right, int position) implements FilterNode {
    }

    /**
     * A membership test.
     *
     * @param left the value tested
     * @param values the literals
     * @param position where {@code in} is
     */
    record In(FilterNode left, List<Literal> values, int position) implements FilterNode {
        /** Copies the list. */
        public In {
            values = List.copyOf(values);
        }
    }

    /**
     * A string function call.
     *
     * @param function the function
     * @param subject the first argument
     * @param argument the second argument
     * @param position where the function name is
     */
    record Call(Function function, FilterNode subject, FilterNode argument, int position) implements FilterNode {
    }

    /**
     * A conjunction of two or more terms.
     *
     * @param terms the terms
     * @param position where the first term starts
     */
    record And(List<FilterNode> terms, int position) implements FilterNode {
        /** Copies the list. */
        public And {
            terms = List.copyOf(terms);
        }
    }

    /**
     * A disjunction of two or more terms.
     *
     * @param terms the terms
     * @param position where the first term starts
     */
    record Or(List<FilterNode> terms, int position) implements FilterNode {
        /** Copies the list. */
        public Or {
            terms = List.copyOf(terms);
        }
    }

    /**
     * A negation.
     *
     * @param operand the negated condition
     * @param position where {@code not} is
     */
    record Not(FilterNode operand, int position) implements FilterNode {
    }
}
