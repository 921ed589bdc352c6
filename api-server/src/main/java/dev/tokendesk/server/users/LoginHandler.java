package dev.tokendesk.server.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.server.error.ApiException;
import dev.tokendesk.server.http.Json;
import dev.tokendesk.server.http.RequestBodies;
import dev.tokendesk.server.security.ClientAddress;
import dev.tokendesk.server.security.FailureLimits;
import dev.tokendesk.user.Identifiers;
import dev.tokendesk.user.LoginRejectedException;
import dev.tokendesk.user.UserService;
import dev.tokendesk.user.UserView;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/auth/local} with {@code {"identifier", "password"}}: returns
 * {@code {"jwt", "user"}}. The identifier is a user name or email, matched without regard to case
 * after trimming and Unicode normalisation. Failed logins are limited per client address and per
 * identifier.
 */
public final class LoginHandler implements HttpHandler {

    /** Maximum length of an identifier that can match, because emails are at most 254 characters and user names 100. */
    static final int MAX_IDENTIFIER_LENGTH = 254;

    private final TokenDesk desk;
    private final FailureLimits limits;

    public LoginHandler(TokenDesk desk, FailureLimits limits) {
        this.desk = desk;
        this.limits = limits;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        JsonNode body = RequestBodies.readJson(exchange);
        if (!body.isObject()) {
            throw ApiException.badParameter("body", "Request body must be a JSON object with identifier and password");
        }
        String identifier = requiredString(body, "identifier", MAX_IDENTIFIER_LENGTH);
        String password = requiredString(body, "password", UserService.MAX_PASSWORD_LENGTH);

        String address = ClientAddress.of(exchange);
        String identifierKey = Identifiers.key(identifier);
        limits.loginsByAddress().check(address);
        limits.loginsByIdentifier().check(identifierKey);
        UserView user;
        try {
            user = desk.users().login(identifier, password);
        } catch (LoginRejectedException e) {
            limits.loginsByAddress().recordFailure(address);
            limits.loginsByIdentifier().recordFailure(identifierKey);
            desk.authFailures().count("LOGIN_" + e.reason().name());
            throw e;
        }

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("jwt", desk.jwt().issue(user));
        response.put("user", UserJson.of(user));
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        Json.send(exchange, 200, response);
    }

    /**
     * Reads a required string field. Values longer than {@code maxLength} cannot match a stored
     * user or password, and are rejected before they reach the rate limiter's memory.
     */
    private static String requiredString(JsonNode body, String field, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badParameter(field, field + " is missing");
        }
        if (!value.isTextual()) {
            throw ApiException.badParameter(field, field + " must be a string, got " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (value.asText().isEmpty()) {
            throw ApiException.badParameter(field, field + " is empty");
        }
        if (value.asText().length() > maxLength) {
            throw ApiException.badParameter(field, field + " is longer than " + maxLength + " characters");
        }
        return value.asText();
    }
}
