/** The measured workloads of custom-models, one runnable jar. */
module dev.custommodels.benchmarks {
    requires dev.custommodels.core;

    exports dev.custommodels.benchmarks;

    uses dev.custommodels.benchmarks.Workload;

    provides dev.custommodels.benchmarks.Workload with dev.custommodels.benchmarks.LookupWorkload;
}
