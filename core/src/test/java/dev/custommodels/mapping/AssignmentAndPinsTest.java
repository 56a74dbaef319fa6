package dev.custommodels.mapping;

import static dev.custommodels.mapping.Fixtures.ACCOUNT;
import static dev.custommodels.mapping.Fixtures.CONTACT;
import static dev.custommodels.mapping.Fixtures.input;
import static dev.custommodels.models.DataType.INTEGER;
import static dev.custommodels.models.DataType.NUMBER;
import static dev.custommodels.models.DataType.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.models.FieldBinding;
import dev.custommodels.models.InputBinding;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssignmentAndPinsTest {
    private final MappingEngine engine = Fixtures.engine();

    @Test
    void siblingsCompetingForOneAttributeLeaveTheLoserUnmapped() {
        MappingProposal p = engine.propose(input("EnglishEducation", STRING, "SpanishEducation", STRING,
                "FrenchEducation", STRING), CONTACT);
        assertThat(p.field("EnglishEducation").orElseThrow().target().attribute()).isEqualTo("educationCode");
        for (String sibling : List.of("SpanishEducation", "FrenchEducation")) {
            FieldMapping m = p.field(sibling).orElseThrow();
            assertThat(m.status()).isEqualTo(MappingStatus.UNMAPPED);
            assertThat(m.nearMisses()).anySatisfy(a -> {
                assertThat(a.target().attribute()).isEqualTo("educationCode");
                assertThat(a.reason()).isEqualTo("taken by field 'EnglishEducation' in the one-to-one assignment");
            });
        }
    }

    @Test
    void theBetterSiblingWinsWhateverTheOrder() {
        MappingProposal p = engine.propose(input("NumberChildrenAtHome", INTEGER, "TotalChildren", INTEGER),
                CONTACT);
        assertThat(p.field("TotalChildren").orElseThrow().target().attribute()).isEqualTo("numberOfChildren");
        assertThat(p.field("NumberChildrenAtHome").orElseThrow().status()).isEqualTo(MappingStatus.UNMAPPED);
    }

    @Test
    void noTwoFieldsShareAnAttribute() {
        MappingProposal p = engine.propose(input("Phone", STRING, "Telephone", STRING, "PhoneNumber", STRING,
                "HomePhone", STRING), CONTACT);
        List<AttributeRef> targets = p.fields().stream().filter(FieldMapping::hasTarget)
                .map(FieldMapping::target).toList();
        assertThat(targets).doesNotHaveDuplicates().isNotEmpty();
        assertThat(p.field("HomePhone").orElseThrow().target().attribute()).isEqualTo("telephone2");
    }

    @Test
    void pinsAlwaysWinAndTakeTheirAttributeFromOthers() {
        MappingProposal p = engine.propose(input("Phone", STRING, "HomePhone", STRING, "Revenue", NUMBER),
                List.of(CONTACT, ACCOUNT), new MappingOptions().pin("Phone", "Contact.telephone2")
                        .pin("Revenue", AttributeRef.of("Account", "revenue")));
        FieldMapping phone = p.field("Phone").orElseThrow();
        assertThat(phone.pinned()).isTrue();
        assertThat(phone.status()).isEqualTo(MappingStatus.MAPPED);
        assertThat(phone.confidence()).isEqualTo(1.0);
        assertThat(phone.target()).isEqualTo(AttributeRef.of("Contact", "telephone2"));
        assertThat(phone.evidence()).extracting(Evidence::rule).containsExactly("pin");
        FieldMapping home = p.field("HomePhone").orElseThrow();
        assertThat(home.target()).isNotEqualTo(AttributeRef.of("Contact", "telephone2"));
        assertThat(home.nearMisses()).anyMatch(a -> a.reason().equals("pinned by the host to field 'Phone'"));
        InputBinding b = p.toInputBinding();
        assertThat(b.field("Phone").orElseThrow().pinned()).isTrue();
        assertThat(b.field("Revenue").orElseThrow()).isEqualTo(new FieldBinding("Revenue",
                p.entity().equals("Account") ? null : "Account", "revenue", 1.0, true));
    }

    @Test
    void aPinnedTypeMismatchIsKeptWithAWarning() {
        FieldMapping m = engine.propose(input("Age", INTEGER), CONTACT,
                new MappingOptions().pin("Age", "birthDate")).field("Age").orElseThrow();
        assertThat(m.pinned()).isTrue();
        assertThat(m.warnings()).anyMatch(w -> w.startsWith("type veto"));
    }

    @Test
    void badPinsAreClearErrors() {
        assertThatThrownBy(() -> engine.propose(input("Phone", STRING), CONTACT,
                new MappingOptions().pin("Fax", "telephone1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field 'Fax'")
                .hasMessageContaining("[Phone]");
        assertThatThrownBy(() -> engine.propose(input("Phone", STRING), CONTACT,
                new MappingOptions().pin("Phone", "Contact.mobile")))
                .hasMessageContaining("'Contact.mobile', which the catalog does not have");
        assertThatThrownBy(() -> engine.propose(input("Phone", STRING), List.of(CONTACT),
                new MappingOptions().pin("Phone", "Lead.telephone1")))
                .hasMessageContaining("no entity 'Lead'");
        var two = List.of(CONTACT, new dev.custommodels.models.EntitySchema("Lead", CONTACT.attributes(),
                "contactId"));
        assertThatThrownBy(() -> engine.propose(input("Phone", STRING), two,
                new MappingOptions().pin("Phone", "telephone1")))
                .hasMessageContaining("several entities").hasMessageContaining("write Entity.attribute");
    }

    @Test
    void reviewFieldsAreBoundOnlyWhenAccepted() {
        MappingProposal p = engine.propose(input("ID", INTEGER, "FirstName", STRING), CONTACT);
        FieldMapping id = p.field("ID").orElseThrow();
        assertThat(id.status()).isEqualTo(MappingStatus.NEEDS_REVIEW);
        assertThat(p.toInputBinding().field("ID")).isEmpty();
        assertThat(p.toInputBinding(true).field("ID")).isPresent();
        assertThat(MappingProposal.toInputBindings(List.of(p))).containsExactly(p.toInputBinding());
        assertThat(p.fieldsWithStatus(MappingStatus.MAPPED)).extracting(FieldMapping::field)
                .containsExactly("FirstName");
    }
}
