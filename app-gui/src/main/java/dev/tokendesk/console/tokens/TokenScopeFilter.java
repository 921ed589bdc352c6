package dev.tokendesk.console.tokens;

import dev.tokendesk.token.TokenScope;

/** Choice of the scope filter on the Tokens screen: every token, or those with one scope. */
public enum TokenScopeFilter {
    ALL("All scopes", null),
    READ_ONLY("read-only", TokenScope.READ_ONLY),
    FULL("full", TokenScope.FULL),
    CUSTOM("custom", TokenScope.CUSTOM);

    private final String label;
    private final TokenScope scope;

    TokenScopeFilter(String label, TokenScope scope) {
        this.label = label;
        this.scope = scope;
    }

    /** Returns the scope to filter by, or {@code null} for every token. */
    public TokenScope scope() {
        return scope;
    }

    @Override
    public String toString() {
        return label;
    }
}
