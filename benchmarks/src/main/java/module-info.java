/** The measured workloads of custom-models, one runnable jar. */
module dev.custommodels.benchmarks {
    requires dev.custommodels.core;
    requires dev.custommodels.examples;
    requires java.management;
    requires dev.custommodels.testkit;
    requires dev.custommodels.connectors.pipeline;
    requires com.fasterxml.jackson.databind;

    exports dev.custommodels.benchmarks;

    uses dev.custommodels.benchmarks.Workload;
    requires dev.custommodels.storage;
    requires com.azure.storage.blob;
    requires com.azure.http.netty;
    requires reactor.netty.http;
    requires reactor.netty.core;
    requires io.netty.codec.http;
    uses dev.custommodels.spi.ConnectorProvider;
}
