package dev.custommodels.implementation.mapping;

import dev.custommodels.implementation.mapping.AnalyzedName.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Token-set similarity of two names. Terms are aligned one to one, best pairs first: the same word scores
 * {@value #EXACT}, the same concept through a synonym {@value #SYNONYM}, related concepts {@value #RELATED}, a
 * typo (edit distance 1 for words of five letters or more, 2 from nine letters) {@value #TYPO}. Prefixes do not
 * match ({@code count} is not {@code country}); known short forms are abbreviations in the vocabulary.
 * Each side's coverage is the weighted share of its terms that found a partner (weights come from how rare a term
 * is in the catalog); the similarity is the harmonic mean of the two coverages. Terms of the attribute's entity
 * name may explain field terms the attribute name does not (at {@value #ENTITY} of their value) but never count
 * against the attribute.
 */
final class NameMatcher {
    static final double EXACT = 1.0;
    static final double SYNONYM = 0.9;
    static final double RELATED = 0.7;
    static final double TYPO = 0.8;
    static final double ENTITY = 0.8;

    private final Vocabulary vocabulary;

    NameMatcher(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The outcome of one comparison. */
    record Match(double score, double fieldCoverage, double attributeCoverage, boolean fieldHeadMatched,
            boolean attributeHeadMatched, List<String> pairs, List<String> unmatchedField,
            List<String> unmatchedAttribute) {
    }

    /**
     * The head of a name: its last term that is not weak (English compounds end in their head noun:
     * {@code customerTypeCode} is a type, not a customer).
     */
    static int head(List<Term> terms) {
        for (int i = terms.size() - 1; i >= 0; i--) {
            if (!terms.get(i).weak()) {
                return i;
            }
        }
        return terms.size() - 1;
    }

    /**
     * Compares a field's terms with an attribute's.
     *
     * @param f the field's terms
     * @param fw their weights
     * @param spelling per field term, the known words within typo or prefix reach and their similarity; null to
     *     compute spelling similarity directly
     * @param a the attribute's terms
     * @param aw their weights
     * @param entity the terms of the attribute's entity name, or null
     * @param explain whether to describe the alignment
     * @return the match
     */
    Match match(List<Term> f, double[] fw, List<Map<String, Double>> spelling, List<Term> a, double[] aw,
            List<Term> entity, boolean explain) {
        int nf = f.size();
        int na = a.size();
        if (nf == 0 || na == 0) {
            return new Match(0, 0, 0, false, false, List.of(), List.of(), List.of());
        }
        double[][] sim = new double[nf][na];
        for (int i = 0; i < nf; i++) {
            for (int j = 0; j < na; j++) {
                sim[i][j] = similarity(f.get(i), a.get(j), spelling == null ? null : spelling.get(i));
            }
        }
        int[] fPartner = new int[nf];
        double[] fSim = new double[nf];
        boolean[] aUsed = new boolean[na];
        double[] aSim = new double[na];
        java.util.Arrays.fill(fPartner, -1);
        for (int round = Math.min(nf, na); round > 0; round--) {
            int bi = -1;
            int bj = -1;
            double best = 0;
            for (int i = 0; i < nf; i++) {
                if (fPartner[i] >= 0) {
                    continue;
                }
                for (int j = 0; j < na; j++) {
                    if (!aUsed[j] && sim[i][j] > best) {
                        best = sim[i][j];
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0) {
                break;
            }
            fPartner[bi] = bj;
            fSim[bi] = best;
            aUsed[bj] = true;
            aSim[bj] = best;
        }
        boolean[] fromEntity = new boolean[nf];
        if (entity != null) {
            for (int i = 0; i < nf; i++) {
                if (fPartner[i] < 0) {
                    for (Term e : entity) {
                        double s = similarity(f.get(i), e, spelling == null ? null : spelling.get(i)) * ENTITY;
                        if (s > fSim[i]) {
                            fSim[i] = s;
                            fromEntity[i] = true;
                        }
                    }
                }
            }
        }
        double fNum = 0;
        double fDen = 0;
        for (int i = 0; i < nf; i++) {
            fNum += fw[i] * fSim[i];
            fDen += fw[i];
        }
        double aNum = 0;
        double aDen = 0;
        for (int j = 0; j < na; j++) {
            aNum += aw[j] * aSim[j];
            aDen += aw[j];
        }
        double fc = fDen == 0 ? 0 : fNum / fDen;
        double ac = aDen == 0 ? 0 : aNum / aDen;
        double score = fc + ac == 0 ? 0 : 2 * fc * ac / (fc + ac);
        int hf = head(f);
        boolean fieldHead = fSim[hf] > 0;
        boolean attrHead = aUsed[head(a)];
        if (!explain) {
            return new Match(score, fc, ac, fieldHead, attrHead, List.of(), List.of(), List.of());
        }
        List<String> pairs = new ArrayList<>();
        List<String> uf = new ArrayList<>();
        List<String> ua = new ArrayList<>();
        for (int i = 0; i < nf; i++) {
            if (fPartner[i] >= 0) {
                pairs.add(describe(f.get(i), a.get(fPartner[i]), fSim[i]));
            } else if (fromEntity[i]) {
                pairs.add(f.get(i).surface() + " ~ the entity name (" + fmt(fSim[i]) + ")");
            } else {
                uf.add(f.get(i).surface());
            }
        }
        for (int j = 0; j < na; j++) {
            if (!aUsed[j]) {
                ua.add(a.get(j).surface());
            }
        }
        return new Match(score, fc, ac, fieldHead, attrHead, pairs, uf, ua);
    }

    double similarity(Term x, Term y, Map<String, Double> spelling) {
        if (x.surface().equals(y.surface())) {
            return EXACT;
        }
        if (x.key().equals(y.key())) {
            return SYNONYM;
        }
        if (x.concept() && y.concept()) {
            return vocabulary.related(x.key(), y.key()) ? RELATED : 0;
        }
        if (x.concept() || y.concept()) {
            return 0;
        }
        if (spelling != null) {
            return spelling.getOrDefault(y.surface(), 0.0);
        }
        return spelling(x.surface(), y.surface());
    }

    static double spelling(String s, String t) {
        int ls = s.length();
        int lt = t.length();
        int min = Math.min(ls, lt);
        if (min >= 5) {
            int max = min >= 9 ? 2 : 1;
            if (Words.distance(s, t, max) <= max) {
                return TYPO;
            }
        }
        return 0;
    }

    private String describe(Term f, Term a, double s) {
        String how;
        if (s >= EXACT) {
            how = "same word";
        } else if (s >= SYNONYM) {
            how = "synonyms (" + vocabulary.label(f.key()) + ")";
        } else if (s >= TYPO && !f.concept()) {
            how = "spelling";
        } else {
            how = "related terms";
        }
        return f.surface() + " = " + a.surface() + " (" + how + ")";
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
