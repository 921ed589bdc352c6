package dev.tokendesk.content.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.content.AttributeType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The typed column that stores an attribute's values in the query index, and the one conversion
 * from stored JSON values and from filter text into that column's Java type, so a filter value
 * compares exactly as the stored value was indexed.
 *
 * <p>Dates ({@code YYYY-MM-DD}) and times ({@code HH:mm:ss.SSS}) are indexed as text in a fixed
 * format, so text order is time order. Datetimes are indexed as instants.
 */
public enum ValueColumn {
    TEXT,
    NUMBER,
    BOOLEAN,
    TIMESTAMP;

    /** Digits after the decimal point that the number column keeps. */
    public static final int NUMBER_SCALE = 12;
    /** Total digits that the number column holds. */
    public static final int NUMBER_PRECISION = 38;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** Returns the column for attributes of {@code type}, or empty when such attributes cannot be filtered or sorted on. */
    public static Optional<ValueColumn> of(AttributeType type) {
        return switch (type) {
            case STRING, TEXT, RICHTEXT, EMAIL, UID, ENUMERATION, CUSTOM_FIELD, DATE, TIME -> Optional.of(TEXT);
            case INTEGER, BIGINTEGER, DECIMAL, FLOAT -> Optional.of(NUMBER);
            case BOOLEAN -> Optional.of(BOOLEAN);
            case DATETIME -> Optional.of(TIMESTAMP);
            default -> Optional.empty();
        };
    }

    /**
     * Converts a stored, already validated value of an attribute of {@code type}. Returns empty
     * for a number that does not fit {@link #NUMBER_PRECISION} digits: such a value is stored but
     * not indexed, so filters and sorting treat it as missing.
     */
    public static Optional<Object> fromStored(AttributeType type, JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return switch (type) {
            case INTEGER, BIGINTEGER, DECIMAL, FLOAT -> number(new BigDecimal(value.asText()));
            case BOOLEAN -> Optional.of(value.asBoolean());
            default -> Optional.of(parseText(type, value.asText()));
        };
    }

    /**
     * Converts filter text for a field of {@code type} into the value to compare with.
     *
     * @throws IllegalArgumentException with a message that names the expected form when {@code text} is not a value of the type
     */
    public static Object fromFilter(AttributeType type, String text) {
        return switch (type) {
            case INTEGER, BIGINTEGER, DECIMAL, FLOAT -> {
                try {
                    yield number(new BigDecimal(text.trim())).orElseThrow(() -> new IllegalArgumentException(
                            "a number of at most " + (NUMBER_PRECISION - NUMBER_SCALE) + " digits before the decimal point"));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("a number");
                }
            }
            case BOOLEAN -> parseBoolean(text);
            default -> parseText(type, text);
        };
    }

    /** Parses {@code true}, {@code false}, {@code 1} or {@code 0}, ignoring case. */
    public static boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException("true or false");
        };
    }

    /**
     * Parses a point in time: ISO-8601 with an offset, such as {@code 2024-05-01T10:00:00Z}, or a
     * date, which means its start in UTC.
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static Instant parseInstant(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a date and time in ISO 8601 format with a time zone, such as 2024-05-01T10:00:00.000Z");
        }
    }

    private static Object parseText(AttributeType type, String text) {
        try {
            return switch (type) {
                case DATE -> LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).toString();
                case TIME -> TIME.format(LocalTime.parse(text, DateTimeFormatter.ISO_LOCAL_TIME));
                case DATETIME -> parseInstant(text);
                default -> text;
            };
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(type == AttributeType.DATE ? "a date in the format YYYY-MM-DD"
                    : "a time in the format HH:mm, HH:mm:ss or HH:mm:ss.SSS");
        }
    }

    private static Optional<Object> number(BigDecimal number) {
        BigDecimal scaled = number.setScale(NUMBER_SCALE, RoundingMode.HALF_EVEN);
        return scaled.precision() > NUMBER_PRECISION ? Optional.empty() : Optional.of(scaled);
    }
}
