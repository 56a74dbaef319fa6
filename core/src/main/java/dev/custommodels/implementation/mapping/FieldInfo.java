package dev.custommodels.implementation.mapping;

import dev.custommodels.models.ModelField;
import java.util.List;

/** One model field, analysed against one catalog. */
final class FieldInfo {
    final int index;
    final ModelField field;
    final AnalyzedName name;
    final double[] weights;
    /** The derivations whose field side names this field. */
    final List<DerivationIndex.Prepared> derivations;

    FieldInfo(int index, ModelField field, AnalyzedName name, double[] weights,
            List<DerivationIndex.Prepared> derivations) {
        this.index = index;
        this.field = field;
        this.name = name;
        this.weights = weights;
        this.derivations = derivations;
    }
}
