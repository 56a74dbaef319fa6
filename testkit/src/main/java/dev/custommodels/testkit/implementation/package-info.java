/** Internals of the testkit shared by its servers; not exported, not for use outside the testkit. */
package dev.custommodels.testkit.implementation;
