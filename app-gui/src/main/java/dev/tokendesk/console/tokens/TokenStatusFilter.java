package dev.tokendesk.console.tokens;

import dev.tokendesk.token.TokenStatus;

/** Choice of the status filter on the Tokens screen: every token, or those with one status. */
public enum TokenStatusFilter {
    ALL("All statuses", null),
    ACTIVE("Active", TokenStatus.ACTIVE),
    EXPIRED("Expired", TokenStatus.EXPIRED),
    REVOKED("Revoked", TokenStatus.REVOKED);

    private final String label;
    private final TokenStatus status;

    TokenStatusFilter(String label, TokenStatus status) {
        this.label = label;
        this.status = status;
    }

    /** Returns the status to filter by, or {@code null} for every token. */
    public TokenStatus status() {
        return status;
    }

    @Override
    public String toString() {
        return label;
    }
}
