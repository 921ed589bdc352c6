package dev.tokendesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.server.requestlog.RequestLogEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Query and body handling that users of similar systems reported: pagination, leaks, bad bodies. */
class QueryCasesTest {

    @TempDir
    Path dataDir;

    private TestServer api;
    private ApiFixture fixture;

    @BeforeEach
    void start() {
        api = new TestServer(dataDir);
        fixture = new ApiFixture(api.desk);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private long restaurantCount() {
        return api.desk.content().list(ApiFixture.RESTAURANT, 1, 1).total();
    }

    @Test
    void tokenOnlyQueryReturnsAllRows() {
        TestServer.Response response = api.get("/api/restaurants?token=" + fixture.tokenA);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("data")).hasSize(5);
    }

    @Test
    void pageSizeZeroIs400() {
        TestServer.Response response = api.get("/api/restaurants?pagination[page]=1&pagination[pageSize]=0");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/name").asText()).isEqualTo("ValidationError");
        assertThat(response.json().at("/error/message").asText()).contains("pagination[pageSize]").contains("1 to 100");
    }

    @Test
    void negativeOrZeroPagingIs400() {
        String[] queries = {
            "pagination[pageSize]=-1",
            "pagination[page]=0",
            "pagination[page]=-3",
            "pagination[start]=-1&pagination[limit]=2",
            "pagination[pageSize]=101",
            "pagination[pageSize]=abc",
            "pagination[page]=99999999999",
        };

        for (String query : queries) {
            TestServer.Response response = api.get("/api/restaurants?" + query);

            assertThat(response.status()).as(query + " -> " + response).isEqualTo(400);
            assertThat(response.json().at("/error/message").asText()).as(query).contains("pagination[");
        }
    }

    @Test
    void pageBeyondLastIsEmpty() {
        TestServer.Response response = api.get("/api/restaurants?pagination[page]=3&pagination[pageSize]=2");
        TestServer.Response past = api.get("/api/restaurants?pagination[page]=4&pagination[pageSize]=2");

        assertThat(response.json().get("data")).hasSize(1);
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.json().get("data")).isEmpty();
        assertThat(past.json().at("/meta/pagination/total").asInt()).isEqualTo(5);
    }

    @Test
    void unknownParametersAre400NotIgnored() {
        String[] queries = {"name=Chez%20Marie", "filters[secretNote][$eq]=x", "sort=nope", "pagination[pageSize]=2&pagination[pageSize]=3"};

        for (String query : queries) {
            TestServer.Response response = api.get("/api/restaurants?" + query);

            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.json().get("data").isNull()).as(query).isTrue();
        }
    }

    @Test
    void requestLogRedactsQueryToken() {
        api.get("/api/restaurants?token=" + fixture.tokenA + "&pagination[pageSize]=2");
        TestServer.Response failed = api.get("/api/restaurants?token=" + fixture.tokenA + "&sort=nope");

        List<RequestLogEntry> entries = api.awaitRequestLog(2);

        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.body()).doesNotContain(fixture.tokenA);
        assertThat(failed.body()).doesNotContain(fixture.tokenA.substring(4, 40));
        assertThat(entries).hasSize(2);
        assertThat(entries).allSatisfy(entry -> assertThat(entry.query()).doesNotContain(fixture.tokenA.substring(4, 40)));
        assertThat(entries.get(0).query()).isEqualTo("token=tdk_\u2026" + fixture.tokenA.substring(49) + "&pagination[pageSize]=2");
        assertThat(entries.get(0).caller()).isEqualTo("alice");
        assertThat(entries.get(0).status()).isEqualTo(200);
        assertThat(entries.get(1).status()).isEqualTo(400);
    }

    @Test
    void everyResponseHasSecurityHeaders() {
        TestServer.Response ok = api.get("/api/restaurants");
        TestServer.Response error = api.get("/api/restaurants?token=bad");

        for (TestServer.Response response : List.of(ok, error)) {
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void badBodiesAre4xxAndStoreNothing() {
        String auth = "Bearer " + fixture.tokenA;
        String[][] cases = {
            {"{\"data\":{\"name\":\"New\",\"seats\":\"12-A\"}}", "400", "seats"},
            {"{\"name\":\"New\",\"seats\":12}", "400", "data"},
            {"{\"data\":{\"name\":[null]}}", "400", "name"},
            {"{\"data\":{\"name\":\"New\",\"seats\":12.5}}", "400", "seats"},
            {"{\"data\":{\"name\":\"New\",\"seats\":99999999999}}", "400", "seats"},
            {"{\"data\":{\"name\":\"New\",\"owner\":999}}", "400", "owner"},
            {"{\"data\":{\"name\":\"New\",\"seats\":\"12\"}}", "400", "seats"},
            {"{\"data\":\"New\"}", "400", "data"},
            {"{\"data\":{\"name\":\"New\"}", "400", "body"},
        };

        for (String[] testCase : cases) {
            TestServer.Response response = api.postJson("/api/restaurants", testCase[0], "Authorization", auth);

            assertThat(response.status()).as(testCase[0] + " -> " + response).isEqualTo(Integer.parseInt(testCase[1]));
            assertThat(response.json().at("/error/details/errors").toString()).as(testCase[0]).contains("\"" + testCase[2] + "\"");
            assertThat(restaurantCount()).as(testCase[0]).isEqualTo(5);
        }
    }

    @Test
    void textPlainBodyIs415() {
        TestServer.Response response = api.postJson("/api/restaurants", "{\"data\":{\"name\":\"New\"}}",
                "Authorization", "Bearer " + fixture.tokenA, "Content-Type", "text/plain");

        assertThat(response.status()).isEqualTo(415);
        assertThat(restaurantCount()).isEqualTo(5);
    }

    @Test
    void findOneReturnsEntryByDocumentId() {
        String documentId = api.get("/api/restaurants").json().at("/data/1/documentId").asText();

        TestServer.Response found = api.get("/api/restaurants/" + documentId);
        TestServer.Response missing = api.get("/api/restaurants/doesnotexist");

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().at("/data/name").asText()).isEqualTo("Le Bistro");
        assertThat(found.json().at("/data/secretNote").isMissingNode()).isTrue();
        assertThat(missing.status()).isEqualTo(404);
    }
}
