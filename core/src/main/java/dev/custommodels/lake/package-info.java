/** The local filesystem lake store, the embedded default. */
package dev.custommodels.lake;
