package dev.custommodels.testkit.emulator.studio;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The model behind an emulated web service: scores one input row. Output columns the result does not hold are
 * echoed from the input row when it has them, as Studio experiments that select input columns into the output do.
 */
@FunctionalInterface
public interface StudioModel {

    /**
     * Scores one row.
     *
     * @param row the input row by column name, values as text (empty when missing)
     * @param parameters the global parameters with defaults applied
     * @return the output values by column name
     */
    Map<String, String> score(Map<String, String> row, Map<String, String> parameters);

    /**
     * Adapts a function of the row alone.
     *
     * @param function the function
     * @return the model
     */
    static StudioModel of(Function<Map<String, String>, Map<String, String>> function) {
        Objects.requireNonNull(function, "function");
        return (row, parameters) -> function.apply(row);
    }

    /**
     * A deterministic logistic model over numeric fields: {@code p = 1 / (1 + e^-(bias + Σ weight·value))}, with
     * {@code Scored Probabilities = p} and {@code Scored Labels = 1} when {@code p} reaches the global parameter
     * {@code threshold} (0.5 when absent), else {@code 0}. Missing or empty values count as 0.
     *
     * @param weights the weight of each numeric field
     * @param bias the intercept
     * @return the model
     */
    static StudioModel logistic(Map<String, Double> weights, double bias) {
        String[] fields = weights.keySet().toArray(new String[0]);
        double[] w = new double[fields.length];
        for (int i = 0; i < fields.length; i++) {
            w[i] = weights.get(fields[i]);
        }
        return (row, parameters) -> {
            double z = bias;
            for (int i = 0; i < fields.length; i++) {
                String v = row.get(fields[i]);
                if (v != null && !v.isEmpty()) {
                    z += w[i] * Double.parseDouble(v);
                }
            }
            double p = 1.0 / (1.0 + Math.exp(-z));
            String threshold = parameters.get("threshold");
            Map<String, String> out = new LinkedHashMap<>(4);
            out.put("Scored Labels", p >= (threshold == null ? 0.5 : Double.parseDouble(threshold)) ? "1" : "0");
            out.put("Scored Probabilities", Double.toString(p));
            return out;
        };
    }
}
