package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendesk.TokenDesk;
import dev.tokendesk.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API on a real PostgreSQL 14: authentication, the query language, relations, component
 * filters and writes run the same SQL as on H2.
 */
@Tag("own-postgres")
class PostgresApiTest {

    private static final EmbeddedPostgres postgres = TestPostgres.shared();

    @TempDir
    Path dataDir;

    private TestServer api;
    private ApiFixture fixture;

    @BeforeEach
    void start() {
        TokenDesk desk = TestPostgres.openFreshDatabase(postgres, dataDir);
        api = new TestServer(desk);
        fixture = new ApiFixture(desk);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static List<String> names(TestServer.Response response) {
        List<String> names = new ArrayList<>();
        for (JsonNode entry : response.json().get("data")) {
            names.add(entry.get("name").asText());
        }
        return names;
    }

    @Test
    void credentialsWorkOnPostgres() {
        String jwt = api.postJson("/api/auth/local", "{\"identifier\":\"alice@example.com\",\"password\":\"Alice-Pass-1\"}")
                .json().get("jwt").asText();

        assertThat(api.get("/api/restaurants?token=" + fixture.tokenA).status()).isEqualTo(200);
        assertThat(api.get("/api/users/me", "Authorization", "Bearer " + jwt).status()).isEqualTo(200);
        assertThat(api.get("/api/restaurants?token=tdk_unknown").status()).isEqualTo(401);
    }

    @Test
    void filtersSortAndPagingWorkOnPostgres() {
        TestServer.Response contains = api.get("/api/restaurants?filters[name][$containsi]=DINER&sort=name:desc");
        TestServer.Response range = api.get("/api/restaurants?filters[seats][$between][0]=15&filters[seats][$between][1]=30&sort[0]=seats:asc&sort[1]=name:asc");
        TestServer.Response in = api.get("/api/restaurants?filters[seats][$in][0]=12&filters[seats][$in][1]=40&sort=seats");
        TestServer.Response or = api.get("/api/restaurants?filters[$or][0][name][$startsWith]=Le&filters[$or][1][seats][$gte]=40&sort=name");
        TestServer.Response paged = api.get("/api/restaurants?sort=name&pagination[page]=2&pagination[pageSize]=2");
        TestServer.Response offset = api.get("/api/restaurants?sort=name&pagination[start]=4&pagination[limit]=10");

        assertThat(names(contains)).containsExactly("A+B Diner", "A B Diner");
        assertThat(names(range)).containsExactly("A B Diner", "A+B Diner", "Café Noir");
        assertThat(names(in)).containsExactly("Le Bistro", "Chez Marie");
        assertThat(names(or)).containsExactly("Chez Marie", "Le Bistro");
        assertThat(names(paged)).containsExactly("Café Noir", "Chez Marie");
        assertThat(paged.json().at("/meta/pagination/total").asInt()).isEqualTo(5);
        assertThat(names(offset)).containsExactly("Le Bistro");
    }

    @Test
    void relationsAndComponentsWorkOnPostgres() {
        TestServer food = new TestServer(TestPostgres.openFreshDatabase(postgres, dataDir.resolve("food")));
        try {
            RelationData data = new RelationData(food, dataDir.resolve("food"));
            String lunch = data.create("menus", "{\"title\":\"Lunch\",\"dishes\":[\"" + data.soup + "\",\"" + data.pasta + "\"],"
                    + "\"chef\":\"" + data.critic.documentId() + "\"}");

            TestServer.Response inverse = data.get("/api/categories?populate[restaurants][sort]=name:desc&sort=name");
            TestServer.Response inverseFilter = data.get("/api/categories?filters[restaurants][name][$startsWith]=Chez");
            TestServer.Response emptyInverse = data.get("/api/categories?filters[restaurants][$null]=true");
            TestServer.Response connected = data.put("menus", lunch, "?populate=dishes",
                    "{\"dishes\":{\"connect\":[{\"documentId\":\"" + data.cake + "\",\"position\":{\"start\":true}}],"
                            + "\"disconnect\":[\"" + data.soup + "\"]}}");
            TestServer.Response dishMenus = data.get("/api/dishes/" + data.cake + "?populate=menus");
            TestServer.Response component = data.get("/api/restaurants?filters[information][description][$containsi]=PASTA");
            TestServer.Response repeatable = data.get("/api/restaurants?filters[socialNetworks][url][$endsWith]=/roma");
            TestServer.Response relationSort = data.get("/api/restaurants?sort[0][category][name]=asc&sort[1]=name:desc");
            TestServer.Response toManySort = data.get("/api/menus?sort=dishes.name");
            TestServer.Response chef = data.get("/api/menus/" + lunch + "?populate=chef");

            JsonNode categories = inverse.json().get("data");
            assertThat(RelationData.values(categories, "/name")).containsExactly("French", "Italian", "Thai");
            assertThat(RelationData.values(categories.get(1).get("restaurants"), "/name")).containsExactly("Trattoria Nona", "Pizzeria Roma");
            assertThat(RelationData.values(inverseFilter.json().get("data"), "/name")).containsExactly("French");
            assertThat(RelationData.values(emptyInverse.json().get("data"), "/name")).containsExactly("Thai");
            assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
            assertThat(RelationData.values(connected.json().at("/data/dishes"), "/name")).containsExactly("Cake", "Pasta");
            assertThat(RelationData.values(dishMenus.json().at("/data/menus"), "/title")).containsExactly("Lunch");
            assertThat(RelationData.values(component.json().get("data"), "/name")).containsExactly("Trattoria Nona");
            assertThat(RelationData.values(repeatable.json().get("data"), "/name")).containsExactly("Pizzeria Roma");
            assertThat(RelationData.values(relationSort.json().get("data"), "/name")).containsExactly("Chez Paul", "Trattoria Nona", "Pizzeria Roma");
            assertThat(toManySort.status()).isEqualTo(400);
            assertThat(chef.json().at("/data/chef/username").asText()).isEqualTo("critic");
            assertThat(chef.body()).doesNotContain("password");
        } finally {
            food.close();
        }
    }

    @Test
    void writesWorkOnPostgres() {
        String auth = "Bearer " + fixture.tokenB;

        TestServer.Response created = api.postJson("/api/restaurants", "{\"data\":{\"name\":\"Nouveau\",\"seats\":8}}", "Authorization", auth);
        String documentId = created.json().at("/data/documentId").asText();
        TestServer.Response updated = api.putJson("/api/restaurants/" + documentId, "{\"data\":{\"seats\":9}}", "Authorization", auth);
        TestServer.Response invalid = api.postJson("/api/restaurants", "{\"data\":{\"name\":\"X\",\"seats\":\"many\"}}", "Authorization", auth);
        TestServer.Response found = api.get("/api/restaurants?filters[seats][$eq]=9");

        assertThat(created.status()).isEqualTo(201);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().at("/data/seats").asInt()).isEqualTo(9);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(names(found)).containsExactly("Nouveau");
    }
}
