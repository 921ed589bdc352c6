package dev.tokendesk.content;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The one JSON configuration for stored content, chosen so values round-trip exactly.
 *
 * <p>Decimals are read as {@link java.math.BigDecimal} and keep their trailing zeros, so
 * {@code 0.44} and {@code 12.50} come back as written and {@code 180} stays an integer. Duplicate
 * keys are rejected rather than letting the last one win silently.
 */
final class ContentJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private ContentJson() {
    }

    /** Parses {@code text}, which was written by {@link #write}. */
    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored content is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads the JSON file at {@code file}; the caller reports {@link IOException}s with the file name. */
    static JsonNode read(Path file) throws IOException {
        JsonNode node = MAPPER.readTree(file.toFile());
        if (node == null || node.isMissingNode()) {
            throw new IOException("the file is empty");
        }
        return node;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }
}
