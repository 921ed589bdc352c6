package dev.tokendesk.server.requestlog;

import java.time.Instant;

/**
 * One served request as the console's request log shows it.
 *
 * @param query query string with any {@code token} value replaced by its hint, or empty
 * @param caller who the request acted as: a user name, {@code Public}, or {@code -} when authentication failed
 * @param durationMicros time from the first byte read to the response sent, in microseconds
 */
public record RequestLogEntry(Instant time, String method, String path, String query, int status,
                              String caller, String clientIp, long durationMicros) {
}
