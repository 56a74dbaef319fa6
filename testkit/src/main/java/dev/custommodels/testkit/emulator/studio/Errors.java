package dev.custommodels.testkit.emulator.studio;

import dev.custommodels.testkit.emulator.EmulatorResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The classic services' error body: {@code {"error":{"code","message","details":[{"code","target","message"}]}}}. */
final class Errors {
    private Errors() {
    }

    static EmulatorResponse error(int status, String code, String detailCode, String message) {
        return error(status, code, detailCode, null, message);
    }

    static EmulatorResponse error(int status, String code, String detailCode, String target, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (detailCode != null) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("code", detailCode);
            if (target != null) {
                detail.put("target", target);
            }
            detail.put("message", message);
            error.put("details", List.of(detail));
        }
        return EmulatorResponse.json(status, Map.of("error", error));
    }

    static EmulatorResponse badInput(String detailCode, String target, String message) {
        return error(400, "BadUserArgument", detailCode, target, message);
    }
}
