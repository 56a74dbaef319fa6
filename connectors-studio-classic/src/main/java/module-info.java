/**
 * The Studio (classic) connector of custom-models: discovery of classic workspaces and web services, contracts
 * from swagger, request-response (RRS) scoring from the client and batch (BES) jobs.
 */
module dev.custommodels.connectors.studio {
    requires transitive dev.custommodels.core;
    requires com.fasterxml.jackson.databind;

    exports dev.custommodels.connectors.studio;

    opens dev.custommodels.connectors.studio.implementation to com.fasterxml.jackson.databind;

    provides dev.custommodels.spi.ConnectorProvider
            with dev.custommodels.connectors.studio.StudioClassicConnectorProvider;
}
