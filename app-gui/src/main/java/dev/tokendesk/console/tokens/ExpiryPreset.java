package dev.tokendesk.console.tokens;

import dev.tokendesk.token.Expiry;
import java.time.LocalDate;

/** The expiry choices of the issue form. */
public enum ExpiryPreset {
    ONE_DAY("1d", "1 day"),
    SEVEN_DAYS("7d", "7 days"),
    THIRTY_DAYS("30d", "30 days"),
    NINETY_DAYS("90d", "90 days"),
    NEVER("never", "Never"),
    CUSTOM_DATE(null, "Custom date");

    private final String code;
    private final String label;

    ExpiryPreset(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /**
     * Returns the expiry this preset stands for, counted from the moment the token is issued. A
     * custom date means the start of that day in UTC, as the command line reads a date.
     *
     * @param customDate the chosen day; used only by {@link #CUSTOM_DATE}, which requires it
     */
    public Expiry toExpiry(LocalDate customDate) {
        if (this != CUSTOM_DATE) {
            return Expiry.parse(code);
        }
        if (customDate == null) {
            throw new IllegalArgumentException("Missing date: CUSTOM_DATE requires the day the token expires");
        }
        return Expiry.parse(customDate.toString());
    }

    @Override
    public String toString() {
        return label;
    }
}
