/** Abstract contract test suites that every connector and lake store implementation subclasses. */
package dev.custommodels.testkit.contract;
