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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FoodAdvisor demo project end to end: import every content type, create categories,
 * restaurants and reviews over HTTP, then read them back with populate and relation filters.
 */
class FoodAdvisorApiTest {

    private static final List<String> TYPES = List.of("api::category.category", "api::restaurant.restaurant", "api::review.review");

    @TempDir
    Path dataDir;

    private TestServer api;
    private String writer;
    private String italian;
    private String pizzeria;

    @BeforeEach
    void start() {
        api = new TestServer(dataDir.resolve("data"));
        api.desk.content().importSchemas(Fixtures.copy(Fixtures.FOOD_ADVISOR, dataDir.resolve("src")));
        api.desk.roles().create("Writer", "Writes FoodAdvisor content");
        Set<Permission> writerPermissions = new HashSet<>();
        Set<Permission> publicPermissions = new HashSet<>();
        for (String uid : TYPES) {
            for (Action action : Action.values()) {
                writerPermissions.add(new Permission(uid, action));
            }
            publicPermissions.add(new Permission(uid, Action.FIND));
            publicPermissions.add(new Permission(uid, Action.FIND_ONE));
        }
        api.desk.roles().grant("Writer", writerPermissions);
        api.desk.roles().grant("Public", publicPermissions);
        UserView user = api.desk.users().create(new NewUser("critic", "critic@example.com", "Critic-Pass-1", "Writer"));
        writer = "Bearer " + api.desk.tokens().issue(TokenRequest.of(user.id(), "critic", TokenScope.FULL, Expiry.NEVER)).token();

        italian = create("categories", "{\"name\":\"Italian\",\"slug\":\"italian\"}");
        String french = create("categories", "{\"name\":\"French\",\"slug\":\"french\"}");
        pizzeria = create("restaurants", restaurant("Pizzeria Roma", "p1", italian));
        String trattoria = create("restaurants", restaurant("Trattoria Nona", "p2", italian));
        create("restaurants", restaurant("Chez Paul", "p3", french));
        create("reviews", "{\"note\":5,\"content\":\"Great crust\",\"restaurant\":\"" + pizzeria + "\",\"author\":" + user.id() + "}");
        create("reviews", "{\"note\":2,\"content\":\"Slow\",\"restaurant\":\"" + trattoria + "\"}");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static String restaurant(String name, String price, String category) {
        return "{\"name\":\"" + name + "\",\"price\":\"" + price + "\",\"images\":[1],\"category\":\"" + category + "\"}";
    }

    private String create(String pluralName, String data) {
        TestServer.Response response = api.postJson("/api/" + pluralName, "{\"data\":" + data + "}", "Authorization", writer);
        assertThat(response.status()).as(pluralName + " " + response).isEqualTo(201);
        return response.json().at("/data/documentId").asText();
    }

    private static List<String> values(JsonNode data, String pointer) {
        List<String> values = new ArrayList<>();
        data.forEach(entry -> values.add(entry.at(pointer).asText()));
        return values;
    }

    @Test
    void restaurantsPopulateTheirCategory() {
        TestServer.Response response = api.get("/api/restaurants?populate=category&sort=name");

        assertThat(response.status()).isEqualTo(200);
        assertThat(values(response.json().get("data"), "/name")).containsExactly("Chez Paul", "Pizzeria Roma", "Trattoria Nona");
        assertThat(values(response.json().get("data"), "/category/name")).containsExactly("French", "Italian", "Italian");
        assertThat(response.json().at("/data/0/place").isMissingNode()).isTrue();
    }

    @Test
    void relationsAreLeftOutUnlessPopulated() {
        TestServer.Response response = api.get("/api/restaurants/" + pizzeria);

        assertThat(response.json().at("/data/name").asText()).isEqualTo("Pizzeria Roma");
        assertThat(response.json().at("/data/category").isMissingNode()).isTrue();
    }

    @Test
    void restaurantsFilterByCategoryName() {
        TestServer.Response italianOnes = api.get("/api/restaurants?filters[category][name][$eq]=Italian&sort=name:desc");
        TestServer.Response frenchOnes = api.get("/api/restaurants?filters[category][slug][$eqi]=FRENCH");
        TestServer.Response none = api.get("/api/restaurants?filters[category][name][$eq]=Thai");

        assertThat(values(italianOnes.json().get("data"), "/name")).containsExactly("Trattoria Nona", "Pizzeria Roma");
        assertThat(italianOnes.json().at("/meta/pagination/total").asInt()).isEqualTo(2);
        assertThat(values(frenchOnes.json().get("data"), "/name")).containsExactly("Chez Paul");
        assertThat(none.json().get("data")).isEmpty();
    }

    @Test
    void reviewsFilterAcrossTwoRelations() {
        TestServer.Response response = api.get("/api/reviews?filters[restaurant][category][name][$eq]=Italian&filters[note][$gte]=4");

        assertThat(values(response.json().get("data"), "/content")).containsExactly("Great crust");
    }

    @Test
    void nestedPopulateSelectsFields() {
        TestServer.Response response = api.get("/api/reviews?sort=note:desc&fields[0]=note"
                + "&populate[restaurant][fields][0]=name&populate[restaurant][populate][category][fields][0]=name");

        JsonNode first = response.json().at("/data/0");
        assertThat(response.status()).isEqualTo(200);
        assertThat(first.get("note").asInt()).isEqualTo(5);
        assertThat(first.has("content")).isFalse();
        assertThat(first.at("/restaurant/name").asText()).isEqualTo("Pizzeria Roma");
        assertThat(first.at("/restaurant/price").isMissingNode()).isTrue();
        assertThat(first.at("/restaurant/documentId").asText()).isEqualTo(pizzeria);
        assertThat(first.at("/restaurant/category/name").asText()).isEqualTo("Italian");
        assertThat(first.at("/restaurant/category/slug").isMissingNode()).isTrue();
    }

    @Test
    void populateFiltersTargets() {
        TestServer.Response response = api.get("/api/reviews?sort=note&populate[restaurant][filters][price][$eq]=p1");

        assertThat(response.json().at("/data/0/restaurant").isNull()).isTrue();
        assertThat(response.json().at("/data/1/restaurant/name").asText()).isEqualTo("Pizzeria Roma");
    }

    @Test
    void populateStarSkipsTargetsTheCallerMayNotFind() {
        TestServer.Response response = api.get("/api/restaurants/" + pizzeria + "?populate=*");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/data/category/documentId").asText()).isEqualTo(italian);
        assertThat(response.json().at("/data/place").isMissingNode()).isTrue();
    }

    @Test
    void populatingForbiddenTargetIs403NamingIt() {
        TestServer.Response place = api.get("/api/restaurants?populate[place]=true");
        TestServer.Response author = api.get("/api/reviews?populate=author");

        assertThat(place.status()).isEqualTo(403);
        assertThat(place.json().at("/error/message").asText()).contains("api::place.place").contains("populate[place]");
        assertThat(author.status()).isEqualTo(403);
        assertThat(author.json().at("/error/message").asText()).contains("plugin::users-permissions.user");
    }

    @Test
    void unknownPopulateKeyIs400() {
        TestServer.Response response = api.get("/api/restaurants?populate=nosuch");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("nosuch");
    }

    @Test
    void createResponseHonoursPopulate() {
        TestServer.Response response = api.postJson("/api/restaurants?populate=category",
                "{\"data\":" + restaurant("Osteria", "p4", italian) + "}", "Authorization", writer);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().at("/data/category/name").asText()).isEqualTo("Italian");
    }
}
