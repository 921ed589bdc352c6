package dev.tokendesk.server.error;

import dev.tokendesk.ConflictException;
import dev.tokendesk.NotFoundException;
import dev.tokendesk.ValidationException;
import dev.tokendesk.auth.AddressNotAllowedException;
import dev.tokendesk.auth.CredentialRejectedException;
import dev.tokendesk.server.http.Json;
import dev.tokendesk.server.security.FailureRateLimiter;
import dev.tokendesk.server.security.SecretMasking;
import dev.tokendesk.user.LoginRejectedException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns an exception into a status and Strapi's error body
 * {@code {"data": null, "error": {"status", "name", "message", "details"}}}. A failure of the
 * storage under the database (full disk, read-only file system) becomes a 503. An unexpected
 * exception is logged once with an id and gets a 500 response that shows only that id.
 */
public final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    /** Upper bound of kept error bodies; messages quote request values, so clients decide how many differ. */
    private static final int MAX_RECENT_BODIES = 1_024;
    /** Serialized bodies of recent errors without details, by status, name and masked message. */
    private static final Map<String, byte[]> RECENT_BODIES = new ConcurrentHashMap<>();

    private ErrorMapper() {
    }

    /** Sends the error response for {@code failure}, unless the response has already started. */
    public static void send(HttpServerExchange exchange, Throwable failure) {
        ApiException error = toApiException(failure, exchange);
        if (exchange.isResponseStarted()) {
            LOG.warn("Failure after the response of {} {} started; closing the connection", exchange.getRequestMethod(),
                    SecretMasking.mask(exchange.getRequestPath()), failure);
            exchange.endExchange();
            return;
        }
        if (error instanceof UnauthorizedException unauthorized) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, unauthorized.wwwAuthenticate());
        }
        if (error instanceof MethodNotAllowedException notAllowed) {
            exchange.getResponseHeaders().put(Headers.ALLOW, notAllowed.allow());
        }
        if (error instanceof FailureRateLimiter.RateLimitedException limited) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, limited.retryAfterSeconds());
        }
        byte[] prepared = error.preparedBody();
        if (prepared != null) {
            Json.send(exchange, error.status(), prepared);
            return;
        }
        String message = SecretMasking.mask(error.getMessage());
        if (!error.details().isEmpty()) {
            Json.send(exchange, error.status(), Json.bytes(body(error, message)));
            return;
        }
        // Most rejections repeat (the same bad token, the same missing permission), so their bodies are kept.
        String key = error.status() + "\u0000" + error.name() + "\u0000" + message;
        byte[] bytes = RECENT_BODIES.get(key);
        if (bytes == null) {
            bytes = Json.bytes(body(error, message));
            if (RECENT_BODIES.size() >= MAX_RECENT_BODIES) {
                RECENT_BODIES.clear();
            }
            RECENT_BODIES.put(key, bytes);
        }
        error.prepareBody(bytes);
        Json.send(exchange, error.status(), bytes);
    }

    private static Map<String, Object> body(ApiException error, String maskedMessage) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", null);
        Map<String, Object> errorBody = new LinkedHashMap<>();
        errorBody.put("status", error.status());
        errorBody.put("name", error.name());
        errorBody.put("message", maskedMessage);
        errorBody.put("details", SecretMasking.maskTree(error.details()));
        body.put("error", errorBody);
        return body;
    }

    static ApiException toApiException(Throwable failure, HttpServerExchange exchange) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof ValidationException validation) {
            return validationError(validation);
        }
        if (failure instanceof ConflictException conflict) {
            String message = conflict.getMessage();
            return new ApiException(400, "ValidationError", message, Map.of("errors",
                    List.of(fieldError(conflict.field(), message))));
        }
        if (failure instanceof NotFoundException notFound) {
            return ApiException.notFound(notFound.getMessage());
        }
        if (failure instanceof CredentialRejectedException rejected) {
            return new UnauthorizedException(rejected.getMessage(), true);
        }
        if (failure instanceof AddressNotAllowedException notAllowed) {
            return new ApiException(403, "ForbiddenError", notAllowed.getMessage());
        }
        if (failure instanceof LoginRejectedException login) {
            return new ApiException(400, "ValidationError", login.getMessage());
        }
        if (containsNulCharacter(failure)) {
            return new ApiException(400, "ValidationError",
                    "A value in the request contains the NUL character (U+0000), which the database cannot store");
        }
        ApiException storage = StorageFailure.toApiException(failure);
        if (storage != null) {
            return storage;
        }
        String errorId = UUID.randomUUID().toString();
        LOG.error("Unexpected failure {} in {} {}", errorId, exchange.getRequestMethod(), SecretMasking.mask(exchange.getRequestPath()), failure);
        return new ApiException(500, "InternalServerError", "Internal Server Error (error id " + errorId + ")");
    }

    /**
     * Returns whether PostgreSQL rejected a text value, which for request input means a NUL
     * character (SQLState 22021, character not in repertoire). The transaction has rolled back.
     */
    private static boolean containsNulCharacter(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 50; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLException sql && "22021".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static ApiException validationError(ValidationException validation) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ValidationException.FieldError field : validation.errors()) {
            errors.add(fieldError(field.path(), field.message()));
        }
        return new ApiException(400, "ValidationError", validation.getMessage(), Map.of("errors", errors));
    }

    private static Map<String, Object> fieldError(String path, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("path", path == null ? List.of() : Arrays.asList(path.split("\\.")));
        error.put("message", message);
        error.put("name", "ValidationError");
        return error;
    }
}
