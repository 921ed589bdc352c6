package dev.tokendesk.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Looks up the target of a relation by id or documentId: an entry of a content type, a user
 * (the users-permissions user type is TokenDesk's users table) or a role.
 */
final class RelationTargets {

    /** Uid of the users-permissions role type, whose entries are TokenDesk's roles. */
    static final String ROLE_TYPE_UID = "plugin::users-permissions.role";

    private RelationTargets() {
    }

    /** Returns the entry's documentId; an integral {@code id} matches the id, a string {@code documentId} the documentId. */
    static Optional<JsonNode> findEntry(Session session, String typeUid, JsonNode id, JsonNode documentId) {
        String query = id.isIntegralNumber()
                ? "select documentId from ContentEntry where typeUid = :type and id = :key"
                : "select documentId from ContentEntry where typeUid = :type and documentId = :key";
        return session.createSelectionQuery(query, String.class)
                .setParameter("type", typeUid)
                .setParameter("key", id.isIntegralNumber() ? (Object) id.longValue() : documentId.asText())
                .getResultStream()
                .findFirst()
                .map(TextNode::valueOf);
    }

    /** Returns the user's documentId. */
    static Optional<JsonNode> findUser(Session session, JsonNode id, JsonNode documentId) {
        String query = id.isIntegralNumber()
                ? "select documentId from User where id = :key"
                : "select documentId from User where documentId = :key";
        return session.createSelectionQuery(query, String.class)
                .setParameter("key", id.isIntegralNumber() ? (Object) id.longValue() : documentId.asText())
                .getResultStream()
                .findFirst()
                .map(TextNode::valueOf);
    }

    /** Returns the role's id; roles have no documentId. */
    static Optional<JsonNode> findRole(Session session, JsonNode id) {
        if (!id.isIntegralNumber()) {
            return Optional.empty();
        }
        return session.createSelectionQuery("select id from Role where id = :key", Long.class)
                .setParameter("key", id.longValue())
                .getResultStream()
                .findFirst()
                .map(LongNode::valueOf);
    }

    /** Describes a reference for messages, such as "documentId 'abc'" or "id 4". */
    static String describe(JsonNode reference) {
        if (reference.isObject()) {
            return reference.has("id") ? "id " + reference.get("id") : "documentId '" + reference.path("documentId").asText() + "'";
        }
        return reference.isIntegralNumber() ? "id " + reference : "documentId '" + reference.asText() + "'";
    }
}
