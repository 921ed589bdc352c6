package dev.tokendesk.content.query;

import java.util.Arrays;
import java.util.Optional;

/**
 * A Strapi filter operator on one field, such as {@code $eq} or {@code $containsi}. The logical
 * operators {@code $and}, {@code $or} and {@code $not} are not listed here: they combine
 * conditions ({@link Condition.All}, {@link Condition.Any}, {@link Condition.Not}).
 *
 * <p>A negated operator ({@code $ne}, {@code $notIn}, {@code $notContains}...) matches every entry
 * that the positive operator does not match, including entries without a value.
 */
public enum Operator {
    EQ("$eq", Arity.ONE, false, false),
    EQI("$eqi", Arity.ONE, true, true),
    NE("$ne", Arity.ONE, false, false),
    NEI("$nei", Arity.ONE, true, true),
    LT("$lt", Arity.ONE, false, false),
    LTE("$lte", Arity.ONE, false, false),
    GT("$gt", Arity.ONE, false, false),
    GTE("$gte", Arity.ONE, false, false),
    IN("$in", Arity.LIST, false, false),
    NOT_IN("$notIn", Arity.LIST, false, false),
    CONTAINS("$contains", Arity.ONE, true, false),
    NOT_CONTAINS("$notContains", Arity.ONE, true, false),
    CONTAINSI("$containsi", Arity.ONE, true, true),
    NOT_CONTAINSI("$notContainsi", Arity.ONE, true, true),
    NULL("$null", Arity.FLAG, false, false),
    NOT_NULL("$notNull", Arity.FLAG, false, false),
    BETWEEN("$between", Arity.PAIR, false, false),
    STARTS_WITH("$startsWith", Arity.ONE, true, false),
    STARTS_WITHI("$startsWithi", Arity.ONE, true, true),
    ENDS_WITH("$endsWith", Arity.ONE, true, false),
    ENDS_WITHI("$endsWithi", Arity.ONE, true, true);

    /** How many values an operator takes. */
    public enum Arity {
        /** One value of the field's type. */
        ONE,
        /** A list of values, possibly empty. */
        LIST,
        /** Exactly two values: the lower and the upper bound, both included. */
        PAIR,
        /** A boolean that states whether the condition applies or is inverted, as in {@code $null=false}. */
        FLAG
    }

    private final String token;
    private final Arity arity;
    private final boolean textOnly;
    private final boolean ignoreCase;

    Operator(String token, Arity arity, boolean textOnly, boolean ignoreCase) {
        this.token = token;
        this.arity = arity;
        this.textOnly = textOnly;
        this.ignoreCase = ignoreCase;
    }

    /** Returns the operator as written in a query, such as {@code $notIn}. */
    public String token() {
        return token;
    }

    public Arity arity() {
        return arity;
    }

    /** Returns whether the operator applies to text fields only, as the pattern and case-insensitive operators do. */
    public boolean textOnly() {
        return textOnly;
    }

    /** Returns whether text is compared without regard to case. */
    public boolean ignoreCase() {
        return ignoreCase;
    }

    /** Returns whether the operator matches the entries that its positive form does not match. */
    public boolean negated() {
        return this == NE || this == NEI || this == NOT_IN || this == NOT_CONTAINS || this == NOT_CONTAINSI;
    }

    /** Returns the positive form of a negated operator, such as {@code $in} for {@code $notIn}; other operators return themselves. */
    public Operator positive() {
        return switch (this) {
            case NE -> EQ;
            case NEI -> EQI;
            case NOT_IN -> IN;
            case NOT_CONTAINS -> CONTAINS;
            case NOT_CONTAINSI -> CONTAINSI;
            default -> this;
        };
    }

    /** Returns the operator written as {@code token}, matched exactly as Strapi does. */
    public static Optional<Operator> fromToken(String token) {
        return Arrays.stream(values()).filter(operator -> operator.token.equals(token)).findFirst();
    }
}
