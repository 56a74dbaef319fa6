package dev.custommodels.models;

/** A file of the SDK's state in the lake cannot be read; it names the file. */
public final class CorruptStateException extends CustomModelsException {
    private static final long serialVersionUID = 1L;
    /** The lake path of the file. */
    private final String path;

    /**
     * Creates the exception.
     *
     * @param path the lake path of the file
     * @param detail what is wrong with it
     * @param cause the parse error, or {@code null}
     */
    public CorruptStateException(String path, String detail, Throwable cause) {
        super("The file '" + path + "' in the lake cannot be read: " + detail
                + ". Restore it from a backup or delete it.", cause);
        this.path = path;
    }

    /**
     * Returns the lake path of the file.
     *
     * @return the path
     */
    public String getPath() {
        return path;
    }
}
