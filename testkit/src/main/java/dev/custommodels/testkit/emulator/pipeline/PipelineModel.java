package dev.custommodels.testkit.emulator.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The model a pipeline run executes over its input rows; the emulator writes what it returns as CSV.
 */
public interface PipelineModel {

    /**
     * Returns the output columns for the given input columns.
     *
     * @param inputColumns the input's header
     * @return the output header
     */
    List<String> outputColumns(List<String> inputColumns);

    /**
     * Scores one input row.
     *
     * @param row the row by column name
     * @return the output values, in the order of {@link #outputColumns(List)}
     */
    List<String> score(Map<String, String> row);

    /**
     * A churn model: copies the id column and adds a deterministic {@code ChurnScore} in [0, 1) and a
     * {@code Churn} flag from the other values of the row.
     *
     * @param idColumn the input column that holds the Customer ID, copied to the output under the same name
     * @return the model
     */
    static PipelineModel churn(String idColumn) {
        return new PipelineModel() {
            @Override
            public List<String> outputColumns(List<String> inputColumns) {
                return List.of(idColumn, "ChurnScore", "Churn");
            }

            @Override
            public List<String> score(Map<String, String> row) {
                List<String> rest = new ArrayList<>();
                row.forEach((k, v) -> {
                    if (!k.equals(idColumn)) {
                        rest.add(v);
                    }
                });
                double score = Math.floorMod(String.join("|", rest).hashCode(), 1000) / 1000.0;
                return List.of(row.getOrDefault(idColumn, ""), Double.toString(score), Boolean.toString(score >= 0.5));
            }
        };
    }

    /**
     * A model whose output has no id column, to test outputs without the Customer ID.
     *
     * @return the model
     */
    static PipelineModel withoutIds() {
        return new PipelineModel() {
            @Override
            public List<String> outputColumns(List<String> inputColumns) {
                return List.of("Score");
            }

            @Override
            public List<String> score(Map<String, String> row) {
                return List.of("0.5");
            }
        };
    }
}
