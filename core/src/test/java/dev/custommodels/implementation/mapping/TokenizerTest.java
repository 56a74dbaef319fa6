package dev.custommodels.implementation.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "firstName;first name",
        "customerID;customer id",
        "HTTPServerURL;http server url",
        "EMailAddress1;e mail address 1",
        "BILL_AMT1;bill amt 1",
        "bill-amt-2;bill amt 2",
        "address.line.01;address line 1",
        "Annual Income (k$);annual income k",
        "aging30Base;aging 30 base",
        "顧客ID;顧客 id",
        "Ålder;alder",
        "número_cliente;numero cliente",
        "PAY_0;pay 0",
        "__;''",
        "Spending Score (1-100);spending score",
        "Address 1: Street 1;address 1 street 1"})
    void splitsNamesIntoWords(String name, String words) {
        assertThat(String.join(" ", Tokenizer.split(name))).isEqualTo(words);
    }

    @Test
    void compactFormsIgnoreCaseAccentsAndSeparators() {
        assertThat(Tokenizer.compact("First_Name")).isEqualTo(Tokenizer.compact("firstname"));
        assertThat(Tokenizer.compact("Número-Cliente")).isEqualTo("numerocliente");
    }

    @Test
    void veryLongNamesAreCutNotChoked() {
        String name = "ab".repeat(5000);
        assertThat(Tokenizer.split(name)).hasSize(1);
        assertThat(Tokenizer.split(name).get(0)).hasSize(Tokenizer.MAX_NAME_CHARS);
        assertThat(Tokenizer.split("a_".repeat(500))).hasSize(Tokenizer.MAX_TOKENS);
    }

    @Test
    void stemsPluralsAndMeasuresEditDistance() {
        assertThat(Words.stem("categories")).isEqualTo("category");
        assertThat(Words.stem("addresses")).isEqualTo("address");
        assertThat(Words.stem("charges")).isEqualTo("charge");
        assertThat(Words.stem("status")).isEqualTo("status");
        assertThat(Words.stem("sms")).isEqualTo("sms");
        assertThat(Words.distance("adress", "address", 2)).isEqualTo(1);
        assertThat(Words.distance("recieve", "receive", 2)).isEqualTo(1);
        assertThat(Words.distance("gender", "tender", 0)).isEqualTo(1);
    }
}
