/** Internal JSON and HTTP helpers behind {@code dev.custommodels.spi.azure}; not exported. */
package dev.custommodels.implementation.azure;
