package dev.custommodels.spi;

import java.util.Objects;

/**
 * The condition under which a lake write or delete happens.
 *
 * <p>Use {@link #none()} for an unconditional atomic replace, {@link #ifNotExists()} for create-only, and
 * {@link #ifMatch(String)} to replace only the version with the given ETag.
 */
public final class WriteCondition {
    private static final WriteCondition NONE = new WriteCondition(null, false);
    private static final WriteCondition IF_NOT_EXISTS = new WriteCondition(null, true);

    private final String ifMatch;
    private final boolean ifNotExists;

    private WriteCondition(String ifMatch, boolean ifNotExists) {
        this.ifMatch = ifMatch;
        this.ifNotExists = ifNotExists;
    }

    /**
     * Writes whatever is there.
     *
     * @return the unconditional condition
     */
    public static WriteCondition none() {
        return NONE;
    }

    /**
     * Writes only if no object exists at the path.
     *
     * @return the create-only condition
     */
    public static WriteCondition ifNotExists() {
        return IF_NOT_EXISTS;
    }

    /**
     * Writes only if the object at the path has this ETag.
     *
     * @param etag the expected ETag
     * @return the if-match condition
     */
    public static WriteCondition ifMatch(String etag) {
        return new WriteCondition(Objects.requireNonNull(etag, "etag"), false);
    }

    /**
     * Returns the expected ETag of an if-match condition.
     *
     * @return the ETag, or {@code null} for other conditions
     */
    public String getIfMatch() {
        return ifMatch;
    }

    /**
     * Tells whether this is the create-only condition.
     *
     * @return {@code true} for create-only
     */
    public boolean isIfNotExists() {
        return ifNotExists;
    }

    /**
     * Tells whether this is the unconditional condition.
     *
     * @return {@code true} when no condition applies
     */
    public boolean isNone() {
        return ifMatch == null && !ifNotExists;
    }

    @Override
    public String toString() {
        return ifNotExists ? "if-not-exists" : ifMatch != null ? "if-match " + ifMatch : "none";
    }
}
