package dev.custommodels.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.spi.LakePaths;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LakePathsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "../etc/passwd|'..' segment",
        "workflows/../../x|'..' segment",
        "a/./b|'.' segment",
        "/absolute/path|absolute",
        "C:/windows|absolute",
        "a//b|empty segment",
        "trailing/|empty segment",
        "back\\slash|backslash at index 4",
    })
    void badPathsAreRejectedNamingThePathAndTheReason(String path, String reason) {
        assertThatThrownBy(() -> LakePaths.validate(path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + path + "'")
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\nb", "tab\there", "del\u007f"})
    void controlCharactersAreRejectedAndNotEchoed(String path) {
        assertThatThrownBy(() -> LakePaths.validate(path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control character")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("\\p{Cntrl}"));
    }

    @Test
    void validPathsAndPrefixesPass() {
        assertThat(LakePaths.validate("entities/Churn Scores/v/run-1/part-0.csv"))
                .isEqualTo("entities/Churn Scores/v/run-1/part-0.csv");
        assertThat(LakePaths.validatePrefix("")).isEmpty();
        assertThat(LakePaths.validatePrefix("runs/")).isEqualTo("runs/");
        assertThat(LakePaths.join("runs", "wf", "r1", "run.json")).isEqualTo("runs/wf/r1/run.json");
        assertThatThrownBy(() -> LakePaths.join("runs", "..", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LakePaths.validate("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LakePaths.validatePrefix(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
