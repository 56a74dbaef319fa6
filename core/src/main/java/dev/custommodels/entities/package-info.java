/**
 * Entity sources: the host's typed tables, streamed row by row and never held whole. An
 * {@link dev.custommodels.entities.EntitySource} pairs a schema with a {@link dev.custommodels.entities.RowCursor}
 * of {@link dev.custommodels.entities.Row}s; an {@link dev.custommodels.entities.EntityCatalog} lists the host's
 * entities for the client. Ready sources read from memory
 * ({@link dev.custommodels.entities.InMemoryEntitySource}), a CSV file
 * ({@link dev.custommodels.entities.CsvEntitySource}) and a SQL query
 * ({@link dev.custommodels.entities.JdbcEntitySource}).
 */
package dev.custommodels.entities;
