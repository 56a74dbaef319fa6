package dev.custommodels.testkit.emulator.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * A published pipeline as the emulator serves it: its scalar parameters, its datapath and dataset parameters, its
 * status, and the model its run executes.
 *
 * @param name the pipeline name
 * @param parameters the scalar parameters
 * @param dataPathParameters the datapath parameters (inputs given as datastore paths)
 * @param datasetParameters the names of dataset parameters
 * @param status {@code Active}, {@code Deprecated} or {@code Disabled}
 * @param model the model a run executes over its first data input
 * @param outputDatastoreParameter the parameter whose value names the datastore the run writes to, or
 *     {@code null} when the pipeline writes no output
 * @param outputPathParameter the parameter whose value is the folder the run writes to, or {@code null}
 */
public record PipelineDefinition(String name, List<Parameter> parameters, List<DataPathParameter> dataPathParameters,
        List<String> datasetParameters, String status, PipelineModel model, String outputDatastoreParameter,
        String outputPathParameter) {

    /**
     * A scalar pipeline parameter.
     *
     * @param name the name
     * @param type {@code String}, {@code Int}, {@code Double} or {@code Bool}
     * @param defaultValue the default as text
     */
    public record Parameter(String name, String type, String defaultValue) {
        /**
         * Checks the parts.
         *
         * @param name the pipeline name
         * @param defaultValue the default as text
         * @param type {@code String}, {@code Int}, {@code Double} or {@code Bool}
         */
        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * A datapath parameter with its default.
     *
     * @param name the name
     * @param datastore the default datastore name
     * @param relativePath the default path in the datastore
     */
    public record DataPathParameter(String name, String datastore, String relativePath) {
        /**
         * Checks the parts.
         *
         * @param name the pipeline name
         * @param datastore the default datastore name
         * @param relativePath the default path in the datastore
         */
        public DataPathParameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(datastore, "datastore");
            Objects.requireNonNull(relativePath, "relativePath");
        }
    }

    /**
     * Copies the lists and checks the parts.
     *
     * @param name the pipeline name
     * @param parameters the scalar parameters
     * @param dataPathParameters the datapath parameters (inputs given as datastore paths)
     * @param datasetParameters the names of dataset parameters
     * @param status {@code Active}, {@code Deprecated} or {@code Disabled}
     * @param model the model a run executes over its first data input
     * @param outputDatastoreParameter the parameter whose value names the datastore the run writes to, or
     *     {@code null} when the pipeline writes no output
     * @param outputPathParameter the parameter whose value is the folder the run writes to, or {@code null}
     */
    public PipelineDefinition {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
        dataPathParameters = List.copyOf(dataPathParameters);
        datasetParameters = List.copyOf(datasetParameters);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(model, "model");
    }

    /**
     * A batch scoring pipeline as Customer Insights expects it: a datapath input {@code input_data}, string
     * parameters {@code output_datastore} (default {@code workspaceblobstore}) and {@code output_path}, and a
     * numeric {@code threshold}.
     *
     * @param name the pipeline name
     * @param model the model
     * @return the definition
     */
    public static PipelineDefinition batchScoring(String name, PipelineModel model) {
        return new PipelineDefinition(name,
                List.of(new Parameter("output_datastore", "String", "workspaceblobstore"),
                        new Parameter("output_path", "String", "HotelChurnOutput/"),
                        new Parameter("threshold", "Double", "0.5")),
                List.of(new DataPathParameter("input_data", "workspaceblobstore", "samples/input.csv")),
                List.of(), "Active", model, "output_datastore", "output_path");
    }

    /**
     * Returns a copy with other scalar parameters.
     *
     * @param newParameters the parameters
     * @return the copy
     */
    public PipelineDefinition withParameters(List<Parameter> newParameters) {
        return new PipelineDefinition(name, newParameters, dataPathParameters, datasetParameters, status, model,
                outputDatastoreParameter, outputPathParameter);
    }

    /**
     * Returns a copy with other data inputs.
     *
     * @param dataPaths the datapath parameters
     * @param datasets the dataset parameter names
     * @return the copy
     */
    public PipelineDefinition withInputs(List<DataPathParameter> dataPaths, List<String> datasets) {
        return new PipelineDefinition(name, parameters, dataPaths, datasets, status, model,
                outputDatastoreParameter, outputPathParameter);
    }

    /**
     * Returns a copy with another status.
     *
     * @param newStatus {@code Active}, {@code Deprecated} or {@code Disabled}
     * @return the copy
     */
    public PipelineDefinition withStatus(String newStatus) {
        return new PipelineDefinition(name, parameters, dataPathParameters, datasetParameters, newStatus, model,
                outputDatastoreParameter, outputPathParameter);
    }

    /**
     * Returns a copy with another model.
     *
     * @param newModel the model
     * @return the copy
     */
    public PipelineDefinition withModel(PipelineModel newModel) {
        return new PipelineDefinition(name, parameters, dataPathParameters, datasetParameters, status, newModel,
                outputDatastoreParameter, outputPathParameter);
    }
}
