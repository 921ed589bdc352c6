package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import dev.tokendesk.testing.Fixtures;
import dev.tokendesk.token.Expiry;
import dev.tokendesk.token.TokenRequest;
import dev.tokendesk.token.TokenScope;
import dev.tokendesk.user.NewUser;
import dev.tokendesk.user.UserView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Content for the relation tests, on H2 or PostgreSQL: the FoodAdvisor types plus {@code dish}
 * and {@code menu}, whose {@code dishes} is an owned many-to-many relation with the inverse
 * {@code menus}, and whose {@code chef} points at a user.
 *
 * <p>Entries: categories Italian, French and Thai; restaurants Pizzeria Roma and Trattoria Nona
 * (Italian) and Chez Paul (French), with information descriptions and social networks; reviews of
 * the first two, one by the user critic; dishes Soup, Pasta and Cake. A full-scope token of critic
 * may do everything on these types and find users.
 */
final class RelationData {

    static final List<String> TYPES = List.of("api::category.category", "api::restaurant.restaurant", "api::review.review",
            "api::dish.dish", "api::menu.menu");

    private static final String DISH = """
            {"kind": "collectionType", "info": {"singularName": "dish", "pluralName": "dishes"},
             "attributes": {"name": {"type": "string"},
                            "menus": {"type": "relation", "relation": "manyToMany", "target": "api::menu.menu", "mappedBy": "dishes"}}}
            """;
    private static final String MENU = """
            {"kind": "collectionType", "info": {"singularName": "menu", "pluralName": "menus"},
             "attributes": {"title": {"type": "string"},
                            "dishes": {"type": "relation", "relation": "manyToMany", "target": "api::dish.dish", "inversedBy": "menus"},
                            "chef": {"type": "relation", "relation": "manyToOne", "target": "plugin::users-permissions.user"}}}
            """;

    final TestServer api;
    final String writer;
    final UserView critic;
    final String italian;
    final String french;
    final String thai;
    final String pizzeria;
    final String trattoria;
    final String chezPaul;
    final String soup;
    final String pasta;
    final String cake;

    RelationData(TestServer api, Path workDir) {
        this.api = api;
        Path src = Fixtures.copy(Fixtures.FOOD_ADVISOR, workDir.resolve("src"));
        write(src.resolve("api/dish/content-types/dish/schema.json"), DISH);
        write(src.resolve("api/menu/content-types/menu/schema.json"), MENU);
        api.desk.content().importSchemas(src);

        api.desk.roles().create("Writer", "Writes FoodAdvisor content");
        Set<Permission> permissions = new HashSet<>();
        for (String uid : TYPES) {
            for (Action action : Action.values()) {
                permissions.add(new Permission(uid, action));
            }
        }
        permissions.add(new Permission("plugin::users-permissions.user", Action.FIND));
        api.desk.roles().grant("Writer", permissions);
        critic = api.desk.users().create(new NewUser("critic", "critic@example.com", "Critic-Pass-1", "Writer"));
        writer = "Bearer " + api.desk.tokens().issue(TokenRequest.of(critic.id(), "critic", TokenScope.FULL, Expiry.NEVER)).token();

        italian = create("categories", "{\"name\":\"Italian\",\"slug\":\"italian\"}");
        french = create("categories", "{\"name\":\"French\",\"slug\":\"french\"}");
        thai = create("categories", "{\"name\":\"Thai\",\"slug\":\"thai\"}");
        pizzeria = create("restaurants", restaurant("Pizzeria Roma", "p1", italian,
                "{\"description\":\"Wood-fired Pizza since 1950\"}", "[{\"url\":\"https://photos.example/roma\"},"
                        + "{\"url\":\"https://friends.example/roma\"}]"));
        trattoria = create("restaurants", restaurant("Trattoria Nona", "p2", italian, "{\"description\":\"Fresh pasta\"}",
                "[{\"url\":\"https://photos.example/nona\"}]"));
        chezPaul = create("restaurants", restaurant("Chez Paul", "p3", french, null, null));
        create("reviews", "{\"note\":5,\"content\":\"Great crust\",\"restaurant\":\"" + pizzeria + "\",\"author\":" + critic.id() + "}");
        create("reviews", "{\"note\":2,\"content\":\"Slow\",\"restaurant\":\"" + trattoria + "\"}");
        soup = create("dishes", "{\"name\":\"Soup\"}");
        pasta = create("dishes", "{\"name\":\"Pasta\"}");
        cake = create("dishes", "{\"name\":\"Cake\"}");
    }

    private static String restaurant(String name, String price, String category, String information, String socialNetworks) {
        return "{\"name\":\"" + name + "\",\"price\":\"" + price + "\",\"images\":[1],\"category\":\"" + category + "\""
                + (information == null ? "" : ",\"information\":" + information)
                + (socialNetworks == null ? "" : ",\"socialNetworks\":" + socialNetworks) + "}";
    }

    /** Creates an entry with the writer's token and returns its documentId. */
    String create(String pluralName, String data) {
        TestServer.Response response = post(pluralName, data);
        assertThat(response.status()).as(pluralName + " " + response).isEqualTo(201);
        return response.json().at("/data/documentId").asText();
    }

    TestServer.Response post(String pluralName, String data) {
        return api.postJson("/api/" + pluralName, "{\"data\":" + data + "}", "Authorization", writer);
    }

    /** Updates an entry with the writer's token. {@code query} follows the path, such as {@code ?populate=dishes}, or is empty. */
    TestServer.Response put(String pluralName, String documentId, String query, String data) {
        return api.putJson("/api/" + pluralName + "/" + documentId + query, "{\"data\":" + data + "}", "Authorization", writer);
    }

    TestServer.Response get(String pathAndQuery) {
        return api.get(pathAndQuery, "Authorization", writer);
    }

    /** Returns the text at {@code pointer} in each element of {@code array}. */
    static List<String> values(JsonNode array, String pointer) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.at(pointer).asText()));
        return values;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
