package dev.tokendesk;

import java.util.List;

/**
 * Input that breaks one or more rules. Each {@link FieldError} names the path of the bad value
 * (for example {@code data.seats} or {@code pagination[pageSize]}) so a client can fix all of
 * them in one round trip.
 */
public class ValidationException extends TokenDeskException {

    private final List<FieldError> errors;

    public ValidationException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public ValidationException(FieldError error) {
        this(error.message(), List.of(error));
    }

    /** Creates an exception for one bad value, with {@code message} naming it and its path. */
    public static ValidationException of(String path, String message) {
        return new ValidationException(new FieldError(path, message));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One rule broken by one value; {@code path} is dotted for JSON and bracketed for query parameters. */
    public record FieldError(String path, String message) {
    }
}
