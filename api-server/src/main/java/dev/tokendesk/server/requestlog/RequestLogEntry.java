package dev.tokendesk.server.requestlog;

import java.time.Instant;

/**
 * One served request as the console's request log shows it.
 *
 * @param query query string with any {@code token} value replaced by its hint, or empty
 * @param caller who the request acted as: a user name, {@code Public}, or {@code -} when authentication failed
 * @param durationMicros time from the first byte read to the response sent, in microseconds
 * @param tokenId id of the API token the request authenticated with, or {@code null} for a JWT, Public or a failure
 */
public record RequestLogEntry(Instant time, String method, String path, String query, int status,
                              String caller, String clientIp, long durationMicros, Long tokenId) {

    /** Creates an entry of a request that did not authenticate with an API token. */
    public RequestLogEntry(Instant time, String method, String path, String query, int status,
                           String caller, String clientIp, long durationMicros) {
        this(time, method, path, query, status, caller, clientIp, durationMicros, null);
    }
}
