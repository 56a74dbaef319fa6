/** Runnable examples of custom-models; the quickstart is the README's main command. */
package dev.custommodels.examples;
