package dev.custommodels.implementation.mapping;

import dev.custommodels.implementation.mapping.CatalogIndex.AttrInfo;
import dev.custommodels.mapping.Alternative;
import dev.custommodels.mapping.AttributeRef;
import dev.custommodels.mapping.Evidence;
import dev.custommodels.mapping.FieldMapping;
import dev.custommodels.mapping.MappingStatus;
import dev.custommodels.mapping.TypeCheck;
import dev.custommodels.mapping.TypeLattice;
import dev.custommodels.models.ModelField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the scored and assigned pairs of one field into a {@link FieldMapping} with evidence and near misses. */
final class Explainer {
    private final Settings settings;
    private final Scorer scorer;
    private final EntitySupport support;

    Explainer(Settings settings, Scorer scorer, EntitySupport support) {
        this.settings = settings;
        this.scorer = scorer;
        this.support = support;
    }

    FieldMapping pinned(FieldInfo f, AttrInfo a) {
        List<String> warnings = new ArrayList<>();
        TypeCheck c = TypeLattice.check(a.attribute.type(), f.field.type(),
                f.name.keyLike() == AnalyzedName.KeyLike.STRONG && (a.primaryKey
                        || a.name.keyLike() == AnalyzedName.KeyLike.STRONG));
        if (c.verdict() != TypeCheck.Verdict.OK) {
            warnings.add("type " + c.verdict().name().toLowerCase(Locale.ROOT) + ": " + c.reason());
        }
        return new FieldMapping(f.field.name(), f.field.type(), MappingStatus.MAPPED, ref(a), a.attribute.type(),
                1.0, true, List.of(new Evidence("pin", 1.0, "bound by the host")), null, List.of(), warnings);
    }

    FieldMapping field(FieldInfo f, List<Pair> pairs, int chosen, Map<Integer, Integer> taken,
            Map<Integer, Integer> pinnedAttrs, List<ModelField> fields) {
        List<Pair> others = new ArrayList<>();
        Pair chosenPair = null;
        for (Pair p : pairs) {
            if (p.attr.index == chosen) {
                chosenPair = p;
            } else {
                others.add(p);
            }
        }
        final Pair pick = chosenPair;
        others.sort(Comparator.comparingInt((Pair p) -> p.vetoed() ? 1 : 0)
                .thenComparingDouble(p -> -p.rank));
        List<Alternative> alts = new ArrayList<>();
        // The strongest derivations are always reported (the attribute a field would be computed from).
        others.stream().filter(p -> p.derivation)
                .sorted(Comparator.comparingDouble((Pair p) -> -p.derivationStrength))
                .limit(Settings.DERIVATIONS_SHOWN)
                .forEach(p -> alts.add(alternative(p, pick, taken, pinnedAttrs, fields, false)));
        int derivations = alts.size();
        for (Pair p : others) {
            if (!p.derivation && alts.size() - derivations <= Settings.NEAR_MISSES && p.score > 0) {
                alts.add(alternative(p, pick, taken, pinnedAttrs, fields,
                        alts.size() == derivations && pick != null));
            }
        }
        if (pick != null && derivations > 0 && alts.size() > derivations) {
            // The runner-up is the best attribute that could have been chosen, not a derivation.
            alts.add(0, alts.remove(derivations));
        }
        List<String> noTerms = f.name.terms().isEmpty()
                ? List.of("the name '" + f.field.name() + "' has no words to compare") : List.of();
        if (pick == null) {
            return new FieldMapping(f.field.name(), f.field.type(), MappingStatus.UNMAPPED, null, null, 0, false,
                    List.of(), null, alts, noTerms);
        }
        Pair explained = explain(pick);
        Alternative runnerUp = alts.isEmpty() ? null : alts.get(0);
        List<Alternative> near = alts.isEmpty() ? List.of() : alts.subList(1, alts.size());
        boolean ambiguous = others.stream().anyMatch(p -> !p.vetoed() && !taken.containsKey(p.attr.index)
                && !pinnedAttrs.containsKey(p.attr.index)
                && !p.attr.name.compact().equals(pick.attr.name.compact())
                && p.rank >= pick.rank - Settings.AMBIGUITY_MARGIN);
        MappingStatus status = pick.rank >= settings.mappedThreshold() && !ambiguous
                ? MappingStatus.MAPPED : MappingStatus.NEEDS_REVIEW;
        List<String> warnings = new ArrayList<>(pick.warnings == null ? List.of() : pick.warnings);
        if (ambiguous) {
            warnings.add("another attribute scores within " + Settings.AMBIGUITY_MARGIN + "; check the runner-up");
        }
        return new FieldMapping(f.field.name(), f.field.type(), status, ref(pick.attr), pick.attr.attribute.type(),
                Math.min(1.0, pick.rank), false, explained.evidence, runnerUp, near, warnings);
    }

    private Pair explain(Pair p) {
        Pair e = scorer.evaluate(p.field, p.attr, true);
        double b = support.bonus(p.field.index, p.attr.entity);
        if (!e.vetoed() && b > 0) {
            String entity = p.attr.schema.name();
            e.evidence.add(new Evidence("entity", b, String.format(Locale.ROOT,
                    "%s explains the input's fields, these neighbours most (support %.2f): a bonus for its "
                            + "attributes", entity, support.total[p.attr.entity])));
        }
        return e;
    }

    private Alternative alternative(Pair p, Pair pick, Map<Integer, Integer> taken,
            Map<Integer, Integer> pinnedAttrs, List<ModelField> fields, boolean withEvidence) {
        String reason;
        if (p.vetoed()) {
            reason = "vetoed: " + String.join("; ", p.vetoes);
        } else if (pinnedAttrs.containsKey(p.attr.index)) {
            reason = "pinned by the host to field '" + fields.get(pinnedAttrs.get(p.attr.index)).name() + "'";
        } else if (taken.containsKey(p.attr.index)) {
            reason = "taken by field '" + fields.get(taken.get(p.attr.index)).name()
                    + "' in the one-to-one assignment";
        } else if (p.rank < settings.reviewThreshold()) {
            reason = String.format(Locale.ROOT, "score %.2f is below the review threshold %.2f", p.rank,
                    settings.reviewThreshold());
        } else if (pick != null) {
            reason = String.format(Locale.ROOT, "lower score than %s (%.3f < %.3f)", pick.target(), p.rank,
                    pick.rank);
        } else {
            reason = "left out by the one-to-one assignment";
        }
        return new Alternative(ref(p.attr), Math.min(1.0, p.rank), reason,
                withEvidence ? explain(p).evidence : List.of());
    }

    private static AttributeRef ref(AttrInfo a) {
        return new AttributeRef(a.schema.name(), a.attribute.name());
    }
}
