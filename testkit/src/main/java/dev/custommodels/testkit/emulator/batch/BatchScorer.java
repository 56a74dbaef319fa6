package dev.custommodels.testkit.emulator.batch;

import java.util.Locale;
import java.util.Map;

/**
 * The model function of an emulated batch deployment: it scores one input row. Throwing fails the row, which
 * counts against the deployment's error threshold.
 */
@FunctionalInterface
public interface BatchScorer {

    /**
     * Scores one row.
     *
     * @param row the row's values by column name, in the input file's column order
     * @return the prediction as text
     * @throws RuntimeException to fail the row
     */
    String score(Map<String, String> row);

    /**
     * A deterministic churn-like rule: a logistic function of the sum of the row's numeric values, rounded to four
     * decimals. Non-numeric values are ignored.
     *
     * @return the scorer
     */
    static BatchScorer logisticOfNumbers() {
        return row -> {
            double sum = 0;
            for (String v : row.values()) {
                try {
                    sum += Double.parseDouble(v);
                } catch (NumberFormatException | NullPointerException e) {
                    // not a number: not a feature of this rule
                }
            }
            double p = 1.0 / (1.0 + Math.exp(-((sum % 10.0) - 5.0)));
            return String.format(Locale.ROOT, "%.4f", p);
        };
    }
}
