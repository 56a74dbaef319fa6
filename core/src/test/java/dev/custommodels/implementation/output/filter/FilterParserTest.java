package dev.custommodels.implementation.output.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.implementation.output.filter.FilterNode.CompareOp;
import dev.custommodels.implementation.output.filter.FilterNode.LiteralKind;
import dev.custommodels.models.DataType;
import dev.custommodels.output.InvalidQueryException;
import dev.custommodels.output.QueryErrorKind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class FilterParserTest {

    @Test
    void andBindsTighterThanOrAndChainsAreFlat() {
        FilterNode n = FilterParser.parse("A eq 1 or B eq 2 and C eq 3 and D eq 4");
        assertThat(n).isInstanceOf(FilterNode.Or.class);
        FilterNode.Or or = (FilterNode.Or) n;
        assertThat(or.terms()).hasSize(2);
        assertThat(or.terms().get(1)).isInstanceOfSatisfying(FilterNode.And.class,
                and -> assertThat(and.terms()).hasSize(3));
    }

    @Test
    void notAppliesToTheComparisonThatFollows() {
        FilterNode n = FilterParser.parse("not Score gt 1 and Active");
        FilterNode.And and = (FilterNode.And) n;
        assertThat(and.terms().get(0)).isInstanceOfSatisfying(FilterNode.Not.class,
                not -> assertThat(not.operand()).isInstanceOf(FilterNode.Compare.class));
    }

    @Test
    void literalsOfEveryKind() {
        assertThat(literal("'O''Neil'")).satisfies(l -> {
            assertThat(l.kind()).isEqualTo(LiteralKind.STRING);
            assertThat(l.value()).isEqualTo("O'Neil");
        });
        assertThat(literal("''").value()).isEqualTo("");
        assertThat(literal("42").value()).isEqualTo(42L);
        assertThat(literal("-0.5").value()).isEqualTo(-0.5);
        assertThat(literal("1e3").value()).isEqualTo(1000.0);
        assertThat(literal("99999999999999999999").kind()).isEqualTo(LiteralKind.DECIMAL);
        assertThat(literal("true").value()).isEqualTo(true);
        assertThat(literal("null").kind()).isEqualTo(LiteralKind.NULL);
        assertThat(literal("2024-05-01").value()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(literal("2024-05-01T00:00:00Z").value())
                .isEqualTo(OffsetDateTime.parse("2024-05-01T00:00:00Z"));
        assertThat(literal("2024-05-01T02:30:00.5+02:00").value())
                .isEqualTo(OffsetDateTime.parse("2024-05-01T02:30:00.5+02:00"));
    }

    @Test
    void inListsAndFunctions() {
        FilterNode.In in = (FilterNode.In) FilterParser.parse("Id in ('a', 'b','c')");
        assertThat(in.values()).extracting(FilterNode.Literal::value).containsExactly("a", "b", "c");
        FilterNode.Call call = (FilterNode.Call) FilterParser.parse("startswith(Name, 'Jo')");
        assertThat(call.function()).isEqualTo(FilterNode.Function.STARTSWITH);
        FilterNode.Compare c = (FilterNode.Compare) FilterParser.parse("contains(Name,'x') eq false");
        assertThat(c.op()).isEqualTo(CompareOp.EQ);
        assertThat(c.left()).isInstanceOf(FilterNode.Call.class);
    }

    @Test
    void syntaxErrorsNameThePositionAndWhatWasExpected() {
        syntax("Score eq )", 9, "expected an attribute, a literal or '(' but found ')'");
        syntax("Score eq 1 Active", 11, "expected 'and', 'or' or the end of the filter but found 'Active'");
        syntax("Score EQ 1", 6, "expected an operator in lower case ('eq') but found 'EQ'");
        syntax("Name eq 'abc", 8, "the string literal starting there is never closed");
        syntax("(Score eq 1", 11, "expected ')' to close the '(' at position 0 but found the end of the filter");
        syntax("Score eq 1)", 10, "this ')' has no matching '('");
        syntax("Id in ()", 7, "expected a literal value in the 'in' list but found ')'");
        syntax("Id in ('a' 'b')", 11, "expected ',' or ')' in the 'in' list");
        syntax("tolower(Name) eq 'x'", 0, "the function 'tolower' is not supported");
        syntax("Contains(Name, 'x')", 0, "is written in lower case ('contains')");
        syntax("Score eq 12abc", 11, "after the number 12");
        syntax("At eq 2024-05-01T00:00:00", 6, "has no offset; add Z");
        syntax("At eq 2024-13-01", 6, "expected a date such as 2024-05-01");
        syntax("Score eq 1e999", 9, "out of range");
        syntax("Score eq 1 and", 14, "found the end of the filter");
        syntax("Score # 1", 6, "found the character '#'");
        syntax("Name eq 'a\u0001' and \u0002", 17, "found the character U+0002");
        syntax("  ", 0, "found an empty filter");
    }

    @Test
    void limitsGiveTheDocumentedError() {
        String deep = "(".repeat(64) + "A eq 1" + ")".repeat(64);
        assertThat(FilterParser.parse(deep)).isInstanceOf(FilterNode.Compare.class);
        assertThatThrownBy(() -> FilterParser.parse("(".repeat(65) + "A eq 1" + ")".repeat(65)))
                .isInstanceOfSatisfying(InvalidQueryException.class,
                        e -> assertThat(e.getKind()).isEqualTo(QueryErrorKind.TOO_COMPLEX))
                .hasMessageContaining("nests deeper than 64 levels at position 64");
        assertThatThrownBy(() -> FilterParser.parse("not ".repeat(100) + "A"))
                .hasMessageContaining("nests deeper than 64");
        assertThatThrownBy(() -> FilterParser.parse("A eq '" + "x".repeat(20_000) + "'"))
                .isInstanceOfSatisfying(InvalidQueryException.class,
                        e -> assertThat(e.getKind()).isEqualTo(QueryErrorKind.TOO_COMPLEX))
                .hasMessageContaining("20007 characters, more than the 16384");
        String chain = "A eq 1" + " and A eq 1".repeat(1400);
        assertThat(((FilterNode.And) FilterParser.parse(chain)).terms()).hasSize(1401);
    }

    @Test
    void customerIdKeysComeFromEqInAndAndOr() {
        assertThat(keys("Id eq 'a'")).containsExactly("a");
        assertThat(keys("'a' eq Id")).containsExactly("a");
        assertThat(keys("Id in ('a','b') and Score gt 1")).containsExactlyInAnyOrder("a", "b");
        assertThat(keys("Score gt 1 and (Id eq 'a' or Id eq 'b')")).containsExactlyInAnyOrder("a", "b");
        assertThat(keys("Id eq 'a' and Id in ('a','b','c')")).containsExactly("a");
        assertThat(keys("Id eq null")).isEmpty();
        assertThat(keys("Id eq 'a' or Score gt 1")).isNull();
        assertThat(keys("not (Id ne 'a')")).isNull();
        assertThat(keys("Id ne 'a'")).isNull();
        assertThat(keys("startswith(Id, 'a')")).isNull();
    }

    private static java.util.Set<String> keys(String filter) {
        return KeyExtractor.customerIds(FilterParser.parse(filter), "Id", DataType.STRING);
    }

    private static FilterNode.Literal literal(String text) {
        FilterNode.Compare c = (FilterNode.Compare) FilterParser.parse("A eq " + text);
        return (FilterNode.Literal) c.right();
    }

    private static void syntax(String filter, int position, String message) {
        assertThatThrownBy(() -> FilterParser.parse(filter))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> {
                    assertThat(e.getKind()).isEqualTo(QueryErrorKind.SYNTAX);
                    assertThat(e.getPosition()).as(filter).isEqualTo(position);
                })
                .hasMessageContaining(message);
    }
}
