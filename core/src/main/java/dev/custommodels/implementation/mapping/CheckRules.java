package dev.custommodels.implementation.mapping;

import dev.custommodels.implementation.mapping.AnalyzedName.Digit;
import dev.custommodels.implementation.mapping.AnalyzedName.KeyLike;
import dev.custommodels.implementation.mapping.CatalogIndex.AttrInfo;
import dev.custommodels.mapping.CandidatePair;
import dev.custommodels.mapping.MappingRule;
import dev.custommodels.mapping.RuleOutcome;
import dev.custommodels.mapping.TypeCheck;
import dev.custommodels.mapping.TypeLattice;
import dev.custommodels.models.DataType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The rules after name similarity: numbering, identifiers, types, derivations, and the host's rules. */
final class CheckRules {
    /** Score a bare identifier field ({@code ID}) gets against an entity's primary key. */
    static final double BARE_KEY = 0.7;
    static final double PRIMARY_KEY_BONUS = 0.05;
    static final double KEY_MISMATCH = 0.5;

    private CheckRules() {
    }

    /**
     * Numbers in names name instances: {@code BILL_AMT1} is not {@code BILL_AMT2}. The same number after the same
     * word matches; a different number after the same word vetoes; an attribute's unmatched instance 1 is the
     * primary instance (no cost), any other unmatched number costs much.
     */
    static final class Numbering implements ChainRule {
        @Override
        public String name() {
            return "numbering";
        }

        @Override
        public void apply(Pair p) {
            List<Digit> f = p.field.name.digits();
            List<Digit> a = p.attr.name.digits();
            if (f.isEmpty() && a.isEmpty()) {
                return;
            }
            boolean[] used = new boolean[a.size()];
            double factor = 1.0;
            boolean noted = false;
            StringBuilder why = new StringBuilder();
            for (Digit d : f) {
                int same = -1;
                int conflict = -1;
                int loose = -1;
                for (int j = 0; j < a.size(); j++) {
                    if (used[j]) {
                        continue;
                    }
                    Digit e = a.get(j);
                    if (e.anchor().equals(d.anchor())) {
                        if (e.value().equals(d.value())) {
                            same = same < 0 ? j : same;
                        } else {
                            conflict = conflict < 0 ? j : conflict;
                        }
                    } else if (e.value().equals(d.value()) && loose < 0) {
                        loose = j;
                    }
                }
                if (same >= 0) {
                    used[same] = true;
                } else if (conflict >= 0) {
                    p.veto(name(), "the field names instance " + d.value() + ", the attribute instance "
                            + a.get(conflict).value());
                    return;
                } else if (loose >= 0) {
                    used[loose] = true;
                    factor *= 0.9;
                    why.append("instance ").append(d.value()).append(" follows other words; ");
                } else {
                    factor *= 0.7;
                    why.append("the field names instance ").append(d.value()).append(", the attribute does not; ");
                }
            }
            for (int j = 0; j < a.size(); j++) {
                if (!used[j]) {
                    boolean first = a.get(j).value().equals("1");
                    factor *= first ? 1.0 : 0.6;
                    noted = true;
                    why.append(first ? "the attribute is instance 1, the primary one; " : "the attribute is instance "
                            + a.get(j).value() + ", the field names none; ");
                }
            }
            if (factor != 1.0 || noted) {
                String w = why.toString().replaceAll("; $", "");
                p.scale(name(), factor, () -> w);
            }
        }
    }

    /** Identifier-likeness: keys feed keys; a bare {@code ID} field takes an entity's primary key. */
    static final class Identifier implements ChainRule {
        @Override
        public String name() {
            return "identifier";
        }

        @Override
        public void apply(Pair p) {
            AttrInfo a = p.attr;
            KeyLike fk = p.field.name.keyLike();
            boolean attrKey = a.primaryKey || a.name.keyLike() == KeyLike.STRONG;
            if (p.field.name.bareKey()) {
                p.identifiers = attrKey;
                if (a.primaryKey && p.score < BARE_KEY) {
                    p.set(name(), BARE_KEY, () -> "a bare identifier field takes an entity's primary key");
                } else if (!a.primaryKey) {
                    p.scale(name(), 0.5, () -> "a bare identifier field takes a primary key, and '"
                            + a.attribute.name() + "' is not one");
                }
                return;
            }
            if (fk == KeyLike.STRONG && attrKey) {
                p.identifiers = true;
                if (a.primaryKey) {
                    p.set(name(), p.score + PRIMARY_KEY_BONUS, () -> "both are identifiers and the attribute is "
                            + a.schema.name() + "'s primary key");
                }
            } else if (fk == KeyLike.STRONG && a.name.keyLike() == KeyLike.NONE) {
                p.scale(name(), KEY_MISMATCH, () -> "the field is an identifier, the attribute is not");
            } else if (fk == KeyLike.NONE && attrKey) {
                p.scale(name(), KEY_MISMATCH, () -> "the attribute is an identifier"
                        + (a.primaryKey ? " (primary key)" : "") + ", the field is not");
            }
        }
    }

    /** The type lattice: vetoes pairs whose types never convert, and prefers pairs of the same type. */
    static final class Type implements ChainRule {
        static final double WARN_FACTOR = 0.9;
        @Override
        public String name() {
            return "type";
        }

        @Override
        public void apply(Pair p) {
            DataType at = p.attr.attribute.type();
            DataType ft = p.field.field.type();
            TypeCheck c = TypeLattice.check(at, ft, p.identifiers);
            switch (c.verdict()) {
                case VETO -> p.veto(name(), c.reason());
                case WARN -> {
                    p.warn(name(), c.reason());
                    p.scale(name(), WARN_FACTOR, () -> "warning: " + c.reason());
                }
                case OK -> {
                    double f = affinity(at, ft);
                    if (f != 1.0) {
                        p.scale(name(), f, () -> c.reason() + ", but the types differ");
                    }
                }
            }
        }

        /**
         * The largest factor the type rule can apply to a pair of these types (keys or not), 0 for a veto: lets the
         * scorer bound a pair's score before scoring it.
         */
        static double bestFactor(DataType at, DataType ft) {
            TypeCheck c = TypeLattice.check(at, ft, true);
            return switch (c.verdict()) {
                case VETO -> 0;
                case WARN -> WARN_FACTOR;
                case OK -> affinity(at, ft);
            };
        }

        private static double affinity(DataType at, DataType ft) {
            if (at == ft) {
                return 1.0;
            }
            if (ft == DataType.STRING) {
                return 0.85;
            }
            return at == DataType.BOOLEAN ? 0.9 : 0.97;
        }
    }

    /**
     * A derived field is never mapped to what it is computed from: age from a birth date (the vocabulary's
     * {@code derive} lines), or a count of an entity's records (reported on the entity's primary key).
     */
    static final class Derivation implements ChainRule {
        @Override
        public String name() {
            return "derivation";
        }

        @Override
        public void apply(Pair p) {
            if (p.attr.primaryKey && p.field.countedEntities.contains(p.attr.entity)) {
                p.derivation = true;
                p.derivationStrength = 1;
                p.veto(name(), "a derivation, not a mapping: '" + p.field.field.name() + "' would count the records of "
                        + p.attr.schema.name());
                return;
            }
            if (p.field.derivations.isEmpty()) {
                return;
            }
            Set<String> keys = new HashSet<>(DerivationIndex.keySet(p.attr.name));
            if (p.attr.display != null) {
                keys.addAll(DerivationIndex.keySet(p.attr.display));
            }
            Set<String> fieldKeys = DerivationIndex.keySet(p.field.name);
            for (DerivationIndex.Prepared d : p.field.derivations) {
                DerivationIndex.Found found = DerivationIndex.match(d, fieldKeys, keys);
                if (found != null) {
                    p.derivation = true;
                    p.derivationStrength = found.strength();
                    p.veto(name(), "a derivation, not a mapping: '" + p.field.field.name()
                            + "' would be computed from '" + p.attr.attribute.name() + "' (" + found.field().text()
                            + " from " + found.attribute().text() + ")");
                    return;
                }
            }
        }
    }

    /** Adapts a host's {@link MappingRule}. */
    static final class Host implements ChainRule {
        private final MappingRule rule;

        Host(MappingRule rule) {
            this.rule = rule;
        }

        @Override
        public String name() {
            return rule.name();
        }

        @Override
        public void apply(Pair p) {
            AttrInfo a = p.attr;
            RuleOutcome o;
            try {
                o = rule.evaluate(new CandidatePair(p.field.field, p.field.name.words(), a.schema.name(),
                        a.attribute, a.name.words(), a.primaryKey, p.score));
            } catch (RuntimeException e) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "The mapping rule '%s' (%s) failed on field '%s' and attribute '%s': %s", rule.name(),
                        rule.getClass().getName(), p.field.field.name(), p.target(), e), e);
            }
            if (o == null || !o.fired()) {
                return;
            }
            if (o.veto()) {
                p.veto(name(), o.reason());
            }
            if (o.delta() != 0) {
                p.set(name(), p.score + o.delta(), o::reason);
            }
        }
    }
}
