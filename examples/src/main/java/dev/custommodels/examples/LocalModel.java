package dev.custommodels.examples;

import dev.custommodels.models.DataType;
import dev.custommodels.models.ModelField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A logistic regression that scores in the host's JVM, served by {@link LocalModelConnectorProvider}: its input
 * is an id field and one numeric field per weight, its output the id and a {@value #SCORE} in (0, 1).
 *
 * @param name the model's name, its service id
 * @param idField the input field that identifies a row, copied to the output
 * @param weights the weight of each numeric input field, in field order; empty for a model not trained yet
 * @param bias the intercept
 */
public record LocalModel(String name, String idField, Map<String, Double> weights, double bias) {
    /** The output column with the score. */
    public static final String SCORE = "Score";

    /**
     * Checks the parts and copies the weights.
     *
     * @param name the model's name, its service id
     * @param idField the input field that identifies a row
     * @param weights the weight of each numeric input field, in field order
     * @param bias the intercept
     * @throws IllegalArgumentException if a name is blank or a weight is not finite
     */
    public LocalModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idField, "idField");
        if (name.isBlank() || idField.isBlank()) {
            throw new IllegalArgumentException("A local model needs a name and an id field.");
        }
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        weights.forEach((field, w) -> {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("The weight of field '" + field + "' must be finite, was " + w);
            }
        });
    }

    /**
     * A spend propensity model over a customer's yearly spend, income and number of children.
     *
     * @return the model
     */
    public static LocalModel spendPropensity() {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("spend", 0.0006);
        weights.put("income", 0.000012);
        weights.put("children", -0.25);
        return new LocalModel("spend-propensity", "customer", weights, -2.5);
    }

    /**
     * Tells whether the model has weights to score with.
     *
     * @return {@code true} when trained
     */
    public boolean isTrained() {
        return !weights.isEmpty();
    }

    /**
     * Returns the input fields: the id as text, then each weighted field as a number.
     *
     * @return the fields
     */
    public List<ModelField> inputFields() {
        List<ModelField> fields = new ArrayList<>();
        fields.add(ModelField.of(idField, DataType.STRING));
        weights.keySet().forEach(f -> fields.add(ModelField.of(f, DataType.NUMBER)));
        return fields;
    }

    /**
     * Returns the output columns.
     *
     * @return the id field and {@value #SCORE}
     */
    public List<ModelField> outputColumns() {
        return List.of(ModelField.of(idField, DataType.STRING), ModelField.of(SCORE, DataType.NUMBER));
    }

    /**
     * Scores one row; an empty value counts as 0.
     *
     * @param value the row's text value of each input field
     * @return the score in (0, 1)
     * @throws IllegalArgumentException naming the field when a value is not a number
     */
    public double score(UnaryOperator<String> value) {
        double z = bias;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            String text = value.apply(w.getKey());
            try {
                z += w.getValue() * (text == null || text.isBlank() ? 0 : Double.parseDouble(text.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Field '" + w.getKey() + "' of row '" + value.apply(idField)
                        + "' is not a number: '" + text + "'.", e);
            }
        }
        return 1 / (1 + Math.exp(-z));
    }
}
