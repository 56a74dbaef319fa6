package dev.custommodels.implementation.output;

/**
 * Validation of the names that end up in a CDM folder: entity names (a lake folder and the model.json entity
 * name), attribute names (model.json attributes) and run ids (a lake folder).
 *
 * <p>The limits come from the model.json JSON schema published with the Common Data Model: entity, attribute and
 * partition names are 1 to 256 characters with no leading or trailing white space, and entity names contain no
 * {@code .} or {@code "}. On top of that an entity name is a lake folder, so it must not hold path characters,
 * nor characters that Windows file systems reserve (the local lake may live on one).
 */
public final class OutputNames {
    /** The longest entity or attribute name the CDM model.json schema allows. */
    public static final int MAX_NAME_LENGTH = 256;
    /** The longest run id; run ids are folder names. */
    public static final int MAX_RUN_ID_LENGTH = 128;

    private static final String ENTITY_RULE = "Entity names are 1 to " + MAX_NAME_LENGTH + " characters without "
            + "path characters (/ \\ : * ? < > |), dots, double quotes, control characters, or leading or trailing "
            + "white space (the Common Data Model's model.json rules plus what a lake folder needs).";
    private static final String ATTRIBUTE_RULE = "Attribute names are 1 to " + MAX_NAME_LENGTH + " characters "
            + "without path characters (/ \\), control characters, or leading or trailing white space.";

    private OutputNames() {
    }

    /**
     * Checks an output entity name.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException naming the name and what is wrong with it
     */
    public static String validateEntityName(String name) {
        String problem = commonProblem(name);
        if (problem == null) {
            problem = forbidden(name, "/\\:*?<>|.\"");
        }
        if (problem != null) {
            throw new IllegalArgumentException("The output entity name " + show(name) + " is not valid: " + problem
                    + ". " + ENTITY_RULE);
        }
        return name;
    }

    /**
     * Checks an attribute name of an output entity.
     *
     * @param entityName the entity, for the message
     * @param name the attribute name
     * @return the name
     * @throws IllegalArgumentException naming the attribute and what is wrong with it
     */
    public static String validateAttributeName(String entityName, String name) {
        String problem = commonProblem(name);
        if (problem == null) {
            problem = forbidden(name, "/\\");
        }
        if (problem != null) {
            throw new IllegalArgumentException("The attribute name " + show(name) + " of output entity '"
                    + entityName + "' is not valid: " + problem + ". " + ATTRIBUTE_RULE);
        }
        return name;
    }

    /**
     * Checks a run id, which names the folder of a version.
     *
     * @param runId the run id
     * @return the run id
     * @throws IllegalArgumentException naming the run id and what is wrong with it
     */
    public static String validateRunId(String runId) {
        String problem = null;
        if (runId == null || runId.isEmpty()) {
            problem = "it is empty";
        } else if (runId.length() > MAX_RUN_ID_LENGTH) {
            problem = "it has " + runId.length() + " characters, more than " + MAX_RUN_ID_LENGTH;
        } else if (!isRunIdStart(runId.charAt(0))) {
            problem = "it starts with " + describe(runId.charAt(0));
        } else {
            for (int i = 1; i < runId.length() && problem == null; i++) {
                char c = runId.charAt(i);
                if (!isRunIdStart(c) && c != '-' && c != '_' && c != '.') {
                    problem = "it contains " + describe(c) + " at index " + i;
                }
            }
        }
        if (problem != null) {
            throw new IllegalArgumentException("The run id " + show(runId) + " cannot name an output entity "
                    + "version: " + problem + ". Run ids are 1 to " + MAX_RUN_ID_LENGTH + " ASCII letters, digits, "
                    + "'-', '_' and '.', starting with a letter or digit.");
        }
        return runId;
    }

    private static boolean isRunIdStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static String commonProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "it is empty";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return "it has " + name.length() + " characters, more than the " + MAX_NAME_LENGTH
                    + " the Common Data Model allows";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                return "it contains the control character " + describe(c) + " at index " + i;
            }
        }
        if (Character.isWhitespace(name.charAt(0)) || Character.isSpaceChar(name.charAt(0))) {
            return "it starts with white space";
        }
        char last = name.charAt(name.length() - 1);
        if (Character.isWhitespace(last) || Character.isSpaceChar(last)) {
            return "it ends with white space";
        }
        return null;
    }

    private static String forbidden(String name, String characters) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (characters.indexOf(c) >= 0) {
                return "it contains " + describe(c) + " at index " + i;
            }
        }
        return null;
    }

    private static String describe(char c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    /**
     * Shows a name in a message: quoted, control characters escaped, cut after 80 characters.
     *
     * @param name the name, possibly {@code null}
     * @return the printable form
     */
    public static String show(String name) {
        if (name == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("'");
        int limit = Math.min(name.length(), 80);
        for (int i = 0; i < limit; i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        if (name.length() > limit) {
            b.append("…");
        }
        return b.append('\'').toString();
    }
}
