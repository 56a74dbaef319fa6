package dev.custommodels.mapping;

import static dev.custommodels.mapping.Fixtures.CONTACT;
import static dev.custommodels.mapping.Fixtures.input;
import static dev.custommodels.models.DataType.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ExtensionTest {

    @Test
    void hostSynonymsAndAbbreviationsExtendTheBuiltInVocabulary() {
        MappingEngine plain = Fixtures.engine();
        assertThat(plain.propose(input("Vorname", STRING), CONTACT).field("Vorname").orElseThrow().target())
                .isNull();
        MappingEngine extended = new MappingEngineBuilder().addSynonyms("vorname", "first name")
                .addAbbreviation("hphone", "home phone").buildEngine();
        assertThat(extended.propose(input("Vorname", STRING), CONTACT).field("Vorname").orElseThrow().target()
                .attribute()).isEqualTo("firstName");
        assertThat(extended.propose(input("hphone", STRING), CONTACT).field("hphone").orElseThrow().target()
                .attribute()).isEqualTo("telephone2");
    }

    @Test
    void vocabularyFilesUseTheDocumentedLineFormat() {
        String text = "# host words\nsyn nachname | last name\nabbr vn = first name\nnoise bitte\n";
        MappingEngine e = new MappingEngineBuilder().addVocabulary(new StringReader(text), "host.txt")
                .addVocabularyLine("weak feld").buildEngine();
        assertThat(e.propose(input("Nachname", STRING), CONTACT).field("Nachname").orElseThrow().target()
                .attribute()).isEqualTo("lastName");
        assertThat(e.propose(input("vn_bitte", STRING), CONTACT).field("vn_bitte").orElseThrow().target()
                .attribute()).isEqualTo("firstName");
    }

    @Test
    void badVocabularyLinesNameTheLine() {
        assertThatThrownBy(() -> new MappingEngineBuilder().addVocabulary(new StringReader("syn a | b\nsyno x | y"),
                "host.txt")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Line 2 of host.txt is not a vocabulary entry: unknown kind 'syno'");
        assertThatThrownBy(() -> new MappingEngineBuilder().addSynonyms("only")).hasMessageContaining("two terms");
        assertThatThrownBy(() -> new MappingEngineBuilder().addAbbreviation("two words", "x"))
                .hasMessageContaining("one word");
        assertThatThrownBy(() -> new MappingEngineBuilder().thresholds(0.9, 0.5))
                .hasMessageContaining("0 < review <= mapped <= 1");
    }

    @Test
    void withoutTheDefaultVocabularySynonymsAreNotKnown() {
        MappingEngine bare = new MappingEngineBuilder().useDefaultVocabulary(false).buildEngine();
        assertThat(bare.propose(input("Title", STRING), CONTACT).field("Title").orElseThrow().target())
                .isNotEqualTo(AttributeRef.of("Contact", "salutation"));
    }

    @Test
    void hostRulesAdjustAndVetoWithEvidence() {
        MappingRule noJobTitles = new MappingRule() {
            @Override
            public String name() {
                return "no-job-titles";
            }

            @Override
            public RuleOutcome evaluate(CandidatePair pair) {
                if (pair.attribute().name().equals("jobTitle")) {
                    return RuleOutcome.veto("job titles are not shared with models");
                }
                if (pair.attribute().name().equals("salutation")) {
                    return RuleOutcome.adjust(-0.05, "salutations are often blank");
                }
                return RuleOutcome.none();
            }
        };
        MappingEngine e = new MappingEngineBuilder().addRule(noJobTitles).buildEngine();
        MappingProposal p = e.propose(input("Occupation", STRING, "Title", STRING), CONTACT);
        FieldMapping occupation = p.field("Occupation").orElseThrow();
        assertThat(occupation.target()).isNull();
        assertThat(occupation.nearMisses()).anyMatch(a -> a.reason().contains("job titles are not shared"));
        FieldMapping title = p.field("Title").orElseThrow();
        assertThat(title.evidence()).anyMatch(ev -> ev.rule().equals("no-job-titles")
                && ev.contribution() < 0 && ev.detail().equals("salutations are often blank"));
    }

    @Test
    void aFailingHostRuleIsNamed() {
        MappingRule broken = new MappingRule() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public RuleOutcome evaluate(CandidatePair pair) {
                throw new IllegalStateException("boom");
            }
        };
        MappingEngine e = new MappingEngineBuilder().addRule(broken).buildEngine();
        assertThatThrownBy(() -> e.propose(input("FirstName", STRING), CONTACT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mapping rule 'broken'").hasMessageContaining("field 'FirstName'");
    }

    @Test
    void ruleOutcomesAreValidated() {
        assertThatThrownBy(() -> RuleOutcome.adjust(2, "x")).hasMessageContaining("[-1, 1]");
        assertThatThrownBy(() -> RuleOutcome.veto(" ")).hasMessageContaining("must say why");
        assertThat(RuleOutcome.none().fired()).isFalse();
    }

    @Test
    void thresholdsDecideWhatIsMappedAndWhatNeedsReview() {
        MappingEngine strict = new MappingEngineBuilder().thresholds(0.95, 0.99).buildEngine();
        FieldMapping title = strict.propose(input("Title", STRING), CONTACT).field("Title").orElseThrow();
        assertThat(title.status()).isEqualTo(MappingStatus.UNMAPPED);
        assertThat(strict.getReviewThreshold()).isEqualTo(0.95);
        assertThat(strict.getMappedThreshold()).isEqualTo(0.99);
    }
}
