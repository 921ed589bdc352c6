package dev.tokendesk.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.ValidationException.FieldError;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Limits on the shape of entry values that every attribute type shares, checked before the
 * attribute rules: nesting depth, and numbers whose plain form would be huge (such as
 * {@code 1e999999999}). Values past these limits could be stored but not written back out.
 */
final class JsonLimits {

    /** Deepest nesting of arrays and objects below {@code data}. */
    static final int MAX_DEPTH = 64;
    /** Largest number of digits before or after the decimal point of a number. */
    static final int MAX_DIGITS = 1000;

    private JsonLimits() {
    }

    /** Adds an error for the first value under each top-level key that breaks a limit. */
    static void check(JsonNode data, String path, List<FieldError> errors) {
        Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = path + "." + field.getKey();
            String problem = firstProblem(field.getValue(), 1);
            if (problem != null) {
                errors.add(new FieldError(fieldPath, field.getKey() + " " + problem));
            }
        }
    }

    private static String firstProblem(JsonNode value, int depth) {
        if (value.isNumber()) {
            return numberProblem(value);
        }
        if (!value.isContainerNode()) {
            return null;
        }
        if (depth > MAX_DEPTH) {
            return "is nested deeper than " + MAX_DEPTH + " levels of arrays and objects";
        }
        for (JsonNode child : value) {
            String problem = firstProblem(child, depth + 1);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String numberProblem(JsonNode value) {
        if (!value.isBigDecimal() && !value.isBigInteger()) {
            return null;
        }
        BigDecimal number = value.decimalValue();
        int digitsBeforePoint = number.precision() - number.scale();
        if (digitsBeforePoint > MAX_DIGITS || number.scale() > MAX_DIGITS) {
            return "contains a number with more than " + MAX_DIGITS + " digits before or after the decimal point";
        }
        return null;
    }
}
