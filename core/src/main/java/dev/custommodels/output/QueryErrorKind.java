package dev.custommodels.output;

/** What is wrong with a query; see {@link InvalidQueryException#getKind()}. */
public enum QueryErrorKind {
    /** The filter is not well formed: the message names the position and what was expected there. */
    SYNTAX,
    /** The filter or the selection names an attribute the entity does not have; the message lists those it has. */
    UNKNOWN_ATTRIBUTE,
    /** Two sides of a comparison, or a function's arguments, have types that cannot be compared. */
    TYPE_MISMATCH,
    /** The filter is longer or nested deeper than the parser accepts. */
    TOO_COMPLEX
}
