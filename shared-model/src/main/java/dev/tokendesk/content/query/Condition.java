package dev.tokendesk.content.query;

import java.util.List;

/**
 * A validated filter: a tree of field comparisons, relation conditions and the logical
 * operators. Values are already converted to the field's Java type ({@link ValueColumn}).
 */
public sealed interface Condition {

    /** Matches when every condition matches; an empty list matches every entry. */
    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }
    }

    /** Matches when at least one condition matches; an empty list matches no entry. */
    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }
    }

    /** Matches when {@code condition} does not. */
    record Not(Condition condition) implements Condition {
    }

    /**
     * Compares a field with {@code values}: one value, a list for {@code $in}, two bounds for
     * {@code $between}, or one boolean for {@code $null} and {@code $notNull}.
     */
    record Compare(Field field, Operator operator, List<Object> values) implements Condition {
        public Compare {
            values = List.copyOf(values);
        }
    }

    /**
     * Matches entries whose relation {@code attribute} points at an entry of {@code targetUid}
     * that matches {@code condition}. For the inverse side of a relation, {@code mappedBy} names
     * the target's owning attribute, and the match runs over the target entries whose
     * {@code mappedBy} links point at the entry. It is {@code null} on the owning side.
     */
    record Related(String attribute, String targetUid, String mappedBy, Condition condition) implements Condition {

        /** Returns a condition on the owning side of a relation. */
        public Related(String attribute, String targetUid, Condition condition) {
            this(attribute, targetUid, null, condition);
        }
    }

    /**
     * Matches entries whose relation {@code attribute} has at least one target, or none when
     * {@code present} is false. {@code targetUid} and {@code mappedBy} are set for the inverse
     * side of a relation, as in {@link Related}, and are {@code null} otherwise.
     */
    record HasRelation(String attribute, boolean present, String targetUid, String mappedBy) implements Condition {

        /** Returns a condition on the owning side of a relation. */
        public HasRelation(String attribute, boolean present) {
            this(attribute, present, null, null);
        }
    }
}
