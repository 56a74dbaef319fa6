/**
 * Internals of the batch endpoint connector: ARM calls, contracts, eligibility, staging, invoke with job adoption,
 * polling and output collection. Not exported; nothing outside this module uses it.
 */
package dev.custommodels.connectors.batch.implementation;
