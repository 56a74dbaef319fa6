/** Values, options and exceptions of the public API. */
package dev.custommodels.models;
