package dev.tokendesk.server.query;

/**
 * The permission check for relation targets that a query reaches through filters or populate.
 * The security layer implements it, so the rule stays in one place.
 */
public interface TargetAccess {

    /**
     * Returns normally when the caller may {@code find} entries of {@code targetUid}.
     *
     * @param parameter the query parameter that reaches the target, for the error message
     * @throws dev.tokendesk.server.error.ApiException 403 when the caller may not
     */
    void requireFind(String targetUid, String parameter);

    /** Returns whether the caller may {@code find} entries of {@code targetUid}. */
    boolean mayFind(String targetUid);
}
