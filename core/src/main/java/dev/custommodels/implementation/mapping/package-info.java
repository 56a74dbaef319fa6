/**
 * Internals of the mapping engine: tokeniser and vocabulary, the prepared catalog index, the rule chain, the
 * Hungarian assignment, explanations, validation and value conversion. Not exported; subject to change.
 */
package dev.custommodels.implementation.mapping;
