/**
 * Test support for hosts and connector authors: {@link dev.custommodels.testkit.FakeTokenCredential}, which issues
 * tokens the emulators accept, and {@link dev.custommodels.testkit.TestConnectorContext}, a connector context
 * without a client. The emulators are in {@code dev.custommodels.testkit.emulator} and its subpackages, the SPI
 * contract suites in {@code dev.custommodels.testkit.contract}, and the JUnit 5 extension for host applications'
 * tests in {@code dev.custommodels.testkit.junit}.
 */
package dev.custommodels.testkit;
