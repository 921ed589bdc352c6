package dev.tokendesk.console.form;

import dev.tokendesk.ConflictException;
import dev.tokendesk.NotFoundException;
import dev.tokendesk.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A rejected form submission in words a form can show: one message per field and a summary.
 *
 * @param fieldMessages message per field name, such as {@code email}; fields the service did not name are absent
 * @param summary one sentence for the whole form
 */
public record FormFailure(Map<String, String> fieldMessages, String summary) {

    public FormFailure {
        fieldMessages = Map.copyOf(fieldMessages);
    }

    /**
     * Translates the failures that a service reports for bad input. Returns empty for anything
     * else, which is a bug or an outage rather than something the admin can fix in the form.
     */
    public static Optional<FormFailure> from(Exception failure) {
        if (failure instanceof ValidationException invalid) {
            Map<String, String> messages = new LinkedHashMap<>();
            invalid.errors().forEach(error -> messages.merge(error.path(), capitalize(error.message()), (first, second) -> first));
            return Optional.of(new FormFailure(messages, capitalize(invalid.getMessage())));
        }
        if (failure instanceof ConflictException conflict) {
            return Optional.of(new FormFailure(Map.of(conflict.field(), conflict.getMessage()), conflict.getMessage()));
        }
        if (failure instanceof NotFoundException notFound) {
            return Optional.of(new FormFailure(Map.of(), notFound.getMessage() + ". It may have been deleted; the list is reloaded."));
        }
        return Optional.empty();
    }

    /** Returns the message for {@code field}, or an empty string when there is none. */
    public String messageFor(String field) {
        return fieldMessages.getOrDefault(field, "");
    }

    private static String capitalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
