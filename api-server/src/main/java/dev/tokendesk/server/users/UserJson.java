package dev.tokendesk.server.users;

import dev.tokendesk.user.UserView;
import java.util.LinkedHashMap;
import java.util.Map;

/** The user object of Strapi's users-permissions plugin, without the password or its hash. */
final class UserJson {

    private UserJson() {
    }

    static Map<String, Object> of(UserView user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", user.id());
        json.put("documentId", user.documentId());
        json.put("username", user.username());
        json.put("email", user.email());
        json.put("provider", "local");
        json.put("confirmed", true);
        json.put("blocked", user.blocked());
        json.put("createdAt", user.createdAt().toString());
        json.put("updatedAt", user.updatedAt().toString());
        return json;
    }
}
