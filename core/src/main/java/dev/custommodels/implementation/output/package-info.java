/**
 * Internal code of output entities: the writer, the CDM manifest codec, partition indexes, the query executor.
 * Not exported; subject to change without notice.
 */
package dev.custommodels.implementation.output;
