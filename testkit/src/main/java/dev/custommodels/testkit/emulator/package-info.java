/**
 * A framework for emulated Azure services. An {@link dev.custommodels.testkit.emulator.Emulator} hosts
 * {@link dev.custommodels.testkit.emulator.EmulatedService}s in process (an azure-core {@code HttpClient}) and over
 * loopback (a real HTTP server on 127.0.0.1), injects faults by rule
 * ({@link dev.custommodels.testkit.emulator.FaultInjector}, {@link dev.custommodels.testkit.emulator.FaultPlan},
 * {@link dev.custommodels.testkit.emulator.Fault}) and records every request for assertions.
 */
package dev.custommodels.testkit.emulator;
