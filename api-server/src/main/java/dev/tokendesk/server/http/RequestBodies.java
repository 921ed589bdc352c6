package dev.tokendesk.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.server.error.ApiException;
import dev.tokendesk.server.security.SecretMasking;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads JSON request bodies on a worker thread, with a size limit and a Content-Type check. */
public final class RequestBodies {

    private static final Logger LOG = LoggerFactory.getLogger(RequestBodies.class);

    /** Largest accepted request body, in bytes. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private RequestBodies() {
    }

    /**
     * Reads and parses the body as JSON.
     *
     * @throws ApiException 415 when the Content-Type is not JSON, 413 when the body is larger than
     *     {@link #MAX_BODY_BYTES}, 400 when it is empty or not valid JSON or the client closes the
     *     connection before it ends, 503 when a stop interrupts the read
     */
    public static JsonNode readJson(HttpServerExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw ApiException.unsupportedMediaType(contentType == null ? "(none)" : contentType);
        }
        byte[] body;
        try (InputStream input = exchange.getInputStream()) {
            body = input.readNBytes(MAX_BODY_BYTES + 1);
        } catch (InterruptedIOException e) {
            // Only a stop interrupts a worker thread, so the client was still sending when the in-flight wait ran out.
            throw new ApiException(503, "ServiceUnavailableError",
                    "The API server stopped before the request body arrived completely. Send the request again once it runs.");
        } catch (IOException e) {
            // The client closed or reset the connection in the middle of the body. That is the
            // client's doing, not a server failure, and the response cannot reach it anyway.
            LOG.debug("Request body of {} {} ended early: {}", exchange.getRequestMethod(),
                    SecretMasking.mask(exchange.getRequestPath()), e.getMessage());
            String length = exchange.getRequestHeaders().getFirst(Headers.CONTENT_LENGTH);
            throw ApiException.badParameter("body", length == null
                    ? "The request body ended before its last chunk arrived: the connection was closed"
                    : "The request body ended before all of its " + length + " bytes (Content-Length) arrived");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw ApiException.payloadTooLarge(MAX_BODY_BYTES);
        }
        return parse(body);
    }

    /**
     * Parses a request body that is already read and within the size limit.
     *
     * @throws ApiException 400 when the body is empty, not valid JSON or beyond the parser's
     *     limits; the message never quotes text from the body
     */
    public static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw ApiException.badParameter("body", "Request body is empty: send a JSON object");
        }
        try {
            return Json.parse(body);
        } catch (StreamConstraintsException e) {
            // These messages state a size and a limit, never text from the body.
            throw ApiException.badParameter("body", "Request body is too large to process: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            // The parser's own message quotes the offending text, which may be a password, so
            // only the position is reported, and for a repeated key the key's name.
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            String reason = original.startsWith("Duplicate field ") ? ": " + original.split("\\R", 2)[0] : "";
            throw ApiException.badParameter("body", "Request body is not valid JSON" + where + reason);
        } catch (IOException e) {
            // Bytes that no JSON encoding can decode, such as a broken UTF-32 sequence, raise a
            // plain CharConversionException rather than a JsonProcessingException.
            throw ApiException.badParameter("body", "Request body is not valid JSON: its bytes are not UTF-8, UTF-16 or UTF-32 text");
        }
    }
}
