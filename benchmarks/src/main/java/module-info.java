/** The measured workloads of custom-models, one runnable jar. */
module dev.custommodels.benchmarks {
    requires dev.custommodels.core;
    requires java.management;
    requires dev.custommodels.testkit;
    requires dev.custommodels.connectors.pipeline;
    requires com.fasterxml.jackson.databind;

    exports dev.custommodels.benchmarks;

    uses dev.custommodels.benchmarks.Workload;
}
