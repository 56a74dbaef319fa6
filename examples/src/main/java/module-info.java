/** Runnable examples of custom-models. */
module dev.custommodels.examples {
    requires dev.custommodels.core;
    requires dev.custommodels.testkit;
    requires dev.custommodels.connectors.pipeline;

    exports dev.custommodels.examples;
}
