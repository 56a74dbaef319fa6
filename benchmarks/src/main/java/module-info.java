/** The measured workloads of custom-models, one runnable jar. */
module dev.custommodels.benchmarks {
    requires dev.custommodels.core;
    requires com.fasterxml.jackson.databind;
    requires java.management;

    exports dev.custommodels.benchmarks;

    uses dev.custommodels.benchmarks.Workload;
}
