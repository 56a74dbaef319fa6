package dev.custommodels.mapping;

import static dev.custommodels.mapping.Fixtures.CONTACT;
import static dev.custommodels.mapping.Fixtures.input;
import static dev.custommodels.models.DataType.INTEGER;
import static dev.custommodels.models.DataType.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.models.Attribute;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class BadInputTest {
    private final MappingEngine engine = Fixtures.engine();
    private final EntitySchema intl = new EntitySchema("Kund", List.of(
            new Attribute("kundId", STRING, null),
            new Attribute("alder", INTEGER, null),
            new Attribute("numeroCliente", STRING, null),
            new Attribute("顧客ID", STRING, null),
            new Attribute("Straße", STRING, null)), "kundId");

    @Test
    void blankAndDuplicateNamesAreRejectedWhereTheyAreMade() {
        assertThatThrownBy(() -> ModelField.of(" ", STRING)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A model field name must not be blank.");
        assertThatThrownBy(() -> input("Age", INTEGER, "Age", STRING)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Model input 'input1' declares the field 'Age' twice.");
        assertThatThrownBy(() -> new Attribute("", STRING, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownTypesAreNamedWithTheAllowedOnes() {
        assertThatThrownBy(() -> TypeLattice.parseType("decimal(10,2)"))
                .hasMessageContaining("Unknown data type 'decimal(10,2)'").hasMessageContaining("datetime");
        assertThatThrownBy(() -> ModelField.of("x", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("type");
    }

    @Test
    void accentsAndOtherScriptsAreCompared() {
        MappingProposal p = engine.propose(input("Ålder", INTEGER, "número_cliente", STRING, "顧客ID", STRING,
                "strasse", STRING), intl);
        assertThat(p.field("Ålder").orElseThrow().target().attribute()).isEqualTo("alder");
        assertThat(p.field("número_cliente").orElseThrow().target().attribute()).isEqualTo("numeroCliente");
        assertThat(p.field("顧客ID").orElseThrow().target().attribute()).isEqualTo("顧客ID");
        assertThat(p.field("strasse").orElseThrow().status()).isIn(MappingStatus.values());
    }

    @Test
    void thousandCharacterNamesGiveASaneResult() {
        String longName = "customer".repeat(125);
        String wordy = "first_name_" + "x".repeat(989);
        MappingProposal p = engine.propose(input(longName, STRING, wordy, STRING), CONTACT);
        assertThat(longName).hasSize(1000);
        assertThat(wordy).hasSize(1000);
        assertThat(p.fields()).hasSize(2);
        assertThat(p.fields()).allSatisfy(f -> assertThat(f.confidence()).isBetween(0.0, 1.0));
        EntitySchema longAttr = new EntitySchema("E", List.of(Attribute.of("a".repeat(1000), STRING),
                Attribute.of("id", STRING)), "id");
        assertThat(engine.propose(input("a".repeat(1000), STRING), longAttr).field("a".repeat(1000))
                .orElseThrow().target().attribute()).hasSize(1000);
        String almost = "a".repeat(999) + "b";
        assertThat(engine.propose(input(almost, STRING), longAttr).field(almost).orElseThrow().confidence())
                .isLessThan(1.0);
    }

    @Test
    void namesWithoutLettersOrDigitsStayUnmappedAndSaySo() {
        FieldMapping m = engine.propose(input("$$$", STRING, "__", STRING), CONTACT).field("$$$").orElseThrow();
        assertThat(m.status()).isEqualTo(MappingStatus.UNMAPPED);
        assertThat(m.warnings()).containsExactly("the name '$$$' has no words to compare");
    }

    @Test
    void anEmptyCatalogIsAClearError() {
        assertThatThrownBy(() -> engine.propose(input("Age", INTEGER), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The catalog has no entities");
        assertThatThrownBy(() -> engine.propose(input("Age", INTEGER), List.of(CONTACT, CONTACT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two entities named 'Contact'");
        assertThatThrownBy(() -> engine.propose(input("Age", INTEGER), List.of(CONTACT),
                new MappingOptions().setEntity("Lead"))).hasMessageContaining("no entity 'Lead'");
    }

    @Test
    void anInputWithoutFieldsGivesAnEmptyProposal() {
        MappingProposal p = engine.propose(new ModelInput("input1", List.of(), false), CONTACT);
        assertThat(p.fields()).isEmpty();
        assertThat(p.entity()).isEqualTo("Contact");
        assertThat(p.toInputBinding().fields()).isEmpty();
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> engine.propose(null, CONTACT)).isInstanceOf(NullPointerException.class)
                .hasMessage("input");
        assertThatThrownBy(() -> engine.propose(input("a", STRING), (EntitySchema) null))
                .hasMessage("entity");
    }
}
