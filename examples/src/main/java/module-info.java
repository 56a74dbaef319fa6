/** Runnable examples of custom-models. */
module dev.custommodels.examples {
    requires dev.custommodels.core;
    requires transitive dev.custommodels.testkit;
    requires dev.custommodels.connectors.pipeline;
    requires com.azure.identity;

    exports dev.custommodels.examples;
}
