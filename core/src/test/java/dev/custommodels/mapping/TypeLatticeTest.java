package dev.custommodels.mapping;

import static dev.custommodels.models.DataType.BOOLEAN;
import static dev.custommodels.models.DataType.DATE;
import static dev.custommodels.models.DataType.DATETIME;
import static dev.custommodels.models.DataType.INTEGER;
import static dev.custommodels.models.DataType.NUMBER;
import static dev.custommodels.models.DataType.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.mapping.TypeCheck.Verdict;
import dev.custommodels.models.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TypeLatticeTest {

    /** All 36 (attribute, field) pairs with their verdicts. */
    static Stream<Arguments> allPairs() {
        return Stream.of(
                Arguments.of(STRING, STRING, Verdict.OK), Arguments.of(STRING, INTEGER, Verdict.VETO),
                Arguments.of(STRING, NUMBER, Verdict.VETO), Arguments.of(STRING, BOOLEAN, Verdict.VETO),
                Arguments.of(STRING, DATE, Verdict.VETO), Arguments.of(STRING, DATETIME, Verdict.VETO),
                Arguments.of(INTEGER, STRING, Verdict.OK), Arguments.of(INTEGER, INTEGER, Verdict.OK),
                Arguments.of(INTEGER, NUMBER, Verdict.OK), Arguments.of(INTEGER, BOOLEAN, Verdict.WARN),
                Arguments.of(INTEGER, DATE, Verdict.VETO), Arguments.of(INTEGER, DATETIME, Verdict.VETO),
                Arguments.of(NUMBER, STRING, Verdict.OK), Arguments.of(NUMBER, INTEGER, Verdict.WARN),
                Arguments.of(NUMBER, NUMBER, Verdict.OK), Arguments.of(NUMBER, BOOLEAN, Verdict.VETO),
                Arguments.of(NUMBER, DATE, Verdict.VETO), Arguments.of(NUMBER, DATETIME, Verdict.VETO),
                Arguments.of(BOOLEAN, STRING, Verdict.OK), Arguments.of(BOOLEAN, INTEGER, Verdict.OK),
                Arguments.of(BOOLEAN, NUMBER, Verdict.VETO), Arguments.of(BOOLEAN, BOOLEAN, Verdict.OK),
                Arguments.of(BOOLEAN, DATE, Verdict.VETO), Arguments.of(BOOLEAN, DATETIME, Verdict.VETO),
                Arguments.of(DATE, STRING, Verdict.OK), Arguments.of(DATE, INTEGER, Verdict.VETO),
                Arguments.of(DATE, NUMBER, Verdict.VETO), Arguments.of(DATE, BOOLEAN, Verdict.VETO),
                Arguments.of(DATE, DATE, Verdict.OK), Arguments.of(DATE, DATETIME, Verdict.OK),
                Arguments.of(DATETIME, STRING, Verdict.OK), Arguments.of(DATETIME, INTEGER, Verdict.VETO),
                Arguments.of(DATETIME, NUMBER, Verdict.VETO), Arguments.of(DATETIME, BOOLEAN, Verdict.VETO),
                Arguments.of(DATETIME, DATE, Verdict.WARN), Arguments.of(DATETIME, DATETIME, Verdict.OK));
    }

    @ParameterizedTest(name = "{0} feeds {1}: {2}")
    @MethodSource("allPairs")
    void eachPairHasItsVerdictAndAReason(DataType attribute, DataType field, Verdict expected) {
        TypeCheck c = TypeLattice.check(attribute, field);
        assertThat(c.verdict()).isEqualTo(expected);
        assertThat(c.reason()).isNotBlank();
        assertThat(c.allowed()).isEqualTo(expected != Verdict.VETO);
    }

    @Test
    void allThirtySixPairsAreCovered() {
        assertThat(allPairs().count()).isEqualTo(36);
        assertThat(allPairs().map(a -> a.get()[0] + "->" + a.get()[1]).distinct().count()).isEqualTo(36);
    }

    @Test
    void datesNeverFeedNumbersNorNumbersDates() {
        for (DataType d : new DataType[] {DATE, DATETIME}) {
            for (DataType n : new DataType[] {INTEGER, NUMBER}) {
                assertThat(TypeLattice.check(d, n, true).verdict()).isEqualTo(Verdict.VETO);
                assertThat(TypeLattice.check(n, d, true).verdict()).isEqualTo(Verdict.VETO);
            }
        }
    }

    @Test
    void aTextKeyFeedsANumericKeyWithAWarningOnly() {
        assertThat(TypeLattice.check(STRING, INTEGER, true).verdict()).isEqualTo(Verdict.WARN);
        assertThat(TypeLattice.check(STRING, NUMBER, true).verdict()).isEqualTo(Verdict.WARN);
        assertThat(TypeLattice.check(STRING, DATE, true).verdict()).isEqualTo(Verdict.VETO);
        assertThat(TypeLattice.check(STRING, INTEGER).reason()).contains("key");
    }

    @Test
    void datetimeToDateWarnsAboutTruncation() {
        assertThat(TypeLattice.check(DATETIME, DATE).reason()).contains("time of day is lost");
    }

    @Test
    void convertsTypedValues() {
        assertThat(TypeLattice.convert(42L, INTEGER, NUMBER)).isEqualTo(BigDecimal.valueOf(42));
        assertThat(TypeLattice.convert(2.5d, NUMBER, NUMBER)).isEqualTo(2.5d);
        assertThat(TypeLattice.convert(new BigDecimal("3.00"), NUMBER, INTEGER)).isEqualTo(3L);
        assertThat(TypeLattice.convert(true, BOOLEAN, INTEGER)).isEqualTo(1L);
        assertThat(TypeLattice.convert(0L, INTEGER, BOOLEAN)).isEqualTo(false);
        assertThat(TypeLattice.convert(LocalDate.of(2020, 1, 2), DATE, DATETIME))
                .isEqualTo(LocalDateTime.of(2020, 1, 2, 0, 0));
        OffsetDateTime t = OffsetDateTime.of(2020, 1, 2, 23, 30, 0, 0, ZoneOffset.ofHours(2));
        assertThat(TypeLattice.convert(t, DATETIME, DATE)).isEqualTo(LocalDate.of(2020, 1, 2));
        assertThat(TypeLattice.convert(t, DATETIME, STRING)).isEqualTo("2020-01-02T23:30+02:00");
        assertThat(TypeLattice.convert(1.0d, NUMBER, STRING)).isEqualTo("1");
        assertThat(TypeLattice.convert(null, NUMBER, STRING)).isNull();
    }

    @Test
    void convertsRawText() {
        assertThat(TypeLattice.convert(" 17 ", INTEGER, INTEGER)).isEqualTo(17L);
        assertThat(TypeLattice.convert("12.50", NUMBER, NUMBER)).isEqualTo(new BigDecimal("12.50"));
        assertThat(TypeLattice.convert("TRUE", BOOLEAN, BOOLEAN)).isEqualTo(true);
        assertThat(TypeLattice.convert("2021-03-04 05:06:07", DATETIME, DATE)).isEqualTo(LocalDate.of(2021, 3, 4));
        assertThat(TypeLattice.convert("2021-03-04T05:06:07Z", DATETIME, DATETIME))
                .isEqualTo(OffsetDateTime.of(2021, 3, 4, 5, 6, 7, 0, ZoneOffset.UTC));
        assertThat(TypeLattice.convert("", NUMBER, NUMBER)).isNull();
        assertThat(TypeLattice.convert("", STRING, STRING)).isEqualTo("");
        assertThat(TypeLattice.convert("00123", STRING, INTEGER)).isEqualTo(123L);
    }

    @Test
    void failedConversionsSayWhy() {
        assertThatThrownBy(() -> TypeLattice.convert(2.5d, NUMBER, INTEGER))
                .isInstanceOf(ValueConversionException.class).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> TypeLattice.convert("n/a", INTEGER, INTEGER))
                .isInstanceOf(ValueConversionException.class).hasMessageContaining("'n/a' is not an integer");
        assertThatThrownBy(() -> TypeLattice.convert(2L, INTEGER, BOOLEAN))
                .hasMessageContaining("neither 0 nor 1");
        assertThatThrownBy(() -> TypeLattice.convert(LocalDate.now(), DATE, NUMBER))
                .isInstanceOf(ValueConversionException.class).hasMessageContaining("never feeds a number");
        assertThatThrownBy(() -> TypeLattice.convert("AW00011000", STRING, INTEGER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AW00011000");
        assertThatThrownBy(() -> TypeLattice.convert(Boolean.TRUE, DATE, DATE))
                .hasMessageContaining("does not match its schema");
        ValueConversionException e = (ValueConversionException) org.assertj.core.api.Assertions.catchThrowable(
                () -> TypeLattice.convert(Double.NaN, NUMBER, INTEGER));
        assertThat(e.getFrom()).isEqualTo(NUMBER);
        assertThat(e.getTo()).isEqualTo(INTEGER);
    }

    @Test
    void longValuesAreShortenedInMessages() {
        String text = "x".repeat(500);
        assertThatThrownBy(() -> TypeLattice.convert(text, NUMBER, NUMBER))
                .satisfies(t -> assertThat(t.getMessage().length()).isLessThan(150));
    }

    @Test
    void parsesTypeNamesAndNamesTheAllowedOnes() {
        assertThat(TypeLattice.parseType("DateTime")).isEqualTo(DATETIME);
        assertThatThrownBy(() -> TypeLattice.parseType("money"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown data type 'money'; expected one of string, integer, number, boolean, date, "
                        + "datetime.");
        assertThatThrownBy(() -> TypeLattice.parseType(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
