package dev.tokendesk.server.error;

import dev.tokendesk.TokenDeskException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A failure with an HTTP status and a Strapi error name, thrown anywhere in a request and turned
 * into the response by {@link ErrorMapper} alone.
 */
public class ApiException extends TokenDeskException {

    private final int status;
    private final String name;
    private final Map<String, Object> details;
    /** The response body, kept by {@link ErrorMapper} for an exception that is sent more than once. */
    private byte[] preparedBody;

    public ApiException(int status, String name, String message) {
        this(status, name, message, Map.of());
    }

    public ApiException(int status, String name, String message, Map<String, Object> details) {
        // The status and message describe the failure fully, so a stack trace would only cost time.
        super(message, false);
        this.status = status;
        this.name = name;
        this.details = Map.copyOf(details);
    }

    public int status() {
        return status;
    }

    public String name() {
        return name;
    }

    public Map<String, Object> details() {
        return details;
    }

    byte[] preparedBody() {
        return preparedBody;
    }

    void prepareBody(byte[] body) {
        // A race between two senders writes equal bytes, so the field needs no lock.
        preparedBody = body;
    }

    /** 400 ValidationError for one bad request parameter; {@code path} is the parameter as sent. */
    public static ApiException badParameter(String path, String message) {
        return new ApiException(400, "ValidationError", message,
                Map.of("errors", List.of(Map.of("path", List.of(path), "message", message, "name", "ValidationError"))));
    }

    public static ApiException forbidden() {
        return new ApiException(403, "ForbiddenError", "Forbidden");
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "NotFoundError", message);
    }

    /** 405 for {@code method} on {@code path}; {@code allowed} lists the methods the path takes, for the Allow header. */
    public static MethodNotAllowedException methodNotAllowed(String method, String path, Collection<String> allowed) {
        return new MethodNotAllowedException(method, path, allowed);
    }

    public static ApiException unsupportedMediaType(String contentType) {
        return new ApiException(415, "UnsupportedMediaTypeError",
                "Content-Type '" + contentType + "' is not supported: send application/json");
    }

    public static ApiException payloadTooLarge(long limit) {
        return new ApiException(413, "PayloadTooLargeError", "Request body is larger than " + limit + " bytes");
    }
}
