package dev.tokendesk.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.server.http.Json;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The shared fixture of the HTTP tests: a {@code restaurant} type with a private attribute, five
 * restaurants, alice (Authenticated) and bob (Editor) with one full-scope token each, and
 * permissions Public find/findOne, Authenticated and Editor also create, Editor also update.
 */
final class ApiFixture {

    static final String RESTAURANT = "api::restaurant.restaurant";
    static final String ALICE_PASSWORD = "Alice-Pass-1";
    static final String BOB_PASSWORD = "Bob-Pass-1";
    static final String[] NAMES = {"Chez Marie", "Le Bistro", "A B Diner", "A+B Diner", "Café Noir"};
    static final int[] SEATS = {40, 12, 20, 20, 30};

    final UserView alice;
    final UserView bob;
    final String tokenA;
    final String tokenB;

    ApiFixture(TokenDesk desk) {
        desk.content().importSchemas(schemaFolder());
        desk.roles().create("Editor", "Edits restaurants");
        desk.roles().grant("Public", Set.of(new Permission(RESTAURANT, Action.FIND), new Permission(RESTAURANT, Action.FIND_ONE)));
        desk.roles().grant("Authenticated", Set.of(new Permission(RESTAURANT, Action.FIND), new Permission(RESTAURANT, Action.FIND_ONE),
                new Permission(RESTAURANT, Action.CREATE)));
        desk.roles().grant("Editor", Set.of(new Permission(RESTAURANT, Action.FIND), new Permission(RESTAURANT, Action.FIND_ONE),
                new Permission(RESTAURANT, Action.CREATE), new Permission(RESTAURANT, Action.UPDATE)));

        alice = desk.users().create(new NewUser("alice", "alice@example.com", ALICE_PASSWORD, null));
        bob = desk.users().create(new NewUser("bob", "bob@example.com", BOB_PASSWORD, "Editor"));
        tokenA = desk.tokens().issue(TokenRequest.of(alice.id(), "alice full", TokenScope.FULL, Expiry.NEVER)).token();
        tokenB = desk.tokens().issue(TokenRequest.of(bob.id(), "bob full", TokenScope.FULL, Expiry.NEVER)).token();

        for (int i = 0; i < NAMES.length; i++) {
            ObjectNode data = Json.MAPPER.createObjectNode();
            data.put("name", NAMES[i]);
            data.put("seats", SEATS[i]);
            data.put("secretNote", "note " + i);
            desk.content().create(RESTAURANT, data);
        }
    }

    static Path schemaFolder() {
        try {
            return Path.of(ApiFixture.class.getResource("/schemas/restaurant/schema.json").toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
