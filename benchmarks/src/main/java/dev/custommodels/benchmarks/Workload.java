package dev.custommodels.benchmarks;

/**
 * One measured workload of the benchmarks jar, selected by {@link #name()} on the command line. Each prints its
 * figures and ends with one summary line {@code <name>: key=value ...}.
 */
public interface Workload {

    /**
     * Returns the command that selects this workload.
     *
     * @return the name, such as {@code mapping}
     */
    String name();

    /**
     * Returns a one-line usage text.
     *
     * @return the usage, such as {@code mapping <bench.json>}
     */
    String usage();

    /**
     * Runs the workload.
     *
     * @param args the arguments after the command name
     * @throws Exception on failure; the jar exits non-zero
     */
    void run(String[] args) throws Exception;
}
