package dev.tokendesk;

/** A write that would break a uniqueness rule, such as a second user with the same email. */
public class ConflictException extends TokenDeskException {

    private final String field;
    private final String value;

    public ConflictException(String field, String value, String message) {
        super(message);
        this.field = field;
        this.value = value;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
