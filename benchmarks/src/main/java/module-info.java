/** The measured workloads of custom-models, one runnable jar. */
module dev.custommodels.benchmarks {
    requires dev.custommodels.core;

    exports dev.custommodels.benchmarks;

    uses dev.custommodels.benchmarks.Workload;
    requires dev.custommodels.testkit;
    requires com.azure.http.netty;
    uses dev.custommodels.spi.ConnectorProvider;
    requires java.management;
}
