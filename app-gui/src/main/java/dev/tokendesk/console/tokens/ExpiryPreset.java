package dev.tokendesk.console.tokens;

import dev.tokendesk.token.Expiry;

/** The expiry choices of the issue form. */
public enum ExpiryPreset {
    ONE_DAY("1d", "1 day"),
    SEVEN_DAYS("7d", "7 days"),
    THIRTY_DAYS("30d", "30 days"),
    NINETY_DAYS("90d", "90 days"),
    NEVER("never", "Never");

    private final String code;
    private final String label;

    ExpiryPreset(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Returns the expiry this preset stands for, counted from the moment the token is issued. */
    public Expiry toExpiry() {
        return Expiry.parse(code);
    }

    @Override
    public String toString() {
        return label;
    }
}
