package dev.tokendesk.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.NotFoundException;
import dev.tokendesk.content.query.Condition;
import dev.tokendesk.content.query.EntryList;
import dev.tokendesk.content.query.EntryQuery;
import dev.tokendesk.content.query.Field;
import dev.tokendesk.content.query.Operator;
import dev.tokendesk.content.query.Selection;
import dev.tokendesk.content.query.SortOrder;
import dev.tokendesk.content.query.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * Runs validated queries inside a caller's transaction: filters, sorts and pages in SQL, loads
 * only the selected entries, then shapes them with their fields and populated relations.
 *
 * <p>A list costs a constant number of statements: one count, one page of ids, one load of those
 * entries, and the same three-step load once per populated relation and level. Relations that are
 * not populated are left out of the entries, as Strapi does.
 *
 * <p>Used by one thread for one transaction.
 */
final class EntryReader {

    private final Session session;
    private final Status status;
    private final Map<String, ContentTypeView> types = new HashMap<>();

    /** Cache of unfiltered counts shared across requests, or null to count in SQL every time. */
    private final ContentCache counts;

    EntryReader(Session session, Status status) {
        this(session, status, null);
    }

    EntryReader(Session session, Status status, ContentCache counts) {
        this.session = session;
        this.status = status;
        this.counts = counts;
    }

    /** Returns the page of entries of {@code type} that {@code query} selects. */
    EntryList list(ContentTypeView type, EntryQuery query) {
        OptionalLong total = query.withCount() ? OptionalLong.of(count(type, query.filter())) : OptionalLong.empty();
        boolean pastEnd = (total.isPresent() && query.offset() >= total.getAsLong()) || query.offset() > Integer.MAX_VALUE;
        List<Long> ids = pastEnd ? List.of() : ids(type, query.filter(), query.sort(), null, null, (int) query.offset(), query.limit());
        return new EntryList(shape(type, load(ids), query.selection()), total);
    }

    /** Returns the entry of {@code type} with {@code documentId}, or empty when there is none in the requested status. */
    Optional<ObjectNode> one(ContentTypeView type, String documentId, Selection selection) {
        List<Long> ids = ids(type, null, List.of(), Set.of(documentId), null, 0, 1);
        return shape(type, load(ids), selection).stream().findFirst();
    }

    /** Returns the entry of single type {@code type}, or empty when it has none in the requested status. */
    Optional<ObjectNode> single(ContentTypeView type, Selection selection) {
        List<Long> ids = ids(type, null, List.of(), null, null, 0, 1);
        return shape(type, load(ids), selection).stream().findFirst();
    }

    private long count(ContentTypeView type, Condition filter) {
        if (counts != null && filter == null) {
            return counts.count(type.uid(), status, () -> countInSql(type, null));
        }
        return countInSql(type, filter);
    }

    private long countInSql(ContentTypeView type, Condition filter) {
        EntrySql sql = new EntrySql();
        String where = baseWhere(sql, type, filter, null, null);
        return sql.bindAll(session.createNativeQuery("SELECT COUNT(*) FROM content_entries e WHERE " + where, Long.class))
                .getSingleResult();
    }

    /**
     * Returns the ids of matching entries in order. {@code documentIds} and {@code inverse}, when
     * not null, restrict them to those documents or to the entries linking to them.
     */
    private List<Long> ids(ContentTypeView type, Condition filter, List<SortOrder> sort, Set<String> documentIds, Inverse inverse,
            int offset, int limit) {
        EntrySql sql = new EntrySql();
        String where = baseWhere(sql, type, filter, documentIds, inverse);
        if (documentIds != null && sort.isEmpty()) {
            return idsOfDocuments(sql, where, offset, limit);
        }
        sql.orderBy(sort, "e");
        String statement = "SELECT e.id FROM content_entries e" + sql.joins() + " WHERE " + where + sql.orderByClause();
        NativeQuery<Long> query = sql.bindAll(session.createNativeQuery(statement, Long.class));
        query.setFirstResult(offset);
        if (limit > 0) {
            query.setMaxResults(limit);
        }
        return query.getResultList();
    }

    /**
     * Returns the ids of the entries of the given documents in id order, {@code where} already
     * naming the documents. Each document is one entry, so there are at most as many rows as
     * documents and they are ordered here. An ORDER BY made H2 read the type's (type, id) index in
     * order instead of the document_id index: 3.7 s for one document among 1,000,000 entries.
     */
    private List<Long> idsOfDocuments(EntrySql sql, String where, int offset, int limit) {
        List<Long> ids = new ArrayList<>(sql.bindAll(session.createNativeQuery(
                "SELECT e.id FROM content_entries e" + sql.joins() + " WHERE " + where, Long.class)).getResultList());
        Collections.sort(ids);
        int from = Math.min(offset, ids.size());
        int to = limit > 0 ? Math.min(from + limit, ids.size()) : ids.size();
        return ids.subList(from, to);
    }

    private String baseWhere(EntrySql sql, ContentTypeView type, Condition filter, Set<String> documentIds, Inverse inverse) {
        StringBuilder where = new StringBuilder("e.content_type_uid = ").append(sql.bind(type.uid()));
        if (type.draftAndPublish() && status == Status.PUBLISHED) {
            where.append(" AND e.published_at IS NOT NULL");
        }
        if (documentIds != null) {
            Field documentId = Field.of(Field.SystemField.DOCUMENT_ID);
            where.append(" AND ").append(sql.where(new Condition.Compare(documentId, Operator.IN, List.copyOf(documentIds)), "e"));
        }
        if (inverse != null) {
            where.append(" AND ").append(sql.linksTo(inverse.attribute(), inverse.documentIds(), "e"));
        }
        if (filter != null) {
            where.append(" AND ").append(sql.where(filter, "e"));
        }
        return where.toString();
    }

    private List<ContentEntry> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ContentEntry> byId = new HashMap<>();
        // Native SQL on purpose: Hibernate translates an HQL query with a list parameter anew on
        // every call, which cost more CPU than the rest of a list request.
        session.createNativeQuery("SELECT * FROM content_entries WHERE id IN (:ids)", ContentEntry.class)
                .setParameterList("ids", ids)
                .getResultList()
                .forEach(entry -> byId.put(entry.getId(), entry));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private List<ObjectNode> shape(ContentTypeView type, List<ContentEntry> entries, Selection selection) {
        List<ObjectNode> shaped = new ArrayList<>();
        for (ContentEntry entry : entries) {
            ObjectNode node = EntryJson.toApi(entry, type);
            if (type.draftAndPublish() && status == Status.DRAFT) {
                node.putNull("publishedAt");
            }
            shaped.add(node);
        }
        for (Map.Entry<String, Selection> populate : selection.populate().entrySet()) {
            Attribute attribute = type.attribute(populate.getKey())
                    .orElseThrow(() -> new IllegalArgumentException(populate.getKey() + " is not an attribute of " + type.uid()));
            populate(attribute, shaped, populate.getValue());
        }
        for (ObjectNode node : shaped) {
            project(type, node, selection);
        }
        return shaped;
    }

    private void populate(Attribute relation, List<ObjectNode> parents, Selection nested) {
        if (relation.type() != AttributeType.RELATION) {
            // Components, dynamic zones and media are stored inline and are always returned whole.
            return;
        }
        if (relation.isInverse()) {
            populateInverse(relation, parents, nested);
            return;
        }
        Set<String> documentIds = new LinkedHashSet<>();
        for (ObjectNode parent : parents) {
            targetsOf(parent.get(relation.name())).forEach(documentIds::add);
        }
        Map<String, ObjectNode> targets = new LinkedHashMap<>();
        if (!documentIds.isEmpty() && relation.target().equals(ContentTypeView.USER_TYPE_UID)) {
            targets.putAll(UserTargets.load(session, documentIds));
        } else if (!documentIds.isEmpty()) {
            ContentTypeView targetType = type(relation.target());
            // NOTE: all targets of the page go into one IN list; PostgreSQL rejects more than 32767 bound parameters.
            List<Long> ids = ids(targetType, nested.filter(), nested.sort(), documentIds, null, 0, 0);
            for (ObjectNode target : shape(targetType, load(ids), nested)) {
                targets.put(target.get("documentId").asText(), target);
            }
        }
        for (ObjectNode parent : parents) {
            List<String> own = targetsOf(parent.get(relation.name()));
            if (!relation.relation().toMany()) {
                parent.set(relation.name(), own.isEmpty() || !targets.containsKey(own.get(0)) ? NullNode.getInstance() : targets.get(own.get(0)));
                continue;
            }
            ArrayNode list = parent.arrayNode();
            if (nested.sort().isEmpty()) {
                own.stream().filter(targets::containsKey).forEach(id -> list.add(targets.get(id)));
            } else {
                targets.forEach((id, target) -> {
                    if (own.contains(id)) {
                        list.add(target);
                    }
                });
            }
            parent.set(relation.name(), list);
        }
    }

    /**
     * Populates the inverse side of a relation from the owning side's links: the targets are the
     * entries of the target type whose {@code mappedBy} relation points at a parent, in id order
     * unless the populate sorts them.
     */
    private void populateInverse(Attribute relation, List<ObjectNode> parents, Selection nested) {
        Set<String> parentIds = new LinkedHashSet<>();
        parents.forEach(parent -> parentIds.add(parent.get("documentId").asText()));
        Map<String, List<ObjectNode>> byParent = new HashMap<>();
        if (!parentIds.isEmpty()) {
            ContentTypeView targetType = type(relation.target());
            Inverse inverse = new Inverse(relation.mappedBy(), parentIds);
            List<Long> ids = ids(targetType, nested.filter(), nested.sort(), null, inverse, 0, 0);
            Map<Long, List<String>> links = links(ids, relation.mappedBy());
            List<ContentEntry> entries = load(ids);
            List<ObjectNode> shaped = shape(targetType, entries, nested);
            for (int i = 0; i < entries.size(); i++) {
                for (String parent : links.getOrDefault(entries.get(i).getId(), List.of())) {
                    byParent.computeIfAbsent(parent, key -> new ArrayList<>()).add(shaped.get(i));
                }
            }
        }
        for (ObjectNode parent : parents) {
            List<ObjectNode> own = byParent.getOrDefault(parent.get("documentId").asText(), List.of());
            if (!relation.relation().toMany()) {
                parent.set(relation.name(), own.isEmpty() ? NullNode.getInstance() : own.get(0));
                continue;
            }
            ArrayNode list = parent.arrayNode();
            own.forEach(list::add);
            parent.set(relation.name(), list);
        }
    }

    /** Returns the documentIds that each of {@code entryIds} links to through {@code attribute}. */
    private Map<Long, List<String>> links(List<Long> entryIds, String attribute) {
        Map<Long, List<String>> links = new HashMap<>();
        if (entryIds.isEmpty()) {
            return links;
        }
        // Native SQL for the same reason as in load().
        session.createNativeQuery("SELECT entry_id, target_document_id FROM content_links WHERE entry_id IN (:ids) AND attribute = :attribute"
                        + " ORDER BY entry_id, position", Object[].class)
                .setParameterList("ids", entryIds)
                .setParameter("attribute", attribute)
                .getResultList()
                .forEach(row -> links.computeIfAbsent(((Number) row[0]).longValue(), key -> new ArrayList<>()).add((String) row[1]));
        return links;
    }

    /** Restricts a query to the entries whose {@code attribute} links point at one of {@code documentIds}. */
    private record Inverse(String attribute, Set<String> documentIds) {
    }

    private static List<String> targetsOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            return List.of(value.asText());
        }
        List<String> ids = new ArrayList<>();
        value.forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** Removes relations that were not populated and fields that were not selected. */
    private static void project(ContentTypeView type, ObjectNode node, Selection selection) {
        Iterator<String> names = node.fieldNames();
        List<String> removed = new ArrayList<>();
        while (names.hasNext()) {
            String name = names.next();
            Optional<Attribute> attribute = type.attribute(name);
            boolean relation = attribute.isPresent() && attribute.get().type() == AttributeType.RELATION;
            boolean populated = selection.populate().containsKey(name);
            if (relation ? !populated : !selection.includes(name) && !populated) {
                removed.add(name);
            }
        }
        node.remove(removed);
    }

    private ContentTypeView type(String uid) {
        return types.computeIfAbsent(uid, key -> ContentRepository.findType(session, key)
                .orElseThrow(() -> new NotFoundException("Content type", key)));
    }
}
