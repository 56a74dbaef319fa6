package dev.custommodels.models;

/** A lake path names no object. */
public final class LakeObjectNotFoundException extends CustomModelsException {
    private static final long serialVersionUID = 1L;
    /** The path that was not found. */
    private final String path;

    /**
     * Creates the exception.
     *
     * @param path the path that was not found
     */
    public LakeObjectNotFoundException(String path) {
        super("No object at lake path '" + path + "'.");
        this.path = path;
    }

    /**
     * Returns the path that was not found.
     *
     * @return the path
     */
    public String getPath() {
        return path;
    }
}
