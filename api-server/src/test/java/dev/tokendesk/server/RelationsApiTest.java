package dev.tokendesk.server;

import static dev.tokendesk.server.RelationData.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relations over HTTP on H2: inverse sides derived from the owning side's links, connect,
 * disconnect and set, sorting on a relation's field, filters inside components, and relations to users.
 */
class RelationsApiTest {

    @TempDir
    Path dataDir;

    private TestServer api;
    private RelationData data;

    @BeforeEach
    void start() {
        api = new TestServer(dataDir.resolve("data"));
        data = new RelationData(api, dataDir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String menu(String dishes) {
        return data.create("menus", "{\"title\":\"Lunch\",\"dishes\":" + dishes + "}");
    }

    private TestServer.Response putMenu(String documentId, String data) {
        return this.data.put("menus", documentId, "?populate=dishes", data);
    }

    private JsonNode dishesOf(TestServer.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().at("/data/dishes");
    }

    @Test
    void inversePopulateListsOwningEntries() {
        TestServer.Response response = data.get("/api/categories?populate=restaurants&sort=name");

        assertThat(response.status()).isEqualTo(200);
        JsonNode categories = response.json().get("data");
        assertThat(values(categories, "/name")).containsExactly("French", "Italian", "Thai");
        assertThat(values(categories.get(0).get("restaurants"), "/name")).containsExactly("Chez Paul");
        assertThat(values(categories.get(1).get("restaurants"), "/name")).containsExactly("Pizzeria Roma", "Trattoria Nona");
        assertThat(categories.get(2).get("restaurants")).isEmpty();
    }

    @Test
    void inversePopulateTakesSortAndFilters() {
        TestServer.Response sorted = data.get("/api/categories/" + data.italian + "?populate[restaurants][sort]=name:desc");
        TestServer.Response filtered = data.get("/api/categories/" + data.italian + "?populate[restaurants][filters][price][$eq]=p2");

        assertThat(values(sorted.json().at("/data/restaurants"), "/name")).containsExactly("Trattoria Nona", "Pizzeria Roma");
        assertThat(values(filtered.json().at("/data/restaurants"), "/name")).containsExactly("Trattoria Nona");
    }

    @Test
    void inverseToManyFollowsOwnerChanges() {
        String lunch = menu("[\"" + data.soup + "\",\"" + data.pasta + "\"]");
        data.create("menus", "{\"title\":\"Dinner\",\"dishes\":[\"" + data.pasta + "\"]}");

        TestServer.Response pasta = data.get("/api/dishes/" + data.pasta + "?populate[menus][sort]=title");
        putMenu(lunch, "{\"dishes\":[\"" + data.cake + "\"]}");
        TestServer.Response soup = data.get("/api/dishes/" + data.soup + "?populate=menus");

        assertThat(values(pasta.json().at("/data/menus"), "/title")).containsExactly("Dinner", "Lunch");
        assertThat(soup.json().at("/data/menus")).isEmpty();
    }

    @Test
    void inverseFilterMatchesOwningEntries() {
        TestServer.Response byName = data.get("/api/categories?filters[restaurants][name][$eq]=Chez%20Paul");
        TestServer.Response byPrice = data.get("/api/categories?filters[restaurants][price][$in][0]=p1&filters[restaurants][price][$in][1]=p3&sort=name");
        TestServer.Response empty = data.get("/api/categories?filters[restaurants][$null]=true");
        TestServer.Response notEmpty = data.get("/api/categories?filters[restaurants][$notNull]=true&sort=name");

        assertThat(values(byName.json().get("data"), "/name")).containsExactly("French");
        assertThat(values(byPrice.json().get("data"), "/name")).containsExactly("French", "Italian");
        assertThat(values(empty.json().get("data"), "/name")).containsExactly("Thai");
        assertThat(values(notEmpty.json().get("data"), "/name")).containsExactly("French", "Italian");
    }

    @Test
    void writeThroughInverseSideIs400() {
        TestServer.Response response = data.post("categories", "{\"name\":\"Greek\",\"restaurants\":[\"" + data.pizzeria + "\"]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/details/errors/0/path/0").asText()).isEqualTo("data");
        assertThat(response.body()).contains("restaurants").contains("inverse side").contains("category");
        assertThat(data.get("/api/categories?filters[name][$eq]=Greek").json().get("data")).isEmpty();
    }

    @Test
    void connectAppendsToStoredTargets() {
        String lunch = menu("[\"" + data.soup + "\"]");

        TestServer.Response shortForm = putMenu(lunch, "{\"dishes\":{\"connect\":[\"" + data.pasta + "\"]}}");
        TestServer.Response longForm = putMenu(lunch, "{\"dishes\":{\"connect\":[{\"documentId\":\"" + data.cake + "\"}]}}");

        assertThat(values(dishesOf(shortForm), "/name")).containsExactly("Soup", "Pasta");
        assertThat(values(dishesOf(longForm), "/name")).containsExactly("Soup", "Pasta", "Cake");
    }

    @Test
    void connectHonoursPosition() {
        String lunch = menu("[\"" + data.soup + "\",\"" + data.pasta + "\"]");

        TestServer.Response before = putMenu(lunch,
                "{\"dishes\":{\"connect\":[{\"documentId\":\"" + data.cake + "\",\"position\":{\"before\":\"" + data.pasta + "\"}}]}}");
        TestServer.Response start = putMenu(lunch,
                "{\"dishes\":{\"connect\":[{\"documentId\":\"" + data.pasta + "\",\"position\":{\"start\":true}}]}}");
        TestServer.Response after = putMenu(lunch,
                "{\"dishes\":{\"connect\":[{\"documentId\":\"" + data.pasta + "\",\"position\":{\"after\":\"" + data.cake + "\"}}]}}");
        TestServer.Response missingAnchor = putMenu(lunch,
                "{\"dishes\":{\"connect\":[{\"documentId\":\"" + data.pasta + "\",\"position\":{\"after\":\"nosuchdish\"}}]}}");

        assertThat(values(dishesOf(before), "/name")).containsExactly("Soup", "Cake", "Pasta");
        assertThat(values(dishesOf(start), "/name")).containsExactly("Pasta", "Soup", "Cake");
        assertThat(values(dishesOf(after), "/name")).containsExactly("Soup", "Cake", "Pasta");
        assertThat(missingAnchor.status()).isEqualTo(400);
        assertThat(missingAnchor.body()).contains("nosuchdish");
    }

    @Test
    void disconnectRemovesOnlyNamedTargets() {
        String lunch = menu("[\"" + data.soup + "\",\"" + data.pasta + "\",\"" + data.cake + "\"]");

        TestServer.Response response = putMenu(lunch,
                "{\"dishes\":{\"disconnect\":[{\"documentId\":\"" + data.pasta + "\"}],\"connect\":[\"" + data.pasta + "\"]}}");
        TestServer.Response removed = putMenu(lunch, "{\"dishes\":{\"disconnect\":[\"" + data.soup + "\"]}}");

        assertThat(values(dishesOf(response), "/name")).containsExactly("Soup", "Cake", "Pasta");
        assertThat(values(dishesOf(removed), "/name")).containsExactly("Cake", "Pasta");
    }

    @Test
    void setAndPlainArrayReplaceTargets() {
        String lunch = menu("[\"" + data.soup + "\",\"" + data.pasta + "\"]");

        TestServer.Response set = putMenu(lunch, "{\"dishes\":{\"set\":[{\"documentId\":\"" + data.cake + "\"}]}}");
        TestServer.Response plain = putMenu(lunch, "{\"dishes\":[\"" + data.pasta + "\",\"" + data.soup + "\"]}");
        TestServer.Response both = putMenu(lunch, "{\"dishes\":{\"set\":[],\"connect\":[\"" + data.cake + "\"]}}");

        assertThat(values(dishesOf(set), "/name")).containsExactly("Cake");
        assertThat(values(dishesOf(plain), "/name")).containsExactly("Pasta", "Soup");
        assertThat(both.status()).isEqualTo(400);
    }

    @Test
    void connectOnCreateAndToOneRelations() {
        TestServer.Response created = api.postJson("/api/menus?populate=dishes",
                "{\"data\":{\"title\":\"Brunch\",\"dishes\":{\"connect\":[\"" + data.cake + "\",\"" + data.soup + "\"]}}}",
                "Authorization", data.writer);
        TestServer.Response moved = data.put("restaurants", data.chezPaul, "", "{\"category\":{\"connect\":[\"" + data.thai + "\"]}}");
        TestServer.Response thai = data.get("/api/categories/" + data.thai + "?populate=restaurants");
        TestServer.Response cleared = data.put("restaurants", data.chezPaul, "", "{\"category\":{\"disconnect\":[\"" + data.thai + "\"]}}");
        TestServer.Response none = data.get("/api/restaurants?filters[category][$null]=true");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(values(created.json().at("/data/dishes"), "/name")).containsExactly("Cake", "Soup");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(values(thai.json().at("/data/restaurants"), "/name")).containsExactly("Chez Paul");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(values(none.json().get("data"), "/name")).containsExactly("Chez Paul");
    }

    @Test
    void unknownDocumentIdIs400NamingIt() {
        String lunch = menu("[\"" + data.soup + "\"]");

        TestServer.Response connect = putMenu(lunch, "{\"dishes\":{\"connect\":[\"nosuchdish\"]}}");
        TestServer.Response disconnect = putMenu(lunch, "{\"dishes\":{\"disconnect\":[{\"documentId\":\"gone\"}]}}");
        TestServer.Response unknownKey = putMenu(lunch, "{\"dishes\":{\"connect\":[],\"attach\":[]}}");
        TestServer.Response unchanged = data.get("/api/menus/" + lunch + "?populate=dishes");

        assertThat(connect.status()).isEqualTo(400);
        assertThat(connect.json().at("/error/message").asText()).contains("dishes").contains("nosuchdish");
        assertThat(connect.json().at("/error/details/errors/0/path").toString()).contains("connect");
        assertThat(disconnect.status()).isEqualTo(400);
        assertThat(disconnect.json().at("/error/message").asText()).contains("dishes").contains("gone");
        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(unknownKey.json().at("/error/message").asText()).contains("attach");
        assertThat(values(unchanged.json().at("/data/dishes"), "/name")).containsExactly("Soup");
    }

    @Test
    void relationEditErrorsJoinOtherErrors() {
        TestServer.Response response = data.post("menus", "{\"title\":5,\"dishes\":{\"connect\":[\"nosuchdish\"]}}");

        assertThat(response.status()).isEqualTo(400);
        JsonNode errors = response.json().at("/error/details/errors");
        assertThat(errors).hasSize(2);
        assertThat(response.body()).contains("nosuchdish").contains("title");
    }

    @Test
    void sortOnToOneRelationField() {
        TestServer.Response ascending = data.get("/api/restaurants?sort=category.name:asc,name:desc");
        TestServer.Response objectForm = data.get("/api/restaurants?sort[0][category][name]=desc&sort[1][name]=asc");
        TestServer.Response reviews = data.get("/api/reviews?sort=restaurant.name:desc");

        assertThat(ascending.status()).as(ascending.toString()).isEqualTo(200);
        assertThat(values(ascending.json().get("data"), "/name")).containsExactly("Chez Paul", "Trattoria Nona", "Pizzeria Roma");
        assertThat(objectForm.status()).as(objectForm.toString()).isEqualTo(200);
        assertThat(values(objectForm.json().get("data"), "/name")).containsExactly("Pizzeria Roma", "Trattoria Nona", "Chez Paul");
        assertThat(values(reviews.json().get("data"), "/content")).containsExactly("Slow", "Great crust");
    }

    @Test
    void sortOnToManyRelationIs400() {
        TestServer.Response toMany = data.get("/api/menus?sort=dishes.name");
        TestServer.Response inverse = data.get("/api/categories?sort=restaurants.name:asc");
        TestServer.Response notRelation = data.get("/api/restaurants?sort=name.length");
        TestServer.Response unknownField = data.get("/api/restaurants?sort=category.nosuch");

        assertThat(toMany.status()).isEqualTo(400);
        assertThat(toMany.json().at("/error/message").asText()).contains("dishes.name").contains("to-one");
        assertThat(inverse.status()).isEqualTo(400);
        assertThat(inverse.json().at("/error/message").asText()).contains("restaurants");
        assertThat(notRelation.status()).isEqualTo(400);
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().at("/error/message").asText()).contains("nosuch");
    }

    @Test
    void filtersInsideSingleComponent() {
        TestServer.Response contains = data.get("/api/restaurants?filters[information][description][$containsi]=PIZZA");
        TestServer.Response missing = data.get("/api/restaurants?filters[information][description][$null]=true");
        TestServer.Response unknown = data.get("/api/restaurants?filters[information][nosuch][$eq]=x");
        TestServer.Response plainValue = data.get("/api/restaurants?filters[information]=x");

        assertThat(values(contains.json().get("data"), "/name")).containsExactly("Pizzeria Roma");
        assertThat(values(missing.json().get("data"), "/name")).containsExactly("Chez Paul");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/error/message").asText()).contains("nosuch");
        assertThat(plainValue.status()).isEqualTo(400);
    }

    @Test
    void repeatableComponentMatchesAnyItem() {
        TestServer.Response second = data.get("/api/restaurants?filters[socialNetworks][url][$startsWith]=https://friends.example");
        TestServer.Response any = data.get("/api/restaurants?filters[socialNetworks][url][$containsi]=PHOTOS&sort=name");
        TestServer.Response none = data.get("/api/restaurants?filters[$not][socialNetworks][url][$notNull]=true");

        assertThat(values(second.json().get("data"), "/name")).containsExactly("Pizzeria Roma");
        assertThat(values(any.json().get("data"), "/name")).containsExactly("Pizzeria Roma", "Trattoria Nona");
        assertThat(values(none.json().get("data"), "/name")).containsExactly("Chez Paul");
    }

    @Test
    void componentFiltersFollowUpdates() {
        data.put("restaurants", data.chezPaul, "", "{\"information\":{\"description\":\"Classic bistro\"}}");

        TestServer.Response response = data.get("/api/restaurants?filters[information][description][$eq]=Classic%20bistro");

        assertThat(values(response.json().get("data"), "/name")).containsExactly("Chez Paul");
    }

    @Test
    void userRelationPopulatesPublicFieldsOnly() {
        String lunch = data.create("menus", "{\"title\":\"Lunch\",\"chef\":{\"connect\":[{\"documentId\":\"" + data.critic.documentId()
                + "\"}]}}");

        TestServer.Response menu = data.get("/api/menus/" + lunch + "?populate=chef");
        TestServer.Response review = data.get("/api/reviews?populate=author&sort=note:desc");
        TestServer.Response star = data.get("/api/reviews?populate=*&sort=note:desc");

        assertThat(menu.status()).as(menu.toString()).isEqualTo(200);
        JsonNode chef = menu.json().at("/data/chef");
        assertThat(chef.get("username").asText()).isEqualTo("critic");
        assertThat(chef.get("documentId").asText()).isEqualTo(data.critic.documentId());
        assertThat(review.json().at("/data/0/author/username").asText()).isEqualTo("critic");
        assertThat(review.json().at("/data/1/author").isNull()).isTrue();
        assertThat(star.json().at("/data/0/author/username").asText()).isEqualTo("critic");
        for (TestServer.Response response : new TestServer.Response[] {menu, review, star}) {
            assertThat(response.body()).doesNotContain("password").doesNotContain("$argon2").doesNotContain("credential")
                    .doesNotContain("role");
        }
    }

    @Test
    void userRelationRejectsNestedOptions() {
        TestServer.Response response = data.get("/api/reviews?populate[author][fields][0]=username");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("populate[author]");
    }

    @Test
    void unknownUserIs400() {
        TestServer.Response response = data.post("menus", "{\"title\":\"Lunch\",\"chef\":\"nosuchuser\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("chef").contains("nosuchuser");
    }
}
