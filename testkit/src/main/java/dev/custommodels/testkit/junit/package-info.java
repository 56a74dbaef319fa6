/**
 * JUnit 5 support for host applications' own tests, and emulated Azure for examples.
 *
 * <p>{@link dev.custommodels.testkit.junit.CustomModelsTest @CustomModelsTest} on a test class starts a
 * {@link dev.custommodels.testkit.junit.CustomModelsTestEnvironment}: the ARM and model-backend emulators (in
 * process, or over loopback), a seeded tenant, subscription and workspace with eligible and ineligible models, a
 * datastore and a lake in a temporary directory, and a
 * {@link dev.custommodels.CustomModelsClientBuilder} wired to all of it, injected into test methods and fields.
 * Model backends plug in as {@link dev.custommodels.testkit.junit.EmulatedBackend}s; the Azure Machine Learning
 * pipeline backend is {@link dev.custommodels.testkit.junit.AmlPipelineBackend}.
 */
package dev.custommodels.testkit.junit;
