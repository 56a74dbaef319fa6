package dev.custommodels.implementation.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custommodels.implementation.mapping.AnalyzedName.KeyLike;
import dev.custommodels.implementation.mapping.AnalyzedName.Term;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NameAnalyzerTest {
    private static final String VOCAB = String.join("\n",
            "abbr qty = quantity",
            "abbr fname = first name",
            "abbr-first num = number of",
            "abbr-last no = number",
            "abbr num = number",
            "syn id | identifier | key",
            "syn first name | given name",
            "syn phone | telephone",
            "syn count | number of",
            "syn marital status | family status",
            "noise of the",
            "weak code",
            "derive age <- birth date");
    private final Vocabulary vocabulary = Vocabulary.builder().parse(new StringReader(VOCAB), "test").build();
    private final NameAnalyzer analyzer = new NameAnalyzer(vocabulary,
            Set.of("interest", "rate", "date", "last", "transaction", "of"));

    private String keys(String name) {
        return String.join(" ", analyzer.analyze(name).terms().stream().map(Term::key).toList());
    }

    @Test
    void abbreviationsExpandAndSomeOnlyInTheirPlace() {
        assertThat(keys("order_qty")).isEqualTo("order quantity");
        assertThat(keys("InvoiceNo")).isEqualTo("invoice number");
        assertThat(keys("NumCars")).isEqualTo("~count car");
        assertThat(keys("acct_num")).isEqualTo("acct number");
        assertThat(keys("FName")).isEqualTo("~first name");
    }

    @Test
    void synonymPhrasesBecomeOneConceptLongestFirst() {
        assertThat(keys("familyStatusCode")).isEqualTo("~marital status code");
        assertThat(keys("GivenName")).isEqualTo("~first name");
        assertThat(keys("customerKey")).isEqualTo("customer ~id");
        assertThat(keys("number_of_cars")).isEqualTo("~count car");
    }

    @Test
    void noiseWordsGoAndWeakWordsAreMarked() {
        AnalyzedName n = analyzer.analyze("the_genderCode");
        assertThat(n.terms()).extracting(Term::key).containsExactly("gender", "code");
        assertThat(n.terms().get(1).weak()).isTrue();
        assertThat(n.terms().get(0).weak()).isFalse();
    }

    @Test
    void gluedWordsOfKnownWordsAreSplit() {
        assertThat(keys("interestrate")).isEqualTo("interest rate");
        assertThat(keys("dateoflasttransaction")).isEqualTo("date last transaction");
        assertThat(keys("kidhome")).isEqualTo("kidhome");
    }

    @Test
    void numbersKeepTheTermTheyFollow() {
        AnalyzedName n = analyzer.analyze("address1Line2");
        assertThat(n.digits()).extracting(AnalyzedName.Digit::anchor).containsExactly("address", "line");
        assertThat(n.digits()).extracting(AnalyzedName.Digit::value).containsExactly("1", "2");
    }

    @Test
    void identifiersAreRecognised() {
        assertThat(analyzer.analyze("CustomerKey").keyLike()).isEqualTo(KeyLike.STRONG);
        assertThat(analyzer.analyze("ID").bareKey()).isTrue();
        assertThat(analyzer.analyze("accountNumber").keyLike()).isEqualTo(KeyLike.WEAK);
        assertThat(analyzer.analyze("contact").keyLike()).isEqualTo(KeyLike.NONE);
    }

    @Test
    void synonymGroupsSharingATermMerge() {
        Vocabulary v = Vocabulary.builder().line("syn cell | mobile").line("syn mobile | handy").build();
        assertThat(v.conceptOf("cell")).isEqualTo(v.conceptOf("handy"));
    }
}
