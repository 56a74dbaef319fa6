/**
 * The measured workloads of custom-models and the {@link dev.custommodels.benchmarks.Benchmarks} entry point that
 * runs them by name. Each {@link dev.custommodels.benchmarks.Workload} is found through {@link java.util.ServiceLoader}
 * and prints the figures it measures.
 */
package dev.custommodels.benchmarks;
