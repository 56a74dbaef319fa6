/** Output entities: versioned CDM folders in the lake, read with OData-style filters. */
package dev.custommodels.output;
