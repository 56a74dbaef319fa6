package dev.custommodels.examples;

import dev.custommodels.models.RunResult;
import dev.custommodels.models.Workflow;
import dev.custommodels.output.OutputRow;
import java.nio.file.Path;
import java.util.List;

/**
 * What the quickstart produced.
 *
 * @param workflow the saved workflow
 * @param run the run's result
 * @param lookup the rows the Customer ID query returned
 * @param report the HTML report
 */
public record QuickstartResult(Workflow workflow, RunResult run, List<OutputRow> lookup, Path report) {

    /**
     * Copies the rows.
     *
     * @param workflow the saved workflow
     * @param run the run's result
     * @param lookup the rows the Customer ID query returned
     * @param report the HTML report
     */
    public QuickstartResult {
        lookup = List.copyOf(lookup);
    }
}
