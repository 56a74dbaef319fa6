/** The mapping engine: explainable name-and-type mapping of model fields to entity attributes. */
package dev.custommodels.mapping;
