package dev.custommodels.implementation.run;

import dev.custommodels.models.DataType;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelOutput;
import dev.custommodels.models.ServiceContract;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides the types of the result columns in the output entity: the type the contract's output declares for a
 * column where it does, otherwise the narrowest type every value of the column parses as (integer, number,
 * boolean), otherwise text. The Customer ID column is text unless declared integer. Inference watches the values
 * as the relate phase streams them, and stops trying a type at its first failure.
 */
final class ResultColumns {
    private final int size;
    private final boolean[] seen;
    private final boolean[] integers;
    private final boolean[] numbers;
    private final boolean[] booleans;

    ResultColumns(int size) {
        this.size = size;
        this.seen = new boolean[size];
        this.integers = filled(size);
        this.numbers = filled(size);
        this.booleans = filled(size);
    }

    /** Watches one row's values. */
    void observe(String[] row) {
        for (int i = 0; i < size; i++) {
            String v = row[i];
            if (v == null || v.isBlank()) {
                continue;
            }
            seen[i] = true;
            String s = v.strip();
            if (integers[i]) {
                integers[i] = isLong(s);
            }
            if (numbers[i] && !integers[i]) {
                numbers[i] = isNumber(s);
            }
            if (booleans[i]) {
                booleans[i] = s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false");
            }
        }
    }

    /** Returns the columns with their types. */
    List<RunDocument.Column> decide(List<String> header, int customerId, ServiceContract contract,
            String modelOutput) {
        Optional<ModelOutput> declared = modelOutput == null ? contract.outputs().stream().findFirst()
                : contract.outputs().stream().filter(o -> o.name().equals(modelOutput)).findFirst();
        List<RunDocument.Column> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            Optional<DataType> type = declared.flatMap(o -> declaredType(o, name));
            DataType t;
            if (i == customerId) {
                t = type.filter(x -> x == DataType.INTEGER).orElse(DataType.STRING);
            } else {
                int index = i;
                t = type.orElseGet(() -> inferred(index));
            }
            columns.add(new RunDocument.Column(name, t));
        }
        return columns;
    }

    private DataType inferred(int i) {
        if (!seen[i]) {
            return DataType.STRING;
        }
        if (booleans[i]) {
            return DataType.BOOLEAN;
        }
        if (integers[i]) {
            return DataType.INTEGER;
        }
        return numbers[i] ? DataType.NUMBER : DataType.STRING;
    }

    private static Optional<DataType> declaredType(ModelOutput output, String name) {
        Optional<ModelField> exact = output.columns().stream().filter(c -> c.name().equals(name)).findFirst();
        if (exact.isPresent()) {
            return exact.map(ModelField::type);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return output.columns().stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(lower))
                .map(ModelField::type).findFirst();
    }

    private static boolean isLong(String s) {
        int start = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (start == s.length() || s.length() - start > 18) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s)) && !s.endsWith("d") && !s.endsWith("D")
                    && !s.endsWith("f") && !s.endsWith("F");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean[] filled(int n) {
        boolean[] a = new boolean[n];
        Arrays.fill(a, true);
        return a;
    }
}
