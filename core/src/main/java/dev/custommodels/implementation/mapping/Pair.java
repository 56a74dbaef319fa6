package dev.custommodels.implementation.mapping;

import dev.custommodels.implementation.mapping.CatalogIndex.AttrInfo;
import dev.custommodels.mapping.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** One (field, attribute) candidate while the rule chain scores it. */
final class Pair {
    final FieldInfo field;
    final AttrInfo attr;
    final boolean explain;
    double score;
    boolean identifiers;
    boolean fieldHead;
    boolean attributeHead;
    /** Whether a veto came from a derivation (the attribute is then always reported as a near miss). */
    boolean derivation;
    /** For a derivation, how much of the attribute's name the derivation's term covers (1 = all of it). */
    double derivationStrength;
    /** The score plus the entity bonus, not capped at 1: what the assignment ranks by. */
    double rank;
    List<String> vetoes;
    List<String> warnings;
    final List<Evidence> evidence;

    Pair(FieldInfo field, AttrInfo attr, boolean explain) {
        this.field = field;
        this.attr = attr;
        this.explain = explain;
        this.evidence = explain ? new ArrayList<>() : null;
    }

    boolean vetoed() {
        return vetoes != null;
    }

    /** Sets a new score, recording the change as evidence when explaining. */
    void set(String rule, double newScore, Supplier<String> detail) {
        double clamped = Math.max(0, Math.min(1, newScore));
        double delta = clamped - score;
        score = clamped;
        if (explain) {
            evidence.add(new Evidence(rule, delta, detail.get()));
        }
    }

    void scale(String rule, double factor, Supplier<String> detail) {
        set(rule, score * factor, detail);
    }

    void veto(String rule, String reason) {
        if (vetoes == null) {
            vetoes = new ArrayList<>(2);
        }
        vetoes.add(reason);
        if (explain) {
            evidence.add(new Evidence(rule, 0, "veto: " + reason));
        }
    }

    void warn(String rule, String warning) {
        if (warnings == null) {
            warnings = new ArrayList<>(1);
        }
        warnings.add(warning);
    }

    String target() {
        return attr.schema.name() + "." + attr.attribute.name();
    }
}
