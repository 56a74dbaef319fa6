package dev.custommodels.testkit.junit;

import dev.custommodels.spi.WriteCondition;
import dev.custommodels.testkit.emulator.pipeline.PipelineDefinition;
import dev.custommodels.testkit.emulator.pipeline.PipelineEmulator;
import dev.custommodels.testkit.emulator.pipeline.PipelineModel;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Azure Machine Learning pipeline endpoints in the seeded workspace, for the {@code aml-pipeline} connector:
 * <ul>
 *   <li>{@value #SCORING_ENDPOINT}, eligible: a batch scoring pipeline whose datapath input {@code input_data}
 *   defaults to {@value #SAMPLE_INPUT_PATH} in the workspace datastore (so its input columns are known:
 *   {@code CustomerId, SignupDate, IsMember, LoyaltyTier, AnnualIncome, TotalSpend, Children}), with the string
 *   parameters {@code output_datastore} and {@code output_path}; a run writes {@code CustomerId, ChurnScore,
 *   Churn};</li>
 *   <li>{@value #INELIGIBLE_ENDPOINT}, ineligible: the same pipeline with only one string parameter, so it is
 *   listed with the reason.</li>
 * </ul>
 * It sets the connector's service principal option to the environment's service principal.
 */
public final class AmlPipelineBackend implements EmulatedBackend {
    /** The connector name. */
    public static final String CONNECTOR = "aml-pipeline";
    /** The name of the eligible pipeline endpoint, and of its seeded model. */
    public static final String SCORING_ENDPOINT = "churn-scoring";
    /** The name of the ineligible pipeline endpoint, and of its seeded model. */
    public static final String INELIGIBLE_ENDPOINT = "churn-scoring-legacy";
    /** The pipelines' data input. */
    public static final String INPUT = "input_data";
    /** The column of the input and of the output that holds the Customer ID. */
    public static final String CUSTOMER_ID_COLUMN = "CustomerId";
    /** The pipeline parameter that takes the output datastore. */
    public static final String OUTPUT_DATASTORE_PARAMETER = "output_datastore";
    /** The pipeline parameter that takes the output path. */
    public static final String OUTPUT_PATH_PARAMETER = "output_path";
    /** Where the sample input lies in the workspace datastore. */
    public static final String SAMPLE_INPUT_PATH = "samples/customers.csv";
    /** The connector option that names the service principal; the value of the connector's constant. */
    public static final String SERVICE_PRINCIPAL_OPTION = "aml-pipeline.servicePrincipalObjectId";

    private static final String SAMPLE_INPUT = "CustomerId,SignupDate,IsMember,LoyaltyTier,AnnualIncome,TotalSpend,"
            + "Children\r\n"
            + "c-0001,2019-04-12,true,Gold,64250.50,2310.75,2\r\n"
            + "c-0002,2023-01-30,false,,38900.00,410.20,0\r\n"
            + "c-0003,2021-09-05,true,Silver,91200.25,5120.00,1\r\n";

    private PipelineEmulator pipelines;

    /** Creates the backend; {@link CustomModelsTest#backends()} calls this. */
    public AmlPipelineBackend() {
    }

    @Override
    public String connector() {
        return CONNECTOR;
    }

    @Override
    public void install(BackendSetup setup) {
        if (pipelines != null) {
            throw new IllegalStateException("This AmlPipelineBackend is installed already; give each environment"
                    + " a new instance.");
        }
        setup.datastore().write(SAMPLE_INPUT_PATH, SAMPLE_INPUT.getBytes(StandardCharsets.UTF_8),
                WriteCondition.none());
        pipelines = new PipelineEmulator(setup.arm());
        PipelineDefinition scoring = PipelineDefinition.batchScoring("churn-batch-score",
                PipelineModel.churn(CUSTOMER_ID_COLUMN)).withInputs(List.of(new PipelineDefinition.DataPathParameter(
                        INPUT, CustomModelsTestEnvironment.DATASTORE_NAME, SAMPLE_INPUT_PATH)), List.of())
                .withParameters(List.of(new PipelineDefinition.Parameter(OUTPUT_DATASTORE_PARAMETER, "String",
                                CustomModelsTestEnvironment.DATASTORE_NAME),
                        new PipelineDefinition.Parameter(OUTPUT_PATH_PARAMETER, "String", "churn-scores/"),
                        new PipelineDefinition.Parameter("threshold", "Double", "0.5")));
        PipelineDefinition legacy = scoring.withParameters(List.of(
                new PipelineDefinition.Parameter(OUTPUT_PATH_PARAMETER, "String", "churn-scores/")));
        setup.service(pipelines);
        setup.workspaceModel(SCORING_ENDPOINT, pipelines.publishEndpoint(setup.workspace(), SCORING_ENDPOINT,
                scoring));
        setup.workspaceModel(INELIGIBLE_ENDPOINT, pipelines.publishEndpoint(setup.workspace(), INELIGIBLE_ENDPOINT,
                legacy));
        setup.option(SERVICE_PRINCIPAL_OPTION, setup.servicePrincipalId());
    }

    /**
     * Returns the pipeline emulator, for run faults ({@link PipelineEmulator#nextRun}) and the runs submitted.
     *
     * @return the emulator
     * @throws IllegalStateException if the backend is not installed in an environment yet
     */
    public PipelineEmulator pipelines() {
        if (pipelines == null) {
            throw new IllegalStateException("The AmlPipelineBackend is not installed in an environment yet.");
        }
        return pipelines;
    }
}
