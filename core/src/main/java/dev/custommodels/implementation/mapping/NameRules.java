package dev.custommodels.implementation.mapping;

import dev.custommodels.implementation.mapping.CatalogIndex.AttrInfo;
import dev.custommodels.implementation.mapping.NameMatcher.Match;
import java.util.List;

/** The rules that compare names: the attribute name, then its display name. */
final class NameRules {
    private NameRules() {
    }

    /** Token-set similarity of the field name and the attribute name (synonyms, abbreviations, typos). */
    static final class AttributeName implements ChainRule {
        private final NameMatcher matcher;
        private final CatalogIndex index;

        AttributeName(NameMatcher matcher, CatalogIndex index) {
            this.matcher = matcher;
            this.index = index;
        }

        @Override
        public String name() {
            return "name";
        }

        @Override
        public void apply(Pair p) {
            AttrInfo a = p.attr;
            if (!p.field.name.compact().isEmpty() && p.field.name.compact().equals(a.name.compact())) {
                p.set(name(), 1.0, () -> "same name as '" + a.attribute.name()
                        + "' ignoring case, accents and separators");
                p.fieldHead = true;
                p.attributeHead = true;
                return;
            }
            List<AnalyzedName.Term> entity = index.entityNames.get(a.entity).terms();
            Match m = matcher.match(p.field.name.terms(), p.field.weights, p.field.spelling, a.name.terms(),
                    a.nameWeights, entity, p.explain);
            p.fieldHead = m.fieldHeadMatched();
            p.attributeHead = m.attributeHeadMatched();
            if (!p.explain) {
                p.score = m.score();
                return;
            }
            p.set(name(), m.score(), () -> describe("attribute name '" + a.attribute.name() + "'", m));
        }
    }

    /** The same comparison against the attribute's display name; counts only when it does better. */
    static final class DisplayName implements ChainRule {
        static final double DISAGREEING_DISPLAY = 0.7;
        private final NameMatcher matcher;
        private final CatalogIndex index;

        DisplayName(NameMatcher matcher, CatalogIndex index) {
            this.matcher = matcher;
            this.index = index;
        }

        @Override
        public String name() {
            return "display-name";
        }

        @Override
        public void apply(Pair p) {
            AttrInfo a = p.attr;
            if (a.display == null || p.score >= 1.0) {
                return;
            }
            List<AnalyzedName.Term> entity = index.entityNames.get(a.entity).terms();
            boolean same = !p.field.name.compact().isEmpty() && p.field.name.compact().equals(a.display.compact());
            if (same) {
                p.set(name(), 1.0, () -> "same as the display name '" + a.attribute.displayName() + "'");
                p.fieldHead = true;
                p.attributeHead = true;
                return;
            }
            Match m = matcher.match(p.field.name.terms(), p.field.weights, p.field.spelling, a.display.terms(),
                    a.displayWeights, entity, p.explain);
            if (m.score() > p.score) {
                p.set(name(), m.score(), () -> describe("display name '" + a.attribute.displayName() + "'", m));
                p.fieldHead = m.fieldHeadMatched();
                p.attributeHead = m.attributeHeadMatched();
            } else if (m.score() == 0 && p.score > 0 && a.relabelled) {
                // A display name that shares no word with its own attribute name says the name misleads (CDM's
                // stateCode is displayed "Status"); when it shares nothing with the field either, the name's
                // resemblance to the field counts less.
                p.scale(name(), DISAGREEING_DISPLAY, () -> "the display name '" + a.attribute.displayName()
                        + "' shares no word with the field");
            }
        }
    }

    /**
     * Names are compounds whose last word is the head ({@code customerTypeCode} is a type, {@code PhoneService} a
     * service): a pair whose match leaves either head unexplained is worth less.
     */
    static final class HeadWord implements ChainRule {
        static final double FACTOR = 0.8;

        @Override
        public String name() {
            return "head-word";
        }

        @Override
        public void apply(Pair p) {
            if (p.score == 0 || (p.fieldHead && p.attributeHead)) {
                return;
            }
            String which = !p.fieldHead && !p.attributeHead ? "neither name's head word is matched"
                    : !p.fieldHead ? "the field's head word is not matched" : "the attribute's head word is not matched";
            double f = (p.fieldHead ? 1 : FACTOR) * (p.attributeHead ? 1 : FACTOR);
            p.scale(name(), f, () -> which);
        }
    }

    static String describe(String what, Match m) {
        StringBuilder b = new StringBuilder("field vs ").append(what).append(": ");
        b.append(m.pairs().isEmpty() ? "no words in common" : String.join(", ", m.pairs()));
        if (!m.unmatchedField().isEmpty()) {
            b.append("; field words unexplained: ").append(m.unmatchedField());
        }
        if (!m.unmatchedAttribute().isEmpty()) {
            b.append("; attribute words unmatched: ").append(m.unmatchedAttribute());
        }
        b.append("; coverage field ").append(NameMatcher.fmt(m.fieldCoverage())).append(", attribute ")
                .append(NameMatcher.fmt(m.attributeCoverage()));
        return b.toString();
    }
}
