/**
 * Starts the Azurite storage emulator (blob service, in memory, on a free loopback port) for tests and
 * benchmarks: {@link dev.custommodels.testkit.azurite.AzuriteLauncher} for direct use and
 * {@link dev.custommodels.testkit.azurite.AzuriteExtension} for JUnit 5, which shares one Azurite per test JVM.
 *
 * <p>Azurite is installed by the testkit build from the pinned {@code testkit/azurite/package.json} with
 * {@code npm ci}; Node.js 20 or newer must be on the {@code PATH}.
 */
package dev.custommodels.testkit.azurite;
