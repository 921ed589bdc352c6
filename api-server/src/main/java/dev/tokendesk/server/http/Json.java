package dev.tokendesk.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;

/** JSON reading and writing for the API: one shared, thread-safe mapper. */
public final class Json {

    /** Mapper that keeps decimals exact ({@code 0.1} stays {@code 0.1}, {@code 180} stays an integer). */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A key sent twice is an error rather than "last one wins", so a body means one thing.
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Json() {
    }

    /** Sends {@code body} as the response with {@code status} and {@code application/json; charset=utf-8}. */
    public static void send(HttpServerExchange exchange, int status, Object body) {
        send(exchange, status, bytes(body));
    }

    /** Sends {@code bytes}, already JSON, as the response with {@code status} and {@code application/json; charset=utf-8}. */
    public static void send(HttpServerExchange exchange, int status, byte[] bytes) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    }

    /** Writes {@code body} as UTF-8 JSON. */
    public static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response body cannot be written as JSON", e);
        }
    }

    public static JsonNode parse(byte[] body) throws java.io.IOException {
        return MAPPER.readTree(body);
    }
}
