/**
 * Output entities: the scored results of runs, kept as versioned Common Data Model folders in the lake and read
 * back with OData-style queries.
 *
 * <p>{@link dev.custommodels.output.OutputEntityClient} (built by
 * {@link dev.custommodels.output.OutputEntityClientBuilder}
 * over any {@link dev.custommodels.spi.LakeStore}) opens an {@link dev.custommodels.output.OutputEntityWriter} per
 * run, whose {@code commit()} makes the version visible atomically, and answers
 * {@link dev.custommodels.output.OutputQueryOptions queries} with a {@code PagedIterable} of
 * {@link dev.custommodels.output.OutputRow}s. A filter on the Customer ID with {@code eq} or {@code in} reads a
 * few kilobytes through a per-partition index instead of the table.
 */
package dev.custommodels.output;
