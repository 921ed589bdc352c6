package dev.tokendesk.server.http;

/**
 * Bounds on the request line and headers, checked before any other handler so an oversized
 * request gets a JSON error instead of using worker threads.
 *
 * <p>Two layers apply. {@link RequestLimitsHandler} rejects a URL longer than {@code maxUrlLength}
 * with 414 and more than {@code maxHeaders} headers or {@code maxHeaderBytes} of headers with 431,
 * both in the JSON error shape. Undertow's parser stops reading at {@link #parserMaxHeaderBytes()}
 * and {@link #parserMaxHeaders()}, which are larger. It responds to such requests with a bare 400 and
 * closes the connection, because it rejects them before any handler runs.
 *
 * @param maxUrlLength maximum length of the request path plus query string, in characters
 * @param maxHeaders maximum number of header lines
 * @param maxHeaderBytes maximum size of all header names and values together, in bytes
 */
public record HttpLimits(int maxUrlLength, int maxHeaders, int maxHeaderBytes) {

    /** 8 KiB of URL, 100 header lines and 16 KiB of headers. */
    public static final HttpLimits DEFAULT = new HttpLimits(8 * 1024, 100, 16 * 1024);

    public HttpLimits {
        if (maxUrlLength < 256 || maxHeaders < 8 || maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("Invalid HTTP limits, too small to serve requests: URL " + maxUrlLength
                    + " characters (at least 256), " + maxHeaders + " headers (at least 8), " + maxHeaderBytes
                    + " header bytes (at least 1024)");
        }
    }

    /** Size of the request line and headers at which Undertow's parser gives up: room for both limits above plus the line breaks. */
    public int parserMaxHeaderBytes() {
        return 4 * (maxUrlLength + maxHeaderBytes);
    }

    /** Number of headers at which Undertow's parser gives up. */
    public int parserMaxHeaders() {
        return 2 * maxHeaders;
    }
}
