package dev.tokendesk.console.tokens;

import dev.tokendesk.console.display.DisplayTime;
import dev.tokendesk.token.TokenStatus;
import dev.tokendesk.token.TokenView;
import java.util.Locale;

/** One line of the tokens table, ready to display; it carries the hint, never the token. Immutable. */
public record TokenRow(long id, String name, String owner, String hint, String scope, TokenStatus status, String statusText,
                       String expires, String lastUsed) {

    static TokenRow of(TokenView token) {
        String lastUsed = token.lastUsedAt() == null
                ? "never"
                : DisplayTime.format(token.lastUsedAt(), "") + (token.lastUsedIp() == null ? "" : " from " + token.lastUsedIp());
        return new TokenRow(token.id(), token.name(), token.ownerUsername(), token.hint(), token.scope().apiName(), token.status(),
                token.status().name().toLowerCase(Locale.ROOT), DisplayTime.format(token.expiresAt(), "never"), lastUsed);
    }
}
