package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.role.Action;
import dev.tokendesk.role.Permission;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PUT and DELETE on entries, single types and draft-and-publish, over real HTTP. */
class EntryWritesTest {

    private static final String HOMEPAGE = "api::homepage.homepage";
    private static final String ARTICLE = "api::article.article";
    private static final Set<Action> ALL = Set.of(Action.FIND, Action.FIND_ONE, Action.CREATE, Action.UPDATE, Action.DELETE);

    @TempDir
    Path dataDir;

    private TestServer api;
    private ApiFixture fixture;
    private String bob;

    @BeforeEach
    void start() throws URISyntaxException {
        api = new TestServer(dataDir);
        fixture = new ApiFixture(api.desk);
        api.desk.content().importSchemas(Path.of(getClass().getResource("/schemas/homepage/schema.json").toURI()));
        api.desk.content().importSchemas(Path.of(getClass().getResource("/schemas/article/schema.json").toURI()));
        for (String uid : new String[] {HOMEPAGE, ARTICLE}) {
            api.desk.roles().grant("Editor", ALL.stream().map(action -> new Permission(uid, action)).collect(java.util.stream.Collectors.toSet()));
            api.desk.roles().grant("Public", Set.of(new Permission(uid, Action.FIND), new Permission(uid, Action.FIND_ONE)));
        }
        api.desk.roles().grant("Editor", Set.of(new Permission(ApiFixture.RESTAURANT, Action.DELETE)));
        bob = "Bearer " + fixture.tokenB;
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String documentIdOf(int index) {
        return api.get("/api/restaurants").json().at("/data/" + index + "/documentId").asText();
    }

    private long restaurantCount() {
        return api.desk.content().list(ApiFixture.RESTAURANT, 1, 1).total();
    }

    @Test
    void putChangesOnlyGivenAttributes() {
        String documentId = documentIdOf(1);

        TestServer.Response response = api.putJson("/api/restaurants/" + documentId, "{\"data\":{\"seats\":14}}", "Authorization", bob);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/data/seats").asInt()).isEqualTo(14);
        assertThat(response.json().at("/data/name").asText()).isEqualTo("Le Bistro");
        assertThat(api.get("/api/restaurants?filters[seats][$eq]=14").json().at("/data/0/documentId").asText()).isEqualTo(documentId);
        assertThat(api.get("/api/restaurants?filters[seats][$eq]=12").json().get("data")).isEmpty();
    }

    @Test
    void putWithoutUpdatePermissionIs403() {
        TestServer.Response response = api.putJson("/api/restaurants/" + documentIdOf(0), "{\"data\":{\"seats\":1}}",
                "Authorization", "Bearer " + fixture.tokenA);

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void putUnknownDocumentIs404() {
        TestServer.Response response = api.putJson("/api/restaurants/nosuchdocument", "{\"data\":{\"seats\":1}}", "Authorization", bob);

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void badBodiesOnPutAre4xxAndChangeNothing() {
        String documentId = documentIdOf(0);
        String[][] cases = {
            {"{\"data\":{\"name\":\"New\",\"seats\":\"12-A\"}}", "400", "seats"},
            {"{\"name\":\"New\",\"seats\":12}", "400", "data"},
            {"{\"data\":{\"name\":[null]}}", "400", "name"},
            {"{\"data\":{\"name\":\"New\",\"seats\":12.5}}", "400", "seats"},
            {"{\"data\":{\"name\":\"New\",\"seats\":99999999999}}", "400", "seats"},
            {"{\"data\":{\"name\":\"New\",\"owner\":999}}", "400", "owner"},
            {"{\"data\":{\"name\":\"New\",\"seats\":\"12\"}}", "400", "seats"},
            {"{\"data\":{\"name\":null}}", "400", "name"},
            {"{\"data\":{\"nosuch\":1}}", "400", "nosuch"},
        };

        for (String[] testCase : cases) {
            TestServer.Response response = api.putJson("/api/restaurants/" + documentId, testCase[0], "Authorization", bob);

            assertThat(response.status()).as(testCase[0] + " -> " + response).isEqualTo(Integer.parseInt(testCase[1]));
            assertThat(response.json().at("/error/details/errors").toString()).as(testCase[0]).contains("\"" + testCase[2] + "\"");
            assertThat(api.get("/api/restaurants/" + documentId).json().at("/data/name").asText()).as(testCase[0]).isEqualTo("Chez Marie");
            assertThat(api.get("/api/restaurants?filters[name][$eq]=New").json().get("data")).as(testCase[0]).isEmpty();
        }
    }

    @Test
    void textPlainPutIs415() {
        TestServer.Response response = api.putJson("/api/restaurants/" + documentIdOf(0), "{\"data\":{\"seats\":1}}",
                "Authorization", bob, "Content-Type", "text/plain");

        assertThat(response.status()).isEqualTo(415);
    }

    @Test
    void deleteIs204AndRemovesEntry() {
        String documentId = documentIdOf(0);

        TestServer.Response response = api.delete("/api/restaurants/" + documentId, "Authorization", bob);
        TestServer.Response again = api.delete("/api/restaurants/" + documentId, "Authorization", bob);

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(again.status()).isEqualTo(404);
        assertThat(restaurantCount()).isEqualTo(4);
        assertThat(api.get("/api/restaurants?filters[name][$eq]=Chez%20Marie").json().get("data")).isEmpty();
    }

    @Test
    void deleteWithoutPermissionIs403() {
        TestServer.Response response = api.delete("/api/restaurants/" + documentIdOf(0), "Authorization", "Bearer " + fixture.tokenA);

        assertThat(response.status()).isEqualTo(403);
        assertThat(restaurantCount()).isEqualTo(5);
    }

    @Test
    void singleTypeIsReadWrittenAndDeletedAtSingularName() {
        TestServer.Response missing = api.get("/api/homepage");
        TestServer.Response created = api.putJson("/api/homepage", "{\"data\":{\"title\":\"Welcome\"}}", "Authorization", bob);
        TestServer.Response patched = api.putJson("/api/homepage", "{\"data\":{\"intro\":\"Hello\"}}", "Authorization", bob);
        TestServer.Response read = api.get("/api/homepage?fields=title");
        TestServer.Response post = api.postJson("/api/homepage", "{\"data\":{\"title\":\"x\"}}", "Authorization", bob);
        TestServer.Response byPlural = api.get("/api/homepages");
        TestServer.Response byDocumentId = api.get("/api/homepage/abc");
        TestServer.Response deleted = api.delete("/api/homepage", "Authorization", bob);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().at("/data/title").asText()).isEqualTo("Welcome");
        assertThat(patched.json().at("/data/title").asText()).isEqualTo("Welcome");
        assertThat(patched.json().at("/data/intro").asText()).isEqualTo("Hello");
        assertThat(read.json().at("/data/title").asText()).isEqualTo("Welcome");
        assertThat(read.json().at("/data/intro").isMissingNode()).isTrue();
        assertThat(post.status()).isEqualTo(405);
        assertThat(byPlural.status()).isEqualTo(404);
        assertThat(byDocumentId.status()).isEqualTo(404);
        assertThat(byDocumentId.json().at("/error/message").asText()).contains("'homepage' is a single type").contains("/api/homepage");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/homepage").status()).isEqualTo(404);
    }

    @Test
    void draftIsHiddenUntilPublished() {
        TestServer.Response draft = api.postJson("/api/articles?status=draft", "{\"data\":{\"title\":\"Soon\",\"pin\":\"1234\"}}",
                "Authorization", bob);
        String documentId = draft.json().at("/data/documentId").asText();
        TestServer.Response published = api.get("/api/articles");
        TestServer.Response drafts = api.get("/api/articles?status=draft");
        TestServer.Response publish = api.putJson("/api/articles/" + documentId, "{\"data\":{}}", "Authorization", bob);
        TestServer.Response afterPublish = api.get("/api/articles");
        TestServer.Response unpublish = api.putJson("/api/articles/" + documentId + "?status=draft", "{\"data\":{}}", "Authorization", bob);

        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.json().at("/data/publishedAt").isNull()).isTrue();
        assertThat(draft.json().at("/data/pin").isMissingNode()).isTrue();
        assertThat(published.json().get("data")).isEmpty();
        assertThat(drafts.json().at("/data/0/title").asText()).isEqualTo("Soon");
        assertThat(drafts.json().at("/data/0/publishedAt").isNull()).isTrue();
        assertThat(publish.status()).isEqualTo(200);
        assertThat(publish.json().at("/data/publishedAt").isTextual()).isTrue();
        assertThat(afterPublish.json().get("data")).hasSize(1);
        assertThat(unpublish.json().at("/data/publishedAt").isNull()).isTrue();
        assertThat(api.get("/api/articles").json().get("data")).isEmpty();
    }

    @Test
    void putKeepsUniqueValueAndPasswordOfSameEntry() {
        String documentId = api.postJson("/api/articles", "{\"data\":{\"title\":\"One\",\"pin\":\"1234\"}}", "Authorization", bob)
                .json().at("/data/documentId").asText();
        api.postJson("/api/articles", "{\"data\":{\"title\":\"Two\"}}", "Authorization", bob);

        TestServer.Response same = api.putJson("/api/articles/" + documentId, "{\"data\":{\"title\":\"One\"}}", "Authorization", bob);
        TestServer.Response taken = api.putJson("/api/articles/" + documentId, "{\"data\":{\"title\":\"Two\"}}", "Authorization", bob);

        assertThat(same.status()).isEqualTo(200);
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().at("/error/details/errors/0/path/1").asText()).isEqualTo("title");
        assertThat(api.get("/api/articles?filters[title][$eq]=One").json().get("data")).hasSize(1);
    }

    @Test
    void localeIsRejected() {
        TestServer.Response response = api.get("/api/restaurants?locale=fr");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("locale");
    }
}
