/** The Studio (classic) connector's internals: not exported, not an API. */
package dev.custommodels.connectors.studio.implementation;
