/** Interfaces for connector and lake store authors: model backends and storage. */
package dev.custommodels.spi;
