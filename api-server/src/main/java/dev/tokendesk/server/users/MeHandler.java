package dev.tokendesk.server.users;

import dev.tokendesk.TokenDesk;
import dev.tokendesk.auth.Principal;
import dev.tokendesk.server.error.UnauthorizedException;
import dev.tokendesk.server.http.Json;
import dev.tokendesk.server.security.AuthenticationHandler;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** {@code GET /api/users/me}: the user that the request's credential belongs to. */
public final class MeHandler implements HttpHandler {

    private final TokenDesk desk;

    public MeHandler(TokenDesk desk) {
        this.desk = desk;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        Principal principal = exchange.getAttachment(AuthenticationHandler.PRINCIPAL);
        // A user deleted between authentication and this read is reported like any stale credential.
        Json.send(exchange, 200, desk.users().find(principal.userId())
                .map(UserJson::of)
                .orElseThrow(() -> new UnauthorizedException("The user of this credential no longer exists", true)));
    }
}
