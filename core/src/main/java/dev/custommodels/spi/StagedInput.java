package dev.custommodels.spi;

import java.util.List;
import java.util.Objects;

/**
 * One model input, exported to the lake as CSV files with a header row of the model's field names.
 *
 * @param input the model input's name
 * @param paths the lake paths of the CSV files, in row order
 * @param columns the column names in order (the model's field names)
 * @param rowCount the number of data rows over all files
 */
public record StagedInput(String input, List<String> paths, List<String> columns, long rowCount) {

    /**
     * Copies the lists.
     *
     * @param input the model input's name
     * @param paths the lake paths of the CSV files, in row order
     * @param columns the column names in order (the model's field names)
     * @param rowCount the number of data rows over all files
     */
    public StagedInput {
        Objects.requireNonNull(input, "input");
        paths = List.copyOf(paths);
        columns = List.copyOf(columns);
    }
}
