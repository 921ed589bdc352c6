package dev.tokendesk.content;

import dev.tokendesk.content.query.Condition;
import dev.tokendesk.content.query.Field;
import dev.tokendesk.content.query.Operator;
import dev.tokendesk.content.query.SortOrder;
import dev.tokendesk.content.query.ValueColumn;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.query.NativeQuery;

/**
 * Builds one native SQL statement over {@code content_entries} from validated conditions and sort
 * keys. Every value, attribute name and type uid is a bound parameter; the SQL text contains only
 * fixed keywords, column names chosen from enums, and aliases and parameter names generated here.
 *
 * <p>Used by one thread for one statement.
 */
final class EntrySql {

    private static final char LIKE_ESCAPE = '!';

    private final StringBuilder joins = new StringBuilder();
    private final StringBuilder orderBy = new StringBuilder();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private int aliases;

    /** Returns a bound parameter reference for {@code value}. */
    String bind(Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }

    /** Returns the SQL predicate for {@code condition} on the entry aliased {@code entry}. */
    String where(Condition condition, String entry) {
        if (condition instanceof Condition.All all) {
            return combine(all.conditions(), " AND ", "1 = 1", entry);
        }
        if (condition instanceof Condition.Any any) {
            return combine(any.conditions(), " OR ", "1 = 0", entry);
        }
        if (condition instanceof Condition.Not not) {
            return "NOT (" + where(not.condition(), entry) + ")";
        }
        if (condition instanceof Condition.Compare compare) {
            return compare(compare, entry);
        }
        if (condition instanceof Condition.Related related) {
            return related(related, entry);
        }
        Condition.HasRelation has = (Condition.HasRelation) condition;
        String exists;
        if (has.mappedBy() != null) {
            exists = inverseExists(has.mappedBy(), has.targetUid(), entry, null);
        } else {
            String link = alias("l");
            exists = "EXISTS (SELECT 1 FROM content_links " + link + " WHERE " + link + ".entry_id = " + entry + ".id AND "
                    + link + ".attribute = " + bind(has.attribute()) + ")";
        }
        return (has.present() ? "" : "NOT ") + exists;
    }

    /**
     * Returns a predicate that holds when the entry aliased {@code entry} has a {@code attribute}
     * link to one of {@code documentIds}: the targets of an inverse relation of those documents.
     */
    String linksTo(String attribute, Collection<String> documentIds, String entry) {
        String link = alias("l");
        return "EXISTS (SELECT 1 FROM content_links " + link + " WHERE " + link + ".entry_id = " + entry + ".id AND " + link
                + ".attribute = " + bind(attribute) + " AND " + in(link + ".target_document_id", List.copyOf(documentIds)) + ")";
    }

    /**
     * Appends {@code sort} and then the id as the final key, so pages never overlap. A key on a
     * relation target joins the target through its one link, so it must be a to-one relation:
     * a to-many relation would repeat the entry once per target.
     */
    void orderBy(List<SortOrder> sort, String entry) {
        for (SortOrder order : sort) {
            String owner = entry;
            if (order.relation() != null) {
                String link = alias("k");
                owner = alias("r");
                joins.append(" LEFT JOIN content_links ").append(link).append(" ON ").append(link).append(".entry_id = ")
                        .append(entry).append(".id AND ").append(link).append(".attribute = ").append(bind(order.relation()))
                        .append(" LEFT JOIN content_entries ").append(owner).append(" ON ").append(owner)
                        .append(".document_id = ").append(link).append(".target_document_id AND ").append(owner)
                        .append(".content_type_uid = ").append(bind(order.targetUid()));
            }
            String column;
            if (order.field().system() != null) {
                column = systemColumn(order.field(), owner);
            } else {
                String alias = alias("s");
                joins.append(" LEFT JOIN content_values ").append(alias).append(" ON ").append(alias).append(".entry_id = ")
                        .append(owner).append(".id AND ").append(alias).append(".attribute = ").append(bind(order.field().name()));
                column = alias + "." + valueColumn(order.field().column());
            }
            orderBy.append(column).append(order.descending() ? " DESC NULLS FIRST, " : " ASC NULLS LAST, ");
        }
        if (sort.isEmpty()) {
            // The type column is constant under the WHERE clause, but naming it lets H2 read the
            // (content_type_uid, id) index in order and stop after one page instead of sorting every entry.
            orderBy.append(entry).append(".content_type_uid, ");
        }
        orderBy.append(entry).append(".id ASC");
    }

    /** Returns the joins that {@link #orderBy} added, to follow the FROM clause. */
    String joins() {
        return joins.toString();
    }

    String orderByClause() {
        return orderBy.isEmpty() ? "" : " ORDER BY " + orderBy;
    }

    /** Binds every collected parameter to {@code query}. */
    <T> NativeQuery<T> bindAll(NativeQuery<T> query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    private String combine(List<Condition> conditions, String operator, String empty, String entry) {
        if (conditions.isEmpty()) {
            return empty;
        }
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < conditions.size(); i++) {
            sql.append(i == 0 ? "" : operator).append(where(conditions.get(i), entry));
        }
        return sql.append(')').toString();
    }

    private String related(Condition.Related related, String entry) {
        if (related.mappedBy() != null) {
            return inverseExists(related.mappedBy(), related.targetUid(), entry, related.condition());
        }
        String link = alias("l");
        String target = alias("t");
        return "EXISTS (SELECT 1 FROM content_links " + link + " JOIN content_entries " + target + " ON " + target
                + ".document_id = " + link + ".target_document_id WHERE " + link + ".entry_id = " + entry + ".id AND "
                + link + ".attribute = " + bind(related.attribute()) + " AND " + target + ".content_type_uid = "
                + bind(related.targetUid()) + " AND " + where(related.condition(), target) + ")";
    }

    /**
     * Returns a predicate that holds when an entry of {@code targetUid} links to the entry aliased
     * {@code entry} through its {@code mappedBy} relation and matches {@code condition}, or any
     * such entry when {@code condition} is null.
     */
    private String inverseExists(String mappedBy, String targetUid, String entry, Condition condition) {
        String link = alias("l");
        String target = alias("t");
        String match = condition == null ? "1 = 1" : where(condition, target);
        return "EXISTS (SELECT 1 FROM content_links " + link + " JOIN content_entries " + target + " ON " + target + ".id = "
                + link + ".entry_id WHERE " + link + ".target_document_id = " + entry + ".document_id AND " + link
                + ".attribute = " + bind(mappedBy) + " AND " + target + ".content_type_uid = " + bind(targetUid) + " AND "
                + match + ")";
    }

    private String compare(Condition.Compare compare, String entry) {
        Field field = compare.field();
        Operator operator = compare.operator();
        if (operator == Operator.NULL || operator == Operator.NOT_NULL) {
            boolean wantNull = (operator == Operator.NULL) == (Boolean) compare.values().get(0);
            return wantNull ? "NOT " + exists(field, entry, "1 = 1") : exists(field, entry, "1 = 1");
        }
        Operator positive = operator.positive();
        String match = exists(field, entry, null, positive, compare.values());
        return operator.negated() ? "NOT " + match : match;
    }

    private String exists(Field field, String entry, String predicate) {
        return exists(field, entry, predicate, null, List.of());
    }

    /** Returns a predicate that holds when the field has a value matching {@code operator}; system fields need no sub-query. */
    private String exists(Field field, String entry, String fixedPredicate, Operator operator, List<Object> values) {
        if (field.system() != null) {
            String column = systemColumn(field, entry);
            String predicate = fixedPredicate != null ? column + " IS NOT NULL" : predicate(column, operator, values);
            return "(" + column + " IS NOT NULL AND " + predicate + ")";
        }
        String alias = alias("v");
        String column = alias + "." + valueColumn(field.column());
        String predicate = fixedPredicate != null ? fixedPredicate : predicate(column, operator, values);
        return "EXISTS (SELECT 1 FROM content_values " + alias + " WHERE " + alias + ".entry_id = " + entry + ".id AND "
                + alias + ".attribute = " + bind(field.name()) + " AND " + column + " IS NOT NULL AND " + predicate + ")";
    }

    private String predicate(String column, Operator operator, List<Object> values) {
        return switch (operator) {
            case EQ -> column + " = " + bind(values.get(0));
            case EQI -> "LOWER(" + column + ") = LOWER(" + bind(values.get(0)) + ")";
            case LT -> column + " < " + bind(values.get(0));
            case LTE -> column + " <= " + bind(values.get(0));
            case GT -> column + " > " + bind(values.get(0));
            case GTE -> column + " >= " + bind(values.get(0));
            case BETWEEN -> column + " >= " + bind(values.get(0)) + " AND " + column + " <= " + bind(values.get(1));
            case IN -> in(column, values);
            case CONTAINS -> like(column, "%" + escape(values.get(0)) + "%", false);
            case CONTAINSI -> like(column, "%" + escape(values.get(0)) + "%", true);
            case STARTS_WITH -> like(column, escape(values.get(0)) + "%", false);
            case STARTS_WITHI -> like(column, escape(values.get(0)) + "%", true);
            case ENDS_WITH -> like(column, "%" + escape(values.get(0)), false);
            case ENDS_WITHI -> like(column, "%" + escape(values.get(0)), true);
            default -> throw new IllegalArgumentException(operator.token() + " has no positive SQL form");
        };
    }

    private String in(String column, List<Object> values) {
        // An empty list matches nothing; "IN ()" is not valid SQL and dropping the condition would match everything.
        if (values.isEmpty()) {
            return "1 = 0";
        }
        StringBuilder sql = new StringBuilder(column).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(bind(values.get(i)));
        }
        return sql.append(')').toString();
    }

    private String like(String column, String pattern, boolean ignoreCase) {
        String escape = " ESCAPE '" + LIKE_ESCAPE + "'";
        if (ignoreCase) {
            return "LOWER(" + column + ") LIKE LOWER(" + bind(pattern) + ")" + escape;
        }
        return column + " LIKE " + bind(pattern) + escape;
    }

    private static String escape(Object value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toString().toCharArray()) {
            if (c == LIKE_ESCAPE || c == '%' || c == '_') {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static String systemColumn(Field field, String entry) {
        return entry + "." + switch (field.system()) {
            case ID -> "id";
            case DOCUMENT_ID -> "document_id";
            case CREATED_AT -> "created_at";
            case UPDATED_AT -> "updated_at";
            case PUBLISHED_AT -> "published_at";
        };
    }

    private static String valueColumn(ValueColumn column) {
        return switch (column) {
            case TEXT -> "text_value";
            case NUMBER -> "number_value";
            case BOOLEAN -> "boolean_value";
            case TIMESTAMP -> "time_value";
        };
    }

    private String alias(String prefix) {
        aliases++;
        return prefix + aliases;
    }
}
