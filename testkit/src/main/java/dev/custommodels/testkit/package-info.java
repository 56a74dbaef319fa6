/** Test support for hosts and connector authors: fake credentials, a connector context, a JUnit 5 extension. */
package dev.custommodels.testkit;
