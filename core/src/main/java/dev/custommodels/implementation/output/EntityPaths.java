package dev.custommodels.implementation.output;

import java.util.Optional;

/**
 * Where an output entity's files live in the lake.
 *
 * <pre>
 * entities/&lt;entity&gt;/model.json                               current version + retained history (CDM)
 * entities/&lt;entity&gt;/v/&lt;runId&gt;/model-&lt;attempt&gt;.json             one version (CDM)
 * entities/&lt;entity&gt;/v/&lt;runId&gt;/part-NNNNN-&lt;attempt&gt;.csv         a partition
 * entities/&lt;entity&gt;/v/&lt;runId&gt;/part-NNNNN-&lt;attempt&gt;.idx         its sparse index
 * </pre>
 *
 * <p>An attempt is {@code g<base generation>-<8 hex>}: each writer has its own, so a re-run of a run id never
 * overwrites files a reader may be reading, and a commit can tell which leftover attempts can never commit (those
 * opened against an older generation).
 */
public final class EntityPaths {
    private static final String ROOT = "entities/";

    private EntityPaths() {
    }

    /**
     * Returns the entity folder prefix.
     *
     * @param entity the entity
     * @return {@code entities/<entity>/}
     */
    public static String folder(String entity) {
        return ROOT + entity + "/";
    }

    /**
     * Returns the path of the entity's model.json.
     *
     * @param entity the entity
     * @return the path
     */
    public static String manifest(String entity) {
        return folder(entity) + "model.json";
    }

    /**
     * Returns the prefix of every version's files.
     *
     * @param entity the entity
     * @return {@code entities/<entity>/v/}
     */
    public static String versions(String entity) {
        return folder(entity) + "v/";
    }

    /**
     * Returns the path of a version's own model.json.
     *
     * @param entity the entity
     * @param runId the run id
     * @param attempt the attempt
     * @return the path
     */
    public static String versionManifest(String entity, String runId, String attempt) {
        return versions(entity) + runId + "/model-" + attempt + ".json";
    }

    /**
     * Returns a partition's CSV path.
     *
     * @param entity the entity
     * @param runId the run id
     * @param attempt the attempt
     * @param number the partition number
     * @return the path
     */
    public static String partition(String entity, String runId, String attempt, int number) {
        return versions(entity) + runId + "/" + partitionName(number) + "-" + attempt + ".csv";
    }

    /**
     * Returns a partition's index path.
     *
     * @param entity the entity
     * @param runId the run id
     * @param attempt the attempt
     * @param number the partition number
     * @return the path
     */
    public static String index(String entity, String runId, String attempt, int number) {
        return versions(entity) + runId + "/" + partitionName(number) + "-" + attempt + ".idx";
    }

    /**
     * Returns the CDM name of a partition.
     *
     * @param number the partition number
     * @return {@code part-NNNNN}
     */
    public static String partitionName(int number) {
        return String.format("part-%05d", number);
    }

    /**
     * Makes an attempt token.
     *
     * @param baseGeneration the generation the writer opened against
     * @param random random bits
     * @return the token
     */
    public static String attempt(long baseGeneration, int random) {
        return "g" + baseGeneration + "-" + String.format("%08x", random);
    }

    /**
     * Returns the generation an attempt was opened against.
     *
     * @param attempt the attempt token
     * @return the generation, or empty if the token is not one
     */
    public static Optional<Long> baseGeneration(String attempt) {
        int dash = attempt.indexOf('-');
        if (!attempt.startsWith("g") || dash < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(attempt.substring(1, dash)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Splits a file path under {@link #versions(String)} into run id and attempt.
     *
     * @param entity the entity
     * @param path the file's lake path
     * @return {@code {runId, attempt}}, or empty for a file that is not a version file
     */
    public static Optional<String[]> parse(String entity, String path) {
        String prefix = versions(entity);
        if (!path.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = path.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || rest.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        String runId = rest.substring(0, slash);
        String file = rest.substring(slash + 1);
        String attempt;
        if (file.startsWith("model-") && file.endsWith(".json")) {
            attempt = file.substring("model-".length(), file.length() - ".json".length());
        } else if (file.startsWith("part-") && (file.endsWith(".csv") || file.endsWith(".idx"))
                && file.indexOf('-', "part-".length()) > 0) {
            attempt = file.substring(file.indexOf('-', "part-".length()) + 1, file.length() - 4);
        } else {
            return Optional.empty();
        }
        return baseGeneration(attempt).isPresent() ? Optional.of(new String[] {runId, attempt}) : Optional.empty();
    }
}
