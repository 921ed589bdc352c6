package dev.tokendesk.console.roles;

/**
 * One line of the effective permissions of a user: what one credential of theirs may do on one
 * content type. Immutable.
 *
 * @param credential the role (which a JWT uses) or an active API token, such as {@code Token storefront (read-only)}
 * @param contentType display name of the content type, or its uid when no content type has it
 * @param actions the allowed actions, comma-separated, or {@code nothing}
 */
public record EffectiveRow(String credential, String contentType, String actions) {
}
