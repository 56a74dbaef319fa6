package dev.custommodels.spi.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.custommodels.implementation.azure.ArmJson;
import dev.custommodels.models.CustomModelsException;

/**
 * An error answer of Azure Resource Manager or of an Azure data-plane API with the common
 * {@code {"error":{"code":…,"message":…}}} body, such as Azure Machine Learning's.
 */
public class ArmException extends CustomModelsException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_MESSAGE = 2000;

    /** The HTTP status. */
    private final int statusCode;
    /** The service's error code, or {@code null}. */
    private final String errorCode;
    /** The service's own message, or {@code null}. */
    private final String serviceMessage;
    /** The request id for support, or {@code null}. */
    private final String requestId;

    /**
     * Creates the exception.
     *
     * @param message what was attempted and what went wrong
     * @param statusCode the HTTP status
     * @param errorCode the service's error code, or {@code null}
     * @param serviceMessage the service's own message, or {@code null}
     * @param requestId the request id for support, or {@code null}
     */
    public ArmException(String message, int statusCode, String errorCode, String serviceMessage, String requestId) {
        super(message);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.serviceMessage = serviceMessage;
        this.requestId = requestId;
    }

    /**
     * Reads an error answer. The body is consumed.
     *
     * @param response the error response
     * @param operation what was attempted, such as {@code "Listing the workspaces of subscription 'S'"}
     * @return the exception, not thrown
     */
    public static ArmException fromResponse(HttpResponse response, String operation) {
        String body = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
        return fromParts(operation, response.getStatusCode(), response.getHeaders(), body);
    }

    /**
     * Builds the exception from the parts of an error answer.
     *
     * @param operation what was attempted
     * @param status the HTTP status
     * @param headers the response headers (for the request id), or {@code null}
     * @param body the response body, or {@code null}
     * @return the exception, not thrown
     */
    public static ArmException fromParts(String operation, int status, HttpHeaders headers, String body) {
        JsonNode root = ArmJson.parse(body);
        JsonNode error = ArmJson.get(root, "error");
        if (error.isMissingNode()) {
            error = root;
        }
        String code = ArmJson.text(error, "code");
        String message = ArmJson.text(error, "message");
        if (message == null && body != null && !body.isBlank() && root.isMissingNode()) {
            message = body.length() > MAX_MESSAGE ? body.substring(0, MAX_MESSAGE) + "…" : body;
        }
        String requestId = headers == null ? null : firstHeader(headers, "x-ms-request-id",
                "x-ms-correlation-request-id", "x-request-id");
        StringBuilder text = new StringBuilder(operation).append(" failed with HTTP ").append(status);
        if (code != null) {
            text.append(" ").append(code);
        }
        if (message != null) {
            text.append(": ").append(message);
        }
        if (!text.toString().endsWith(".")) {
            text.append('.');
        }
        text.append(hint(status));
        if (requestId != null) {
            text.append(" Request id: ").append(requestId).append('.');
        }
        return new ArmException(text.toString(), status, code, message, requestId);
    }

    private static String firstHeader(HttpHeaders headers, String... names) {
        for (String n : names) {
            String v = headers.getValue(HttpHeaderName.fromString(n));
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String hint(int status) {
        switch (status) {
            case 401:
                return " Check that the credential for this tenant is valid and issued by the tenant that owns the"
                        + " resource.";
            case 403:
                return " The signed-in identity lacks a role on this resource; ask an owner of it for access.";
            case 404:
                return " Check the resource id and that it exists in this subscription.";
            default:
                return "";
        }
    }

    /**
     * Returns the HTTP status.
     *
     * @return the status
     */
    public int getStatusCode() {
        return statusCode;
    }

    /**
     * Returns the service's error code, such as {@code AuthorizationFailed} or {@code RoleAssignmentExists}.
     *
     * @return the code, or {@code null} when the answer had none
     */
    public String getErrorCode() {
        return errorCode;
    }

    /**
     * Returns the service's own message.
     *
     * @return the message, or {@code null}
     */
    public String getServiceMessage() {
        return serviceMessage;
    }

    /**
     * Returns the request id the service answered with, for support cases.
     *
     * @return the id, or {@code null}
     */
    public String getRequestId() {
        return requestId;
    }
}
