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
import java.util.Locale;
import java.util.Map;

/**
 * The emulated Azure ML workspace of the scheduled-refresh example: two published pipelines on one pipeline
 * service. {@code customer-churn} scores customers (the quickstart's churn model); {@code retention-offers} reads
 * churn scores and proposes a retention offer per customer, so its workflow reads the churn workflow's output.
 */
public final class RefreshPipelinesBackend implements EmulatedBackend {
    /** The endpoint of the churn-scoring pipeline. */
    public static final String CHURN_ENDPOINT = ChurnPipelineBackend.ENDPOINT;
    /** The endpoint of the retention-offers pipeline. */
    public static final String OFFERS_ENDPOINT = "retention-offers";
    /** The column of the offers model's output that carries the offer's code. */
    public static final String OFFER_CODE_COLUMN = "OfferCode";
    /** The column of the offers model's output that carries the offer's value in euros. */
    public static final String OFFER_VALUE_COLUMN = "OfferValue";

    private static final String CHURN_SAMPLE_PATH = "samples/churn-input.csv";
    private static final String CHURN_SAMPLE = "CustomerId,gender,annual_income,is_member,total_spend,num_children,"
            + "city,loyalty_level,region\r\n"
            + "c-1,F,64250.5,true,2310.75,2,Dublin,Gold,IE\r\n"
            + "c-2,M,38900.0,false,410.2,0,Austin,,US\r\n";
    private static final String OFFERS_SAMPLE_PATH = "samples/offers-input.csv";
    private static final String OFFERS_SAMPLE = "CustomerId,ChurnScore,WillChurn\r\n"
            + "c-1,0.8123,true\r\n"
            + "c-2,0.1200,false\r\n";

    @Override
    public String connector() {
        return "aml-pipeline";
    }

    @Override
    public void install(BackendSetup setup) {
        setup.datastore().write(CHURN_SAMPLE_PATH, CHURN_SAMPLE.getBytes(StandardCharsets.UTF_8),
                WriteCondition.none());
        setup.datastore().write(OFFERS_SAMPLE_PATH, OFFERS_SAMPLE.getBytes(StandardCharsets.UTF_8),
                WriteCondition.none());
        PipelineEmulator pipelines = new PipelineEmulator(setup.arm());
        setup.service(pipelines);
        setup.workspaceModel(CHURN_ENDPOINT, pipelines.publishEndpoint(setup.workspace(), CHURN_ENDPOINT,
                batchScoring("churn-batch-inference", new ChurnPipelineBackend.ChurnModel(), CHURN_SAMPLE_PATH,
                        "churn-scores/")));
        setup.workspaceModel(OFFERS_ENDPOINT, pipelines.publishEndpoint(setup.workspace(), OFFERS_ENDPOINT,
                batchScoring("retention-offers-inference", new OffersModel(), OFFERS_SAMPLE_PATH,
                        "retention-offers/")));
        setup.option("aml-pipeline.servicePrincipalObjectId", setup.servicePrincipalId());
    }

    private static PipelineDefinition batchScoring(String name, PipelineModel model, String samplePath,
            String outputPath) {
        return PipelineDefinition.batchScoring(name, model)
                .withInputs(List.of(new PipelineDefinition.DataPathParameter("input_data",
                        CustomModelsTestEnvironment.DATASTORE_NAME, samplePath)), List.of())
                .withParameters(List.of(
                        new PipelineDefinition.Parameter("output_datastore", "String",
                                CustomModelsTestEnvironment.DATASTORE_NAME),
                        new PipelineDefinition.Parameter("output_path", "String", outputPath)));
    }

    /**
     * Chooses a retention offer from a churn score: the likelier the customer is to leave, the larger the
     * discount; customers not expected to leave get none.
     */
    static final class OffersModel implements PipelineModel {
        @Override
        public List<String> outputColumns(List<String> inputColumns) {
            return List.of(ChurnPipelineBackend.ID_COLUMN, OFFER_CODE_COLUMN, OFFER_VALUE_COLUMN);
        }

        @Override
        public List<String> score(Map<String, String> row) {
            double score = parse(row.get(ChurnPipelineBackend.SCORE_COLUMN));
            boolean willChurn = "true".equalsIgnoreCase(row.get("WillChurn"));
            String code = offerCode(score, willChurn);
            double value = switch (code) {
                case "RETAIN-20" -> 20 + Math.round(score * 30);
                case "RETAIN-10" -> 10;
                default -> 0;
            };
            return List.of(row.getOrDefault(ChurnPipelineBackend.ID_COLUMN, ""), code,
                    String.format(Locale.ROOT, "%.2f", value));
        }

        /**
         * Returns the offer code the model gives a score, for checks against its output.
         *
         * @param score the churn score
         * @param willChurn the churn flag
         * @return the offer code
         */
        static String offerCode(double score, boolean willChurn) {
            return willChurn || score >= 0.5 ? "RETAIN-20" : score >= 0.3 ? "RETAIN-10" : "NONE";
        }

        private static double parse(String text) {
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
