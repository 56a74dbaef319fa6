package dev.custommodels.storage.implementation;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.models.CustomModelsException;
import dev.custommodels.models.LakeConditionFailedException;

/**
 * Turns Azure Storage errors into the SDK's exceptions with messages that say what to do. Messages name the lake
 * path and the store's description (never a secret), the HTTP status and the service's error code.
 */
public final class StorageErrors {
    private StorageErrors() {
    }

    /**
     * Returns the HTTP status of an error response.
     *
     * @param e the exception
     * @return the status
     */
    public static int status(HttpResponseException e) {
        return e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
    }

    /**
     * Returns the service's error code ({@code x-ms-error-code}).
     *
     * @param e the exception
     * @return the code, or an empty string
     */
    public static String code(HttpResponseException e) {
        String code = e.getResponse() == null ? null : e.getResponse().getHeaderValue("x-ms-error-code");
        return code == null ? "" : code;
    }

    /**
     * Tells whether an error means a condition failed: 412, or 409 for an existing object on create-only.
     *
     * @param e the exception
     * @return {@code true} for a failed condition
     */
    public static boolean isConditionFailure(HttpResponseException e) {
        int status = status(e);
        String code = code(e);
        return status == 412
                || (status == 409 && (code.equals("BlobAlreadyExists") || code.equals("PathAlreadyExists")));
    }

    /**
     * Builds the exception for a failed storage call, logs it at warning and returns it for throwing.
     *
     * @param logger the logger
     * @param action what was done, such as {@code Writing}
     * @param path the lake path
     * @param store the store's description
     * @param e the error
     * @return the exception to throw
     */
    public static RuntimeException failure(ClientLogger logger, String action, String path, String store,
            HttpResponseException e) {
        int status = status(e);
        String code = code(e);
        String hint = switch (status) {
            case 401, 403 -> " Check the credential: a token needs a data role such as Storage Blob Data"
                    + " Contributor on the account or container; a SAS needs the permission and must not have"
                    + " expired; an account key must be current.";
            case 404 -> code.contains("Container") || code.contains("Filesystem")
                    ? " The container (file system) does not exist; create it first." : "";
            case 409 -> " Another operation conflicts with this one; retry later.";
            default -> status >= 500 ? " The storage service failed after the retries; retry later." : "";
        };
        return logger.logExceptionAsWarning(new CustomModelsException(action + " lake path '" + path + "' in "
                + store + " failed: HTTP " + status + (code.isEmpty() ? "" : " " + code) + "." + hint, e));
    }

    /**
     * Builds a condition failure.
     *
     * @param path the lake path
     * @param condition the condition, in words
     * @param currentEtag the ETag now, or {@code null}
     * @return the exception
     */
    public static LakeConditionFailedException conditionFailed(String path, String condition, String currentEtag) {
        return new LakeConditionFailedException(path, condition, currentEtag);
    }
}
