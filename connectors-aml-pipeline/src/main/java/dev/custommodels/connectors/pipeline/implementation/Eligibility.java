package dev.custommodels.connectors.pipeline.implementation;

import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ModelOutput;
import dev.custommodels.models.ModelParameter;
import dev.custommodels.models.ParameterKind;
import dev.custommodels.models.ServiceContract;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a pipeline endpoint can or cannot be used, answering "why can't I see my pipeline": the endpoint and its
 * default pipeline must be active, the pipeline needs a dataset or datapath parameter for the input, and two
 * string parameters for the output datastore and the output path.
 */
final class Eligibility {
    private Eligibility() {
    }

    /**
     * Lists every reason against an endpoint.
     *
     * @param endpoint the endpoint
     * @param pipeline its default pipeline, or {@code null} when it could not be found
     * @return the reasons, empty when the endpoint can be used
     */
    static List<String> reasons(EndpointInfo endpoint, PipelineInfo pipeline) {
        List<String> reasons = new ArrayList<>();
        if (!endpoint.active()) {
            reasons.add("the pipeline endpoint is " + endpoint.status() + "; enable it in Azure Machine Learning");
        }
        if (pipeline == null) {
            reasons.add("the endpoint has no default pipeline (default version " + endpoint.defaultVersion()
                    + " is not among its published pipelines)");
            return reasons;
        }
        if (!pipeline.active()) {
            reasons.add("its default pipeline '" + pipeline.name() + "' is " + pipeline.status()
                    + "; only an Active default pipeline can be run");
        }
        if (pipeline.data().isEmpty()) {
            reasons.add("its default pipeline has no dataset or datapath input parameter to take the input data");
        }
        List<PipelineInfo.Scalar> strings = pipeline.stringScalars();
        if (strings.isEmpty()) {
            reasons.add("its default pipeline has no string parameter that can take the output datastore, and none"
                    + " for the output path");
        } else if (strings.size() == 1) {
            reasons.add("its default pipeline has only one string parameter ('" + strings.get(0).name()
                    + "'); it needs one for the output datastore and another for the output path");
        }
        return reasons;
    }

    static String describe(List<String> reasons) {
        if (reasons.isEmpty()) {
            return null;
        }
        String joined = String.join("; ", reasons);
        return Character.toUpperCase(joined.charAt(0)) + joined.substring(1) + ".";
    }

    /**
     * The contract of a pipeline: its data parameters as inputs (with the columns of their default data where it
     * can be read), its parameters with types and defaults, and one output whose columns are known after a run.
     */
    static ServiceContract contract(PipelineInfo pipeline, java.util.function.Function<PipelineInfo.DataParam,
            ModelInput> inputs) {
        List<ModelInput> declared = pipeline.data().stream().map(inputs).collect(Collectors.toList());
        List<ModelParameter> parameters = new ArrayList<>();
        pipeline.scalars().forEach(s -> parameters.add(new ModelParameter(s.name(), ParameterKind.VALUE, s.type(),
                s.defaultValue())));
        pipeline.data().forEach(d -> parameters.add(new ModelParameter(d.name(), d.kind(), null,
                d.datastore() == null ? null : d.datastore() + "/" + d.relativePath())));
        return new ServiceContract(declared, parameters, List.of(new ModelOutput("output", List.of())));
    }
}
