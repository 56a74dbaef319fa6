package dev.custommodels.connectors.batch.implementation;

import dev.custommodels.connectors.batch.BatchEndpointOptions;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.spi.JobRequest;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.StagedInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans one submission: stages the inputs into a new attempt folder of the datastore and builds the invoke body's
 * {@code InputData} and {@code OutputData}, with an explicit new output location for every readable output.
 *
 * <p>Folder layout in the datastore: {@code custom-models/runs/<workflow>/<run>/attempt-<n>/inputs/<input>/…} and
 * {@code …/attempt-<n>/outputs/<output>/…}.
 */
final class Submission {
    /**
     * What the invoke sends and what the handle records.
     *
     * @param inputData the {@code InputData} map
     * @param outputData the {@code OutputData} map
     * @param outputUri the output to collect
     * @param outputIsFolder whether it is a folder
     * @param inputUri the data input rows are compared with
     */
    record Plan(Map<String, Object> inputData, Map<String, Object> outputData, String outputUri,
            boolean outputIsFolder, String inputUri) {
    }

    private Submission() {
    }

    /** The datastore folder of a run (all its attempts), ending with {@code /}. */
    static String runFolder(JobRequest request) {
        return BatchEndpointOptions.STAGING_ROOT + "/" + segment(request.workflowId()) + "/"
                + segment(request.runId()) + "/";
    }

    static Plan planModel(LakeStore lake, LakeStore store, String datastore, String folder, JobRequest request,
            String outputFileName) {
        if (request.inputs().size() != 1) {
            throw new CustomModelsException("A model deployment takes exactly one data input, but run "
                    + request.runId() + " stages " + request.inputs().size() + ": "
                    + request.inputs().stream().map(StagedInput::input).toList() + ".");
        }
        if (!request.parameters().isEmpty()) {
            throw new CustomModelsException("A model deployment takes no parameters, but run " + request.runId()
                    + " sets " + request.parameters().keySet() + ". Remove them from the workflow.");
        }
        String inputFolder = modelInputFolder(folder);
        InputStager.toFolder(lake, store, inputFolder, request.inputs().get(0));
        String inputUri = new DatastorePath(datastore, inputFolder).uri();
        String outputUri = new DatastorePath(datastore, modelOutputFile(folder, outputFileName)).uri();
        return new Plan(Map.of(BatchEndpointOptions.MODEL_INPUT_NAME, port("JobInputType", "UriFolder", inputUri)),
                Map.of(BatchEndpointOptions.MODEL_OUTPUT_NAME, port("JobOutputType", "UriFile", outputUri)),
                outputUri, false, inputUri);
    }

    static Plan planPipeline(LakeStore lake, LakeStore store, String datastore, String folder, JobRequest request,
            ComponentSpec spec) {
        Map<String, Object> inputData = new LinkedHashMap<>();
        String firstInput = null;
        for (StagedInput input : request.inputs()) {
            ComponentSpec.Port port = spec.inputs().stream().filter(p -> p.name().equals(input.input()) && p.isData())
                    .findFirst().orElseThrow(() -> new CustomModelsException("Pipeline component '" + spec.name()
                            + "' has no data input named '" + input.input() + "'. Its data inputs: "
                            + spec.dataInputs().stream().map(ComponentSpec.Port::name).toList() + "."));
            String path = dataPath(folder + "inputs/", port);
            if (port.type().equals("uri_file")) {
                InputStager.toFile(lake, store, path, input);
            } else {
                InputStager.toFolder(lake, store, path, input);
            }
            String uri = new DatastorePath(datastore, path).uri();
            inputData.put(port.name(), port("JobInputType", port.jobType(), uri));
            firstInput = firstInput == null ? uri : firstInput;
        }
        request.parameters().forEach((name, value) -> {
            ComponentSpec.Port port = spec.inputs().stream().filter(p -> p.name().equals(name) && !p.isData())
                    .findFirst().orElseThrow(() -> new CustomModelsException("Pipeline component '" + spec.name()
                            + "' has no parameter named '" + name + "'. Its parameters: " + spec.inputs().stream()
                            .filter(p -> !p.isData()).map(ComponentSpec.Port::name).toList() + "."));
            inputData.put(name, port.isLiteral() ? port("JobInputType", "Literal", "Value", value)
                    : port("JobInputType", port.jobType(), value));
        });
        ComponentSpec.Port chosen = chosenOutput(spec, request.output().modelOutput());
        Map<String, Object> outputData = new LinkedHashMap<>();
        for (ComponentSpec.Port o : spec.readableOutputs()) {
            outputData.put(o.name(), port("JobOutputType", o.jobType(),
                    new DatastorePath(datastore, dataPath(folder + "outputs/", o)).uri()));
        }
        String outputUri = new DatastorePath(datastore, dataPath(folder + "outputs/", chosen)).uri();
        return new Plan(inputData, outputData, outputUri, !chosen.type().equals("uri_file"), firstInput);
    }

    /** The output a pipeline workflow reads: the one its settings name, else the first readable one. */
    static ComponentSpec.Port chosenOutput(ComponentSpec spec, String name) {
        List<ComponentSpec.Port> readable = spec.readableOutputs();
        if (name == null) {
            return readable.stream().findFirst().orElseThrow(() -> new CustomModelsException("Pipeline component '"
                    + spec.name() + "' has no uri_folder or uri_file output to read results from."));
        }
        Optional<ComponentSpec.Port> p = readable.stream().filter(o -> o.name().equals(name)).findFirst();
        return p.orElseThrow(() -> new CustomModelsException("Pipeline component '" + spec.name() + "' has no"
                + " readable output named '" + name + "'. Readable outputs: "
                + readable.stream().map(ComponentSpec.Port::name).toList() + "."));
    }

    static String modelInputFolder(String folder) {
        return folder + "inputs/" + BatchEndpointOptions.MODEL_INPUT_NAME + "/";
    }

    static String modelOutputFile(String folder, String outputFileName) {
        return folder + "outputs/" + BatchEndpointOptions.MODEL_OUTPUT_NAME + "/" + outputFileName;
    }

    static String dataPath(String parent, ComponentSpec.Port port) {
        return port.type().equals("uri_file") ? parent + port.name() + "/" + port.name() + ".csv"
                : parent + port.name() + "/";
    }

    private static Map<String, Object> port(String typeKey, String type, String uri) {
        return port(typeKey, type, "Uri", uri);
    }

    private static Map<String, Object> port(String typeKey, String type, String valueKey, String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(typeKey, type);
        m.put(valueKey, value);
        return m;
    }

    /** Makes an id safe as one datastore path segment. */
    static String segment(String id) {
        String s = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.equals(".") || s.equals("..") || s.isEmpty() ? "_" + s : s;
    }
}
