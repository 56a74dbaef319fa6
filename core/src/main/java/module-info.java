/**
 * The core of custom-models: client, domain model, mapping engine, runs, output entities, SPIs and the local
 * lake.
 */
module dev.custommodels.core {
    requires transitive com.azure.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires transitive java.sql;

    exports dev.custommodels.models;
    exports dev.custommodels.spi;
    exports dev.custommodels.entities;
    exports dev.custommodels.lake;
    exports dev.custommodels;
    exports dev.custommodels.spi.azure;
    exports dev.custommodels.output;
    exports dev.custommodels.mapping;

    opens dev.custommodels.implementation to com.fasterxml.jackson.databind;
    opens dev.custommodels.implementation.run to com.fasterxml.jackson.databind;

    uses dev.custommodels.spi.ConnectorProvider;
}
