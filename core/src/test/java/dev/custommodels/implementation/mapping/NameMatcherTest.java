package dev.custommodels.implementation.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.custommodels.implementation.mapping.AnalyzedName.Term;
import dev.custommodels.implementation.mapping.NameMatcher.Match;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameMatcherTest {
    private final Vocabulary vocabulary = Vocabulary.builder().line("syn phone | telephone")
            .line("related count | total").build();
    private final NameMatcher matcher = new NameMatcher(vocabulary);

    private static Term word(String w) {
        return new Term(w, w, false, false);
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        return w;
    }

    private Match match(List<Term> f, List<Term> a) {
        return matcher.match(f, ones(f.size()), null, a, ones(a.size()), null, true);
    }

    @Test
    void identicalWordSetsScoreOne() {
        assertThat(match(List.of(word("unit"), word("price")), List.of(word("price"), word("unit"))).score())
                .isEqualTo(1.0);
    }

    @Test
    void theScoreIsTheHarmonicMeanOfBothCoverages() {
        Match m = match(List.of(word("job")), List.of(word("job"), word("title")));
        assertThat(m.fieldCoverage()).isEqualTo(1.0);
        assertThat(m.attributeCoverage()).isEqualTo(0.5);
        assertThat(m.score()).isCloseTo(2 * 0.5 / 1.5, within(1e-9));
        assertThat(m.attributeHeadMatched()).isFalse();
        assertThat(m.unmatchedAttribute()).containsExactly("title");
    }

    @Test
    void synonymsTyposAndRelatedTermsScoreLess() {
        Term phone = new Term(vocabulary.conceptOf("phone"), "phone", true, false);
        Term telephone = new Term(vocabulary.conceptOf("phone"), "telephone", true, false);
        assertThat(matcher.similarity(phone, telephone, null)).isEqualTo(NameMatcher.SYNONYM);
        assertThat(matcher.similarity(word("adress"), word("address"), null)).isEqualTo(NameMatcher.TYPO);
        assertThat(matcher.similarity(word("count"), word("country"), null)).isZero();
        assertThat(matcher.similarity(word("amt"), word("amount"), null)).isZero();
        Term count = new Term(vocabulary.conceptOf("count"), "count", true, false);
        Term total = new Term(vocabulary.conceptOf("total"), "total", true, false);
        assertThat(matcher.similarity(count, total, null)).isEqualTo(NameMatcher.RELATED);
    }

    @Test
    void theEntityNameExplainsFieldWordsButNeverCountsAgainstTheAttribute() {
        List<Term> field = List.of(word("product"), word("name"));
        List<Term> attr = List.of(word("name"));
        Match without = match(field, attr);
        Match with = matcher.match(field, ones(2), null, attr, ones(1), List.of(word("product")), true);
        assertThat(with.score()).isGreaterThan(without.score());
        assertThat(with.attributeCoverage()).isEqualTo(1.0);
        assertThat(with.pairs()).anyMatch(p -> p.contains("entity name"));
    }

    @Test
    void theHeadIsTheLastWordThatIsNotWeak() {
        assertThat(NameMatcher.head(List.of(word("education"), new Term("code", "code", false, true))))
                .isEqualTo(0);
        assertThat(NameMatcher.head(List.of(word("customer"), word("type")))).isEqualTo(1);
    }
}
