package dev.custommodels.implementation.run;

import dev.custommodels.spi.LakePaths;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** The lake paths of runs; see the package documentation for the layout. */
final class RunPaths {
    static final String ROOT = "runs/";
    private static final String IDS = ROOT + "_ids/";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private RunPaths() {
    }

    static String checkRunId(String runId) {
        Objects.requireNonNull(runId, "runId");
        if (!ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("'" + runId.replaceAll("\\p{Cntrl}", "?") + "' is not a run id: ids"
                    + " are 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit (beginRun"
                    + " assigns them).");
        }
        return runId;
    }

    static String workflowFolder(String workflowId) {
        return ROOT + workflowId + "/";
    }

    static String lease(String workflowId) {
        return LakePaths.join(ROOT + workflowId, "lease.json");
    }

    static String pointer(String runId) {
        return IDS + checkRunId(runId);
    }

    static String folder(String workflowId, String runId) {
        return ROOT + workflowId + "/" + runId + "/";
    }

    static String record(String workflowId, String runId) {
        return LakePaths.validate(folder(workflowId, runId) + "run.json");
    }

    static String workflowSnapshot(String workflowId, String runId) {
        return folder(workflowId, runId) + "workflow.json";
    }

    static String inputFolder(String workflowId, String runId, String input) {
        return folder(workflowId, runId) + "inputs/" + segment(input) + "/";
    }

    static String part(String workflowId, String runId, String input, int index) {
        return inputFolder(workflowId, runId, input) + String.format(Locale.ROOT, "part-%05d.csv", index);
    }

    static String inputManifest(String workflowId, String runId, String input) {
        return inputFolder(workflowId, runId, input) + "manifest.json";
    }

    static String errors(String workflowId, String runId) {
        return folder(workflowId, runId) + "errors/";
    }

    static String exportErrorsPrefix(String workflowId, String runId, String input) {
        return errors(workflowId, runId) + "export-" + segment(input) + "-";
    }

    static String commitErrorsPrefix(String workflowId, String runId) {
        return errors(workflowId, runId) + "commit-";
    }

    static String outputs(String workflowId, String runId) {
        return folder(workflowId, runId) + "outputs/";
    }

    static String work(String workflowId, String runId) {
        return folder(workflowId, runId) + "connector/";
    }

    /** Tells whether a listed path is a run record directly under a workflow's folder, and returns its run id. */
    static String runIdOfRecord(String workflowId, String path) {
        String prefix = workflowFolder(workflowId);
        if (!path.startsWith(prefix) || !path.endsWith("/run.json")) {
            return null;
        }
        String id = path.substring(prefix.length(), path.length() - "/run.json".length());
        return ID.matcher(id).matches() ? id : null;
    }

    /**
     * Turns a model input name into one path segment: kept when it is plain, otherwise its unsafe characters are
     * replaced and a hash of the name keeps two names apart.
     */
    static String segment(String name) {
        if (SAFE_SEGMENT.matcher(name).matches()) {
            return name;
        }
        StringBuilder b = new StringBuilder("in_");
        for (int i = 0; i < name.length() && b.length() < 40; i++) {
            char c = name.charAt(i);
            b.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
        }
        long h = 1125899906842597L;
        for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + x;
        }
        return b.append('-').append(Long.toHexString(h)).toString();
    }
}
