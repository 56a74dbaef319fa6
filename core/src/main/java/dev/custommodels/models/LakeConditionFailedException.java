package dev.custommodels.models;

/**
 * A conditional lake write or delete did not happen because its condition failed: the object already existed
 * (create-only) or its ETag had changed (if-match). Nothing was written.
 */
public final class LakeConditionFailedException extends CustomModelsException {
    private static final long serialVersionUID = 1L;
    /** The path written. */
    private final String path;
    /** The object's ETag now, or {@code null} when unknown or absent. */
    private final String currentEtag;

    /**
     * Creates the exception.
     *
     * @param path the path written
     * @param condition the condition that failed, in words
     * @param currentEtag the object's ETag now, or {@code null} when unknown or absent
     */
    public LakeConditionFailedException(String path, String condition, String currentEtag) {
        super("The conditional write of lake path '" + path + "' failed: " + condition + ".");
        this.path = path;
        this.currentEtag = currentEtag;
    }

    /**
     * Returns the path.
     *
     * @return the path
     */
    public String getPath() {
        return path;
    }

    /**
     * Returns the ETag of the object as it is now.
     *
     * @return the ETag, or {@code null}
     */
    public String getCurrentEtag() {
        return currentEtag;
    }
}
