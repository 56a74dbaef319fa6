/**
 * Internal code of the OData {@code $filter} subset: a lexer, a recursive-descent parser with length and depth
 * limits, and a binder that type-checks the tree against an entity's attributes and compiles it to a predicate.
 * Every failure is an {@link dev.custommodels.output.InvalidQueryException}.
 */
package dev.custommodels.implementation.output.filter;
