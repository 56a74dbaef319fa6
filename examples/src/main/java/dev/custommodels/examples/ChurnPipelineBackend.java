package dev.custommodels.examples;

import dev.custommodels.spi.WriteCondition;
import dev.custommodels.testkit.emulator.pipeline.PipelineDefinition;
import dev.custommodels.testkit.emulator.pipeline.PipelineEmulator;
import dev.custommodels.testkit.emulator.pipeline.PipelineModel;
import dev.custommodels.testkit.junit.BackendSetup;
import dev.custommodels.testkit.junit.CustomModelsTestEnvironment;
import dev.custommodels.testkit.junit.EmulatedBackend;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The quickstart's emulated Azure ML workspace: a published churn-scoring pipeline whose model really scores
 * each customer (a logistic function of the fields), and a legacy pipeline that cannot be used because it has no
 * parameter for the output datastore.
 */
public final class ChurnPipelineBackend implements EmulatedBackend {
    /** The endpoint of the usable pipeline. */
    public static final String ENDPOINT = "customer-churn";
    /** The endpoint of the pipeline that cannot be used. */
    public static final String LEGACY_ENDPOINT = "customer-churn-v1";
    /** The column of the model's output that carries the Customer ID. */
    public static final String ID_COLUMN = "CustomerId";
    /** The column of the model's output that carries the score. */
    public static final String SCORE_COLUMN = "ChurnScore";

    private static final String SAMPLE_PATH = "samples/churn-input.csv";
    private static final String SAMPLE = "CustomerId,gender,annual_income,is_member,total_spend,num_children,"
            + "city,loyalty_level,region\r\n"
            + "c-1,F,64250.5,true,2310.75,2,Dublin,Gold,IE\r\n"
            + "c-2,M,38900.0,false,410.2,0,Austin,,US\r\n";

    @Override
    public String connector() {
        return "aml-pipeline";
    }

    @Override
    public void install(BackendSetup setup) {
        setup.datastore().write(SAMPLE_PATH, SAMPLE.getBytes(StandardCharsets.UTF_8), WriteCondition.none());
        PipelineEmulator pipelines = new PipelineEmulator(setup.arm());
        PipelineDefinition churn = PipelineDefinition.batchScoring("churn-batch-inference", new ChurnModel())
                .withInputs(List.of(new PipelineDefinition.DataPathParameter("input_data",
                        CustomModelsTestEnvironment.DATASTORE_NAME, SAMPLE_PATH)), List.of())
                .withParameters(List.of(
                        new PipelineDefinition.Parameter("output_datastore", "String",
                                CustomModelsTestEnvironment.DATASTORE_NAME),
                        new PipelineDefinition.Parameter("output_path", "String", "churn-scores/")));
        PipelineDefinition legacy = churn.withParameters(List.of(
                new PipelineDefinition.Parameter("output_path", "String", "churn-scores/")));
        setup.service(pipelines);
        setup.workspaceModel(ENDPOINT, pipelines.publishEndpoint(setup.workspace(), ENDPOINT, churn));
        setup.workspaceModel(LEGACY_ENDPOINT, pipelines.publishEndpoint(setup.workspace(), LEGACY_ENDPOINT, legacy));
        setup.option("aml-pipeline.servicePrincipalObjectId", setup.servicePrincipalId());
    }

    /** A churn model: members who spend much and have a high tier rarely leave. */
    static final class ChurnModel implements PipelineModel {
        private static final Map<String, Double> TIERS = Map.of("Bronze", 0.2, "Silver", 0.5, "Gold", 0.9,
                "Platinum", 1.3);

        @Override
        public List<String> outputColumns(List<String> inputColumns) {
            return List.of(ID_COLUMN, SCORE_COLUMN, "WillChurn");
        }

        @Override
        public List<String> score(Map<String, String> row) {
            double z = 1.1
                    - 0.00032 * number(row.get("total_spend"))
                    - 0.0000085 * number(row.get("annual_income"))
                    - ("true".equalsIgnoreCase(row.get("is_member")) ? 0.7 : 0.0)
                    - TIERS.getOrDefault(row.getOrDefault("loyalty_level", ""), 0.0)
                    + 0.15 * number(row.get("num_children"))
                    + ((row.getOrDefault(ID_COLUMN, "").hashCode() & 0xff) / 255.0 - 0.5) * 1.6;
            double p = 1.0 / (1.0 + Math.exp(-z));
            String score = String.format(java.util.Locale.ROOT, "%.4f", p);
            return List.of(row.getOrDefault(ID_COLUMN, ""), score, Boolean.toString(p >= 0.5));
        }

        private static double number(String text) {
            if (text == null || text.isBlank()) {
                return 0;
            }
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
