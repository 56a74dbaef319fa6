package dev.custommodels.testkit.emulator.batch;

import java.util.Objects;

/**
 * A deployment of an emulated batch endpoint: a model deployment (a model version, scored row by row) or a
 * pipeline-component deployment (a component version whose data outputs get the scored rows). Its settings can
 * be changed while the emulator serves.
 */
public final class EmulatedBatchDeployment {
    /** The kind of a deployment. */
    public enum Kind {
        /** A model deployment. */
        MODEL,
        /** A pipeline-component deployment. */
        PIPELINE_COMPONENT
    }

    /** How a model deployment lays out the rows of its output file. */
    public enum OutputLayout {
        /** The no-code MLflow layout: {@code row,prediction,file_name}, no header. */
        MLFLOW,
        /** A custom scoring script that returns each input row's values followed by the prediction, no header. */
        VALUES_AND_PREDICTION
    }

    private final String name;
    private final Kind kind;
    private final String assetId;
    private volatile String provisioningState = "Succeeded";
    private volatile int errorThreshold = -1;
    private volatile String outputAction = "AppendRow";
    private volatile String outputFileName = "predictions.csv";
    private volatile int miniBatchSize = 10;
    private volatile String scoringScript;
    private volatile OutputLayout layout = OutputLayout.MLFLOW;
    private volatile BatchScorer scorer = BatchScorer.logisticOfNumbers();
    private volatile int failEveryNthRow;

    EmulatedBatchDeployment(String name, Kind kind, String assetId) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.assetId = assetId;
    }

    /**
     * Returns the deployment name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the kind.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the model version id (model deployments) or component version id (pipeline deployments), or
     * {@code null} for a deployment of neither kind.
     *
     * @return the asset id
     */
    public String assetId() {
        return assetId;
    }

    /**
     * Sets the provisioning state (default {@code Succeeded}).
     *
     * @param state such as {@code Creating} or {@code Failed}
     * @return this
     */
    public EmulatedBatchDeployment provisioningState(String state) {
        this.provisioningState = Objects.requireNonNull(state, "state");
        return this;
    }

    /**
     * Returns the provisioning state.
     *
     * @return the state
     */
    public String provisioningState() {
        return provisioningState;
    }

    /**
     * Sets the error threshold: how many failed rows a job tolerates before it fails; -1 (the default) tolerates
     * any number, so a job with failed rows still ends {@code Completed} with those rows missing.
     *
     * @param threshold the threshold, at least -1
     * @return this
     */
    public EmulatedBatchDeployment errorThreshold(int threshold) {
        if (threshold < -1) {
            throw new IllegalArgumentException("The error threshold must be -1 or more.");
        }
        this.errorThreshold = threshold;
        return this;
    }

    /**
     * Returns the error threshold.
     *
     * @return the threshold
     */
    public int errorThreshold() {
        return errorThreshold;
    }

    /**
     * Sets the output action: {@code AppendRow} (the default) writes the predictions file, {@code SummaryOnly}
     * leaves the output to the script's own files in a folder.
     *
     * @param action the action
     * @return this
     */
    public EmulatedBatchDeployment outputAction(String action) {
        this.outputAction = Objects.requireNonNull(action, "action");
        return this;
    }

    /**
     * Returns the output action.
     *
     * @return the action
     */
    public String outputAction() {
        return outputAction;
    }

    /**
     * Sets the output file name used when a job passes no explicit output (default {@code predictions.csv}).
     *
     * @param fileName the file name
     * @return this
     */
    public EmulatedBatchDeployment outputFileName(String fileName) {
        this.outputFileName = Objects.requireNonNull(fileName, "fileName");
        return this;
    }

    /**
     * Returns the output file name.
     *
     * @return the file name
     */
    public String outputFileName() {
        return outputFileName;
    }

    /**
     * Sets how many input files make one mini-batch (default 10). Mini-batches are appended to the output in
     * reverse order, as the service does not keep row order across mini-batches.
     *
     * @param files files per mini-batch, at least 1
     * @return this
     */
    public EmulatedBatchDeployment miniBatchSize(int files) {
        if (files < 1) {
            throw new IllegalArgumentException("A mini-batch holds at least one file.");
        }
        this.miniBatchSize = files;
        return this;
    }

    /**
     * Returns the mini-batch size.
     *
     * @return files per mini-batch
     */
    public int miniBatchSize() {
        return miniBatchSize;
    }

    /**
     * Gives the deployment a custom scoring script, whose output rows are the input values followed by the
     * prediction; {@code null} makes it a no-code (MLflow) deployment again.
     *
     * @param script the script name, such as {@code batch_driver.py}, or {@code null}
     * @return this
     */
    public EmulatedBatchDeployment scoringScript(String script) {
        this.scoringScript = script;
        this.layout = script == null ? OutputLayout.MLFLOW : OutputLayout.VALUES_AND_PREDICTION;
        return this;
    }

    /**
     * Returns the custom scoring script.
     *
     * @return the script, or {@code null} for a no-code deployment
     */
    public String scoringScript() {
        return scoringScript;
    }

    /**
     * Returns the output layout, which follows from the scoring script.
     *
     * @return the layout
     */
    public OutputLayout layout() {
        return layout;
    }

    /**
     * Sets the model function (default {@link BatchScorer#logisticOfNumbers()}).
     *
     * @param function the function
     * @return this
     */
    public EmulatedBatchDeployment scorer(BatchScorer function) {
        this.scorer = Objects.requireNonNull(function, "function");
        return this;
    }

    /**
     * Returns the model function.
     *
     * @return the function
     */
    public BatchScorer scorer() {
        return scorer;
    }

    /**
     * Makes every n-th input row (counted over the whole job, from 1) fail to score: the partial-failure fault.
     * With the default error threshold the job still ends {@code Completed}, without those rows.
     *
     * @param n the period; 0 turns the fault off
     * @return this
     */
    public EmulatedBatchDeployment failEveryNthRow(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative.");
        }
        this.failEveryNthRow = n;
        return this;
    }

    /**
     * Returns the period of failing rows.
     *
     * @return the period, 0 when off
     */
    public int failEveryNthRow() {
        return failEveryNthRow;
    }
}
