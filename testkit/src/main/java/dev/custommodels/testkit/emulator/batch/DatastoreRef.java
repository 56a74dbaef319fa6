package dev.custommodels.testkit.emulator.batch;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A datastore path named by a job input or output URI, in the forms the service accepts: short
 * {@code azureml://datastores/{ds}/paths/{path}}, long {@code azureml://subscriptions/…/workspaces/{ws}/datastores/…}
 * and the ARM id form {@code /subscriptions/…/datastores/{ds}/paths/{path}}.
 */
record DatastoreRef(String datastore, String path) {
    private static final Pattern SHORT = Pattern.compile("^azureml://datastores/([^/]+)/paths/(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LONG = Pattern.compile(
            "^azureml://subscriptions/[^/]+/resource[gG]roups/[^/]+/workspaces/[^/]+/datastores/([^/]+)/paths/(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ARM = Pattern.compile(
            "^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.MachineLearningServices/workspaces/"
                    + "[^/]+/datastores/([^/]+)/paths/(.*)$", Pattern.CASE_INSENSITIVE);

    static Optional<DatastoreRef> parse(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        for (Pattern p : new Pattern[] {SHORT, LONG, ARM}) {
            Matcher m = p.matcher(uri);
            if (m.matches()) {
                return Optional.of(new DatastoreRef(m.group(1), m.group(2)));
            }
        }
        return Optional.empty();
    }

    String uri() {
        return "azureml://datastores/" + datastore + "/paths/" + path;
    }

    /** The path without a trailing slash, as a lake path. */
    String trimmedPath() {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
