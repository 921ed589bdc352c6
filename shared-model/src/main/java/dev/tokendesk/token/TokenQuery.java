package dev.tokendesk.token;

/**
 * A request for one page of tokens; each filter left {@code null} or empty matches every token.
 *
 * @param ownerId only tokens of this user, or {@code null}
 * @param owner text that the owner's user name must contain, ignoring case, or empty
 * @param status only tokens with this status at the time of the query, or {@code null}
 * @param scope only tokens with this scope, or {@code null}
 * @param page page number, starting at 1
 * @param pageSize rows per page, 1 to {@value dev.tokendesk.db.Page#MAX_PAGE_SIZE}
 */
public record TokenQuery(Long ownerId, String owner, TokenStatus status, TokenScope scope, int page, int pageSize) {

    public TokenQuery {
        owner = owner == null ? "" : owner.strip();
    }

    /** Returns the first page of every token. */
    public static TokenQuery firstPage(int pageSize) {
        return new TokenQuery(null, "", null, null, 1, pageSize);
    }
}
