/**
 * Fault injection on loopback: {@link dev.custommodels.testkit.faults.TcpFaultProxy} cuts connections in the
 * middle of a transfer, {@link dev.custommodels.testkit.faults.HttpFaultProxy} answers chosen requests with an
 * error status (such as 503) before letting them through. Both sit in front of any loopback server, such as
 * Azurite or an emulator, and count what they did so tests can assert the fault really happened.
 */
package dev.custommodels.testkit.faults;
