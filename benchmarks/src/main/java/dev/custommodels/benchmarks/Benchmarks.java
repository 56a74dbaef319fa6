package dev.custommodels.benchmarks;

import java.util.Arrays;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The entry point of the benchmarks jar: {@code java -jar custom-models-benchmarks.jar <workload> [args]}. */
public final class Benchmarks {
    private Benchmarks() {
    }

    /**
     * Runs the workload named by the first argument.
     *
     * @param args the workload name and its arguments
     * @throws Exception when the workload fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, Workload> workloads = new TreeMap<>();
        for (Workload w : ServiceLoader.load(Workload.class)) {
            workloads.put(w.name(), w);
        }
        Workload chosen = args.length == 0 ? null : workloads.get(args[0]);
        if (chosen == null) {
            System.err.println("Usage: java -jar custom-models-benchmarks.jar <workload> [args]");
            workloads.values().forEach(w -> System.err.println("  " + w.usage()));
            System.exit(2);
            return;
        }
        chosen.run(Arrays.copyOfRange(args, 1, args.length));
    }
}
