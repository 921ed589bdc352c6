package dev.tokendesk.console.tokens;

import dev.tokendesk.console.display.DisplayTime;
import dev.tokendesk.token.TokenStatus;
import dev.tokendesk.token.TokenView;
import java.util.Locale;

/**
 * One line of the tokens table, ready to display; it carries the hint, never the token. Immutable.
 *
 * @param statusText {@code active}, {@code expired} or {@code revoked}
 * @param lastUsedFrom IP address of the last use, or an empty string
 * @param allowedIps the allow-list, or {@code any} when every address may use the token
 */
public record TokenRow(long id, String name, String owner, String hint, String scope, TokenStatus status, String statusText,
                       String expires, String lastUsed, String lastUsedFrom, String allowedIps) {

    static TokenRow of(TokenView token) {
        return new TokenRow(token.id(), token.name(), token.ownerUsername(), token.hint(), token.scope().apiName(), token.status(),
                token.status().name().toLowerCase(Locale.ROOT),
                DisplayTime.format(token.expiresAt(), "never"),
                DisplayTime.format(token.lastUsedAt(), "never"),
                token.lastUsedIp() == null ? "" : token.lastUsedIp(),
                token.allowedIps() == null || token.allowedIps().isEmpty() ? "any" : token.allowedIps());
    }
}
