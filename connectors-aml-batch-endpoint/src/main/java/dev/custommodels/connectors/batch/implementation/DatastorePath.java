package dev.custommodels.connectors.batch.implementation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path in a workspace datastore, parsed from the URI forms Azure Machine Learning uses: short
 * {@code azureml://datastores/{ds}/paths/{path}}, long
 * {@code azureml://subscriptions/…/resourcegroups/…/workspaces/…/datastores/{ds}/paths/{path}}, and the ARM id
 * form {@code /subscriptions/…/workspaces/…/datastores/{ds}/paths/{path}}.
 *
 * @param datastore the datastore name
 * @param path the path inside the datastore, without a leading slash; a folder ends with {@code /}
 */
record DatastorePath(String datastore, String path) {
    private static final Pattern SHORT = Pattern.compile("^azureml://datastores/([^/]+)/paths/(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LONG = Pattern.compile("^azureml://subscriptions/[^/]+/resource[gG]roups/[^/]+/"
            + "workspaces/[^/]+/datastores/([^/]+)/paths/(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ARM = Pattern.compile("^/?subscriptions/[^/]+/resourceGroups/[^/]+/providers/"
            + "Microsoft\\.MachineLearningServices/workspaces/[^/]+/datastores/([^/]+)/paths/(.+)$",
            Pattern.CASE_INSENSITIVE);

    static Optional<DatastorePath> parse(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        for (Pattern p : new Pattern[] {SHORT, LONG, ARM}) {
            Matcher m = p.matcher(uri.trim());
            if (m.matches()) {
                String path = m.group(2);
                while (path.startsWith("/")) {
                    path = path.substring(1);
                }
                return Optional.of(new DatastorePath(m.group(1), path));
            }
        }
        return Optional.empty();
    }

    /** The short URI form, which batch endpoints accept for inputs and outputs. */
    String uri() {
        return "azureml://datastores/" + datastore + "/paths/" + path;
    }

    /** The path as a lake path (no trailing slash). */
    String lakePath() {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The last path segment. */
    String fileName() {
        String p = lakePath();
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
