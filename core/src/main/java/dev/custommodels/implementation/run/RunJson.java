package dev.custommodels.implementation.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.custommodels.models.CorruptStateException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON of the run's lake files: run.json, lease.json and chunk manifests. Unknown properties are ignored. */
final class RunJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private RunJson() {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write " + value.getClass().getSimpleName() + " as JSON.", e);
        }
    }

    static <T> T read(String path, byte[] json, Class<T> type) {
        T value;
        try {
            value = MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new CorruptStateException(path, "it is not a valid " + type.getSimpleName() + " document ("
                    + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            throw new CorruptStateException(path, "its content is not valid (" + e.getMessage() + ")", e);
        }
        if (value == null) {
            throw new CorruptStateException(path, "it is empty", null);
        }
        return value;
    }
}
