package dev.tokendesk.console.audit;

import dev.tokendesk.auth.CredentialRejectedException;
import java.util.Arrays;

/**
 * Number of rejected credentials for one reason, with the reason in words. Immutable.
 *
 * @param reason key under which the server counts, such as {@code REVOKED_TOKEN}
 * @param description the reason in words, or the key when it has no description
 */
public record FailureCountRow(String reason, String description, long count) {

    static FailureCountRow of(String reason, long count) {
        return new FailureCountRow(reason, describe(reason), count);
    }

    private static String describe(String reason) {
        switch (reason) {
            case "ADDRESS_NOT_ALLOWED":
                return "A valid API token came from an address outside its allow-list";
            case "LOGIN_INVALID":
                return "Login with a wrong identifier or password";
            case "LOGIN_BLOCKED":
                return "Login of a blocked user";
            default:
                break;
        }
        return Arrays.stream(CredentialRejectedException.Reason.values())
                .filter(known -> known.name().equals(reason))
                .map(CredentialRejectedException.Reason::message)
                .findFirst()
                .orElse(reason);
    }
}
