/**
 * Lake stores on Azure Data Lake Storage Gen2 and on the Azure Blob API.
 */
module dev.custommodels.storage {
    requires transitive dev.custommodels.core;
    requires com.azure.storage.blob;
    requires com.azure.storage.common;
    requires com.azure.storage.file.datalake;

    exports dev.custommodels.storage;
}
