/**
 * Lake stores on Azure Storage: {@link dev.custommodels.storage.DataLakeLakeStore} on Data Lake Storage Gen2
 * (hierarchical namespace, atomic rename) and {@link dev.custommodels.storage.BlobLakeStore} on the Blob API
 * (plain accounts, and Gen2 accounts through the Blob API), each built by its builder, plus
 * {@link dev.custommodels.storage.DatastoreResolver}, which opens a store on a container a remote service names.
 */
package dev.custommodels.storage;
