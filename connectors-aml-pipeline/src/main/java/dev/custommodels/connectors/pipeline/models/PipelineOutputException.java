package dev.custommodels.connectors.pipeline.models;

import dev.custommodels.models.CustomModelsException;
import java.util.List;

/**
 * A pipeline run finished but its output cannot be used: no files under the output path, no data rows, or no
 * Customer ID column. The message names the run, the datastore and path, and the columns found.
 */
public class PipelineOutputException extends CustomModelsException {
    private static final long serialVersionUID = 1L;

    /** The pipeline run id. */
    private final String runId;
    /** The output, as {@code datastore:path}. */
    private final String outputLocation;
    /** The columns of the output's header, empty when there was none. */
    private final List<String> columnsFound;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, where, and what to do
     * @param runId the pipeline run id
     * @param outputLocation the output, as {@code datastore:path}
     * @param columnsFound the columns of the output's header, empty when there was none
     */
    public PipelineOutputException(String message, String runId, String outputLocation, List<String> columnsFound) {
        super(message);
        this.runId = runId;
        this.outputLocation = outputLocation;
        this.columnsFound = List.copyOf(columnsFound);
    }

    /**
     * Returns the pipeline run id.
     *
     * @return the run id
     */
    public String getRunId() {
        return runId;
    }

    /**
     * Returns where the output was sought.
     *
     * @return {@code datastore:path}
     */
    public String getOutputLocation() {
        return outputLocation;
    }

    /**
     * Returns the columns of the output's header.
     *
     * @return the columns, empty when there was no header
     */
    public List<String> getColumnsFound() {
        return columnsFound;
    }
}
