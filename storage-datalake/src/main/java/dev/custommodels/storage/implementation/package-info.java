/** Internals of the Azure Storage lake stores: block streams, error mapping, signing. Not exported. */
package dev.custommodels.storage.implementation;
