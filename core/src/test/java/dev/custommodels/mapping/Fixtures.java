package dev.custommodels.mapping;

import static dev.custommodels.models.DataType.BOOLEAN;
import static dev.custommodels.models.DataType.DATETIME;
import static dev.custommodels.models.DataType.INTEGER;
import static dev.custommodels.models.DataType.NUMBER;
import static dev.custommodels.models.DataType.STRING;

import dev.custommodels.models.Attribute;
import dev.custommodels.models.DataType;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import java.util.ArrayList;
import java.util.List;

/** Small catalogs shaped like CRM schemas, written for these tests. */
final class Fixtures {
    static final EntitySchema CONTACT = new EntitySchema("Contact", List.of(
            new Attribute("contactId", STRING, "Contact"),
            new Attribute("firstName", STRING, "First Name"),
            new Attribute("lastName", STRING, "Last Name"),
            new Attribute("jobTitle", STRING, "Job Title"),
            new Attribute("salutation", STRING, "Salutation"),
            new Attribute("birthDate", DATETIME, "Birthday"),
            new Attribute("familyStatusCode", STRING, "Marital Status"),
            new Attribute("educationCode", STRING, "Education"),
            new Attribute("telephone1", STRING, "Business Phone"),
            new Attribute("telephone2", STRING, "Home Phone"),
            new Attribute("address1Line1", STRING, "Address 1: Street 1"),
            new Attribute("address1Line2", STRING, "Address 1: Street 2"),
            new Attribute("address2Line1", STRING, "Address 2: Street 1"),
            new Attribute("address2Line2", STRING, "Address 2: Street 2"),
            new Attribute("annualIncome", NUMBER, "Annual Income"),
            new Attribute("numberOfChildren", INTEGER, "No. of Children"),
            new Attribute("EMailAddress1", STRING, "Email"),
            new Attribute("EMailAddress2", STRING, "Email Address 2"),
            new Attribute("doNotPhone", BOOLEAN, "Do not allow Phone Calls"),
            new Attribute("createdOn", DATETIME, "Created On")), "contactId");

    static final EntitySchema ACCOUNT = new EntitySchema("Account", List.of(
            new Attribute("accountId", STRING, "Account"),
            new Attribute("name", STRING, "Account Name"),
            new Attribute("revenue", NUMBER, "Annual Revenue"),
            new Attribute("numberOfEmployees", INTEGER, "Number of Employees"),
            new Attribute("industryCode", STRING, "Industry")), "accountId");

    static final EntitySchema STATEMENT = new EntitySchema("Statement", List.of(
            new Attribute("statementId", STRING, null),
            new Attribute("billAmt1", NUMBER, null),
            new Attribute("billAmt2", NUMBER, null),
            new Attribute("orderQuantity", INTEGER, null)), "statementId");

    private Fixtures() {
    }

    static ModelInput input(Object... nameTypePairs) {
        List<ModelField> fields = new ArrayList<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            fields.add(ModelField.of((String) nameTypePairs[i], (DataType) nameTypePairs[i + 1]));
        }
        return ModelInput.of("input1", fields);
    }

    static MappingEngine engine() {
        return new MappingEngineBuilder().buildEngine();
    }
}
