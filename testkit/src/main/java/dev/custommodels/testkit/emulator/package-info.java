/** A framework for emulated Azure services: in process and over loopback, with fault injection and a request record. */
package dev.custommodels.testkit.emulator;
