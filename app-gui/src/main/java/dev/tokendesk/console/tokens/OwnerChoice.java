package dev.tokendesk.console.tokens;

/** A user the issue form offers as token owner; shown by user name. Immutable. */
public record OwnerChoice(long id, String username) {

    @Override
    public String toString() {
        return username;
    }
}
