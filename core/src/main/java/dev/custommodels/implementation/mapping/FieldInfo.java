package dev.custommodels.implementation.mapping;

import dev.custommodels.models.ModelField;
import java.util.List;
import java.util.Map;

/** One model field, analysed against one catalog. */
final class FieldInfo {
    final int index;
    final ModelField field;
    final AnalyzedName name;
    final double[] weights;
    /** The derivations whose field side names this field. */
    final List<DerivationIndex.Prepared> derivations;
    /** The entities whose records the field counts ({@code NumPurchases} counts Purchase records), by index. */
    final java.util.Set<Integer> countedEntities;
    /** Per term, the catalog's words within typo or prefix reach, with their similarity. */
    final List<Map<String, Double>> spelling;

    FieldInfo(int index, ModelField field, AnalyzedName name, double[] weights,
            List<DerivationIndex.Prepared> derivations, List<Map<String, Double>> spelling,
            java.util.Set<Integer> countedEntities) {
        this.spelling = spelling;
        this.countedEntities = countedEntities;
        this.index = index;
        this.field = field;
        this.name = name;
        this.weights = weights;
        this.derivations = derivations;
    }
}
