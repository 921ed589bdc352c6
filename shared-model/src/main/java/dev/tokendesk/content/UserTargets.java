package dev.tokendesk.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/**
 * Shapes users, TokenDesk's entries of the users-permissions user type, as populated relation
 * targets. Only public profile fields are read: the password hash, the credential version and the
 * role never leave the users table this way.
 */
final class UserTargets {

    /** User attributes that a populated user may show, each shown only when the imported user schema does not mark it private. */
    private static final List<String> PROFILE_FIELDS = List.of("username", "email", "blocked");

    private UserTargets() {
    }

    /** Returns the users with {@code documentIds}, by documentId. Unknown documentIds are left out. */
    static Map<String, ObjectNode> load(Session session, Set<String> documentIds) {
        Optional<ContentTypeView> schema = ContentRepository.findType(session, ContentTypeView.USER_TYPE_UID);
        List<String> shown = PROFILE_FIELDS.stream()
                .filter(name -> schema.isEmpty() || schema.get().attribute(name).filter(Attribute::isReturned).isPresent())
                .toList();
        Map<String, ObjectNode> users = new HashMap<>();
        session.createSelectionQuery("select id, documentId, username, email, blocked, createdAt, updatedAt from User"
                        + " where documentId in :ids", Object[].class)
                .setParameter("ids", documentIds)
                .getResultList()
                .forEach(row -> users.put((String) row[1], shape(row, shown)));
        return users;
    }

    private static ObjectNode shape(Object[] row, List<String> shown) {
        ObjectNode user = ContentJson.newObject();
        user.put("id", (Long) row[0]);
        user.put("documentId", (String) row[1]);
        if (shown.contains("username")) {
            user.put("username", (String) row[2]);
        }
        if (shown.contains("email")) {
            user.put("email", (String) row[3]);
        }
        if (shown.contains("blocked")) {
            user.put("blocked", (Boolean) row[4]);
        }
        user.put("createdAt", EntryJson.format((Instant) row[5]));
        user.put("updatedAt", EntryJson.format((Instant) row[6]));
        return user;
    }
}
