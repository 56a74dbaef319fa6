package dev.custommodels.mapping;

import static dev.custommodels.mapping.Fixtures.ACCOUNT;
import static dev.custommodels.mapping.Fixtures.CONTACT;
import static dev.custommodels.mapping.Fixtures.STATEMENT;
import static dev.custommodels.mapping.Fixtures.input;
import static dev.custommodels.models.DataType.DATE;
import static dev.custommodels.models.DataType.INTEGER;
import static dev.custommodels.models.DataType.NUMBER;
import static dev.custommodels.models.DataType.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One behaviour per built-in rule, observed through the public engine. */
class MappingRulesTest {
    private final MappingEngine engine = Fixtures.engine();

    private FieldMapping map(String field, dev.custommodels.models.DataType type) {
        return engine.propose(input(field, type), CONTACT).field(field).orElseThrow();
    }

    @Test
    void sameNameIgnoringCaseAndSeparatorsMapsWithFullConfidence() {
        FieldMapping m = map("first_name", STRING);
        assertThat(m.status()).isEqualTo(MappingStatus.MAPPED);
        assertThat(m.target()).isEqualTo(AttributeRef.of("Contact", "firstName"));
        assertThat(m.confidence()).isEqualTo(1.0);
        assertThat(m.evidence()).extracting(Evidence::rule).contains("name");
    }

    @Test
    void synonymsMapTitleToSalutationNotToJobTitle() {
        FieldMapping m = map("Title", STRING);
        assertThat(m.target().attribute()).isEqualTo("salutation");
        assertThat(m.evidence().get(0).detail()).contains("synonyms");
        FieldMapping income = map("YearlyIncome", NUMBER);
        assertThat(income.target().attribute()).isEqualTo("annualIncome");
    }

    @Test
    void abbreviationsAreExpanded() {
        FieldMapping m = map("DOB", DATE);
        assertThat(m.target().attribute()).isEqualTo("birthDate");
        assertThat(m.warnings()).anyMatch(w -> w.contains("time of day is lost"));
        FieldMapping fname = map("FName", STRING);
        assertThat(fname.target().attribute()).isEqualTo("firstName");
    }

    @Test
    void displayNamesCountWhenTheyMatchBetter() {
        FieldMapping m = map("MaritalStatus", STRING);
        assertThat(m.target().attribute()).isEqualTo("familyStatusCode");
        assertThat(m.evidence()).anyMatch(e -> e.rule().equals("display-name") && e.contribution() > 0
                && e.detail().contains("Marital Status"));
    }

    @Test
    void typosAreForgivenByEditDistance() {
        FieldMapping m = map("Adress_Line1", STRING);
        assertThat(m.target().attribute()).isEqualTo("address1Line1");
        assertThat(m.evidence().get(0).detail()).contains("spelling");
    }

    @Test
    void noiseWordsAreIgnoredAndNumberOfMeansCount() {
        FieldMapping m = map("count_of_children", INTEGER);
        assertThat(m.target().attribute()).isEqualTo("numberOfChildren");
    }

    @Test
    void numbersNameInstancesSoBillAmt1IsNotBillAmt2() {
        MappingProposal p = engine.propose(input("BILL_AMT1", NUMBER, "BILL_AMT2", NUMBER, "BILL_AMT3", NUMBER),
                STATEMENT);
        assertThat(p.field("BILL_AMT1").orElseThrow().target().attribute()).isEqualTo("billAmt1");
        assertThat(p.field("BILL_AMT2").orElseThrow().target().attribute()).isEqualTo("billAmt2");
        FieldMapping third = p.field("BILL_AMT3").orElseThrow();
        assertThat(third.status()).isEqualTo(MappingStatus.UNMAPPED);
        assertThat(third.nearMisses()).anyMatch(a -> a.reason().contains("instance 3")
                && a.reason().startsWith("vetoed"));
    }

    @Test
    void anUnnumberedFieldPrefersTheFirstInstanceAndNumberedOnesKeepTheirLine() {
        MappingProposal p = engine.propose(input("AddressLine1", STRING, "AddressLine2", STRING,
                "EmailAddress", STRING), CONTACT);
        assertThat(p.field("AddressLine1").orElseThrow().target().attribute()).isEqualTo("address1Line1");
        assertThat(p.field("AddressLine2").orElseThrow().target().attribute()).isEqualTo("address1Line2");
        assertThat(p.field("EmailAddress").orElseThrow().target().attribute()).isEqualTo("EMailAddress1");
    }

    @Test
    void identifiersFeedIdentifiers() {
        FieldMapping bare = map("ID", INTEGER);
        assertThat(bare.target().attribute()).isEqualTo("contactId");
        assertThat(bare.evidence()).anyMatch(e -> e.rule().equals("identifier"));
        assertThat(bare.warnings()).anyMatch(w -> w.contains("text key"));
        FieldMapping customer = map("CustomerKey", INTEGER);
        assertThat(customer.target().attribute()).isEqualTo("contactId");
        FieldMapping notAKey = map("contact", STRING);
        assertThat(notAKey.target()).isNull();
        assertThat(notAKey.nearMisses()).anyMatch(a -> a.target().attribute().equals("contactId"));
    }

    @Test
    void typeVetoesAndDerivationsLeaveAgeUnmappedNamingTheBirthDate() {
        FieldMapping age = map("Age", INTEGER);
        assertThat(age.status()).isEqualTo(MappingStatus.UNMAPPED);
        assertThat(age.nearMisses()).anySatisfy(a -> {
            assertThat(a.target().attribute()).isEqualTo("birthDate");
            assertThat(a.reason()).contains("derivation, not a mapping").contains("datetime never feeds");
        });
        FieldMapping tenure = map("tenure", INTEGER);
        assertThat(tenure.status()).isEqualTo(MappingStatus.UNMAPPED);
        assertThat(tenure.nearMisses()).anyMatch(a -> a.target().attribute().equals("createdOn")
                && a.reason().contains("derivation"));
    }

    @Test
    void countingAnEntitysRecordsIsADerivation() {
        dev.custommodels.models.EntitySchema purchases = new dev.custommodels.models.EntitySchema("WebPurchases",
                List.of(new dev.custommodels.models.Attribute("purchaseId", STRING, null),
                        new dev.custommodels.models.Attribute("amount", NUMBER, null)), "purchaseId");
        FieldMapping m = engine.propose(input("NumWebPurchases", INTEGER), List.of(CONTACT, purchases))
                .field("NumWebPurchases").orElseThrow();
        assertThat(m.status()).isEqualTo(MappingStatus.UNMAPPED);
        assertThat(m.nearMisses()).anySatisfy(a -> {
            assertThat(a.target()).isEqualTo(AttributeRef.of("WebPurchases", "purchaseId"));
            assertThat(a.reason()).contains("would count the records of WebPurchases");
        });
    }

    @Test
    void aFieldWhoseHeadWordIsUnexplainedDoesNotMap() {
        assertThat(map("Phone", STRING).target().attribute()).isEqualTo("telephone1");
        FieldMapping service = map("PhoneService", STRING);
        assertThat(service.target()).isNull();
        assertThat(service.nearMisses().get(0).evidence()).isEmpty();
    }

    @Test
    void theWholeCatalogSuggestsTheEntityAndTakesFieldsFromOthers() {
        MappingProposal p = engine.propose(input("FirstName", STRING, "LastName", STRING, "Title", STRING,
                "AccountName", STRING), List.of(ACCOUNT, CONTACT));
        assertThat(p.entity()).isEqualTo("Contact");
        assertThat(p.field("AccountName").orElseThrow().target()).isEqualTo(AttributeRef.of("Account", "name"));
        assertThat(p.entities().get(0).entity()).isEqualTo("Contact");
        var binding = p.toInputBinding(true);
        assertThat(binding.entity()).isEqualTo("Contact");
        assertThat(binding.field("FirstName").orElseThrow().entity()).isNull();
        assertThat(binding.field("AccountName").orElseThrow().entity()).isEqualTo("Account");
    }

    @Test
    void aChosenEntityLimitsTheSearch() {
        MappingProposal p = engine.propose(input("AccountName", STRING, "FirstName", STRING), CONTACT);
        assertThat(p.entity()).isEqualTo("Contact");
        assertThat(p.field("AccountName").orElseThrow().target()).isNull();
        MappingProposal viaOptions = engine.propose(input("FirstName", STRING), List.of(ACCOUNT, CONTACT),
                new MappingOptions().setEntity("Account"));
        assertThat(viaOptions.entity()).isEqualTo("Account");
        assertThat(viaOptions.field("FirstName").orElseThrow().target()).isNull();
    }

    @Test
    void aDisplayNameThatRelabelsTheAttributeOutweighsItsName() {
        dev.custommodels.models.EntitySchema crm = new dev.custommodels.models.EntitySchema("Contact", List.of(
                new dev.custommodels.models.Attribute("contactId", STRING, "Contact"),
                new dev.custommodels.models.Attribute("stateCode", STRING, "Status"),
                new dev.custommodels.models.Attribute("address1StateOrProvince", STRING,
                        "Address 1: State/Province"),
                new dev.custommodels.models.Attribute("address1City", STRING, "Address 1: City"),
                new dev.custommodels.models.Attribute("address1Country", STRING, "Address 1: Country"),
                new dev.custommodels.models.Attribute("address1Line1", STRING, "Address 1: Street 1"),
                new dev.custommodels.models.Attribute("address1PostalCode", STRING, "Address 1: ZIP")), "contactId");
        FieldMapping m = engine.propose(input("State", STRING), crm).field("State").orElseThrow();
        assertThat(m.target().attribute()).isEqualTo("address1StateOrProvince");
        assertThat(m.runnerUp().target().attribute()).isEqualTo("stateCode");
        assertThat(m.runnerUp().evidence()).anyMatch(e -> e.rule().equals("display-name")
                && e.detail().contains("'Status' shares no word"));
    }

    @Test
    void mappedFieldsExplainTheRunnerUp() {
        FieldMapping m = map("Phone", STRING);
        assertThat(m.runnerUp()).isNotNull();
        assertThat(m.runnerUp().reason()).isNotBlank();
        assertThat(m.runnerUp().evidence()).isNotEmpty();
        assertThat(m.confidence()).isBetween(0.0, 1.0);
    }
}
