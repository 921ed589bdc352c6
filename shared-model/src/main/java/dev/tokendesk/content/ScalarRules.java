package dev.tokendesk.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks one non-null value of a scalar attribute (text, number, boolean, date and time) and
 * returns the problem as a message, or empty when the value is valid.
 *
 * <p>Values are never coerced: {@code "12"} for an integer and {@code 1.0} for an integer are
 * rejected, because a silently converted value would not round-trip as the caller sent it.
 */
final class ScalarRules {

    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
    /** Characters a uid attribute allows when the schema sets no regex: RFC 3986's unreserved characters, safe in URLs. */
    private static final Pattern UID = Pattern.compile("^[A-Za-z0-9\\-_.~]*$");
    private static final Pattern BIG_INTEGER = Pattern.compile("^-?\\d+$");
    /** Length of the longest 64-bit integer written in decimal, {@code -9223372036854775808}. */
    private static final int MAX_BIG_INTEGER_CHARACTERS = 20;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private ScalarRules() {
    }

    static Optional<String> check(Attribute attribute, JsonNode value) {
        AttributeType type = attribute.type();
        if (type.isText()) {
            return checkText(attribute, value);
        }
        return switch (type) {
            case INTEGER -> checkInteger(attribute, value);
            case BIGINTEGER -> checkBigInteger(attribute, value);
            case DECIMAL, FLOAT -> value.isNumber() ? checkRange(attribute, value.decimalValue())
                    : wrongType(attribute, value, "a number");
            case BOOLEAN -> value.isBoolean() ? Optional.empty() : wrongType(attribute, value, "true or false");
            case DATE -> checkTemporal(attribute, value, text -> LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE),
                    "a date in the format YYYY-MM-DD");
            case DATETIME -> checkTemporal(attribute, value, text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    "a date and time in ISO 8601 format with a time zone, such as 2024-05-01T10:00:00.000Z");
            case TIME -> checkTemporal(attribute, value, text -> LocalTime.parse(text, DateTimeFormatter.ISO_LOCAL_TIME),
                    "a time in the format HH:mm, HH:mm:ss or HH:mm:ss.SSS");
            default -> throw new IllegalArgumentException(type + " is not a scalar type");
        };
    }

    /**
     * Returns the text that identifies a valid {@code value} for the unique check, so 1.50 and 1.5
     * count as the same number. Strings of text attributes stay as they are ("007" and "7"
     * differ); a biginteger written as a string is compared as the number it denotes.
     */
    static String uniqueKey(Attribute attribute, JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (attribute.type() == AttributeType.BIGINTEGER && value.isTextual()) {
            return new BigInteger(value.asText()).toString();
        }
        return value.asText();
    }

    private static Optional<String> checkText(Attribute attribute, JsonNode value) {
        if (!value.isTextual()) {
            return wrongType(attribute, value, "a string");
        }
        String text = value.asText();
        int length = text.codePointCount(0, text.length());
        String name = attribute.name();

        if (attribute.minLength() != null && length < attribute.minLength()) {
            return Optional.of(name + " must be at least " + attribute.minLength() + " characters long, not " + length);
        }
        if (attribute.maxLength() != null && length > attribute.maxLength()) {
            return Optional.of(name + " must be at most " + attribute.maxLength() + " characters long, not " + length);
        }
        if (attribute.type() == AttributeType.ENUMERATION && !attribute.enumValues().contains(text)) {
            return Optional.of(name + " must be one of " + String.join(", ", attribute.enumValues()) + ", not '" + text + "'");
        }
        if (attribute.type() == AttributeType.EMAIL && !EMAIL.matcher(text).matches()) {
            return Optional.of(name + " must be a valid email address, not '" + text + "'");
        }
        if (attribute.type() == AttributeType.UID && attribute.regex() == null && !UID.matcher(text).matches()) {
            return Optional.of(name + " may contain only letters, digits and - _ . ~");
        }
        // An empty optional value skips the pattern. A match anywhere in the text is enough, as with JavaScript's RegExp.test.
        boolean skipPattern = text.isEmpty() && !attribute.required();
        if (attribute.regex() != null && !skipPattern && !Pattern.compile(attribute.regex()).matcher(text).find()) {
            return Optional.of(name + " must match the pattern " + attribute.regex());
        }
        return Optional.empty();
    }

    private static Optional<String> checkInteger(Attribute attribute, JsonNode value) {
        if (!value.isIntegralNumber()) {
            return wrongType(attribute, value, "an integer");
        }
        if (!value.canConvertToInt()) {
            return Optional.of(attribute.name() + " must be between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
        }
        return checkRange(attribute, value.decimalValue());
    }

    private static Optional<String> checkBigInteger(Attribute attribute, JsonNode value) {
        BigInteger number;
        if (value.isIntegralNumber()) {
            number = value.bigIntegerValue();
        } else if (value.isTextual() && value.asText().length() <= MAX_BIG_INTEGER_CHARACTERS && BIG_INTEGER.matcher(value.asText()).matches()) {
            number = new BigInteger(value.asText());
        } else if (value.isTextual() && BIG_INTEGER.matcher(value.asText()).matches()) {
            // Checked by length first: converting a long digit string costs time that grows with the square of its length.
            return Optional.of(attribute.name() + " must be between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
        } else {
            return wrongType(attribute, value, "an integer, written as a string of digits or as a number");
        }
        if (number.compareTo(LONG_MIN) < 0 || number.compareTo(LONG_MAX) > 0) {
            return Optional.of(attribute.name() + " must be between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
        }
        return checkRange(attribute, new BigDecimal(number));
    }

    private static Optional<String> checkRange(Attribute attribute, BigDecimal number) {
        if (attribute.min() != null && number.compareTo(attribute.min()) < 0) {
            return Optional.of(attribute.name() + " must be greater than or equal to " + attribute.min().toPlainString());
        }
        if (attribute.max() != null && number.compareTo(attribute.max()) > 0) {
            return Optional.of(attribute.name() + " must be less than or equal to " + attribute.max().toPlainString());
        }
        return Optional.empty();
    }

    private interface Parser {
        void parse(String text);
    }

    private static Optional<String> checkTemporal(Attribute attribute, JsonNode value, Parser parser, String expected) {
        if (!value.isTextual()) {
            return wrongType(attribute, value, expected);
        }
        try {
            parser.parse(value.asText());
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of(attribute.name() + " must be " + expected + ", not '" + value.asText() + "'");
        }
    }

    static Optional<String> wrongType(Attribute attribute, JsonNode value, String expected) {
        return Optional.of(attribute.name() + " must be " + expected + ", not " + describe(value));
    }

    /** Names the JSON type of {@code value} for messages, such as "a string". */
    static String describe(JsonNode value) {
        JsonNodeType type = value.getNodeType();
        return switch (type) {
            case STRING -> "a string";
            case NUMBER -> value.isIntegralNumber() ? "an integer" : "a decimal number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }
}
