/**
 * The embedded default lake: {@link dev.custommodels.lake.LocalLakeStore} keeps all state (workflows, runs, output
 * entities) in a local directory, with atomic writes and ETag conditions, so several clients, in one process or
 * several, can share it.
 */
package dev.custommodels.lake;
