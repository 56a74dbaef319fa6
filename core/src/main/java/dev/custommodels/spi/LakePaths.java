package dev.custommodels.spi;

/** Validation and composition of lake paths, shared by every {@link LakeStore}. */
public final class LakePaths {
    private LakePaths() {
    }

    /**
     * Checks a lake path: relative, {@code /}-separated, no empty, {@code .} or {@code ..} segments, no
     * backslash, no control characters.
     *
     * @param path the path
     * @return the path, for chaining
     * @throws IllegalArgumentException naming the path and what is wrong with it
     */
    public static String validate(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("A lake path must not be empty.");
        }
        if (path.startsWith("/") || (path.length() > 1 && path.charAt(1) == ':')) {
            throw bad(path, "it is absolute; lake paths are relative to the lake root");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isISOControl(c)) {
                throw bad(path, "it contains the control character U+" + String.format("%04X", (int) c)
                        + " at index " + i);
            }
            if (c == '\\') {
                throw bad(path, "it contains a backslash at index " + i + "; use '/' to separate segments");
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                throw bad(path, "it has an empty segment");
            }
            if (segment.equals("..") || segment.equals(".")) {
                throw bad(path, "it has a '" + segment + "' segment");
            }
        }
        return path;
    }

    /**
     * Checks a listing prefix: empty, or a valid path optionally followed by {@code /}.
     *
     * @param prefix the prefix
     * @return the prefix
     * @throws IllegalArgumentException naming the prefix and what is wrong with it
     */
    public static String validatePrefix(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("A lake prefix must not be null; use \"\" for everything.");
        }
        if (prefix.isEmpty()) {
            return prefix;
        }
        validate(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
        return prefix;
    }

    /**
     * Joins segments with {@code /} and validates the result.
     *
     * @param first the first segment or path
     * @param more further segments
     * @return the joined path
     * @throws IllegalArgumentException if the result is not a valid path
     */
    public static String join(String first, String... more) {
        StringBuilder b = new StringBuilder(first);
        for (String s : more) {
            b.append('/').append(s);
        }
        return validate(b.toString());
    }

    private static IllegalArgumentException bad(String path, String why) {
        String shown = path.length() > 200 ? path.substring(0, 200) + "…" : path;
        return new IllegalArgumentException("The lake path '" + shown.replaceAll("\\p{Cntrl}", "?")
                + "' is not valid: " + why + ".");
    }
}
